//===- CallSite.h - naming the callee of a capturing call -----------------===//
#ifndef ESCAPE_CALL_SITE_H
#define ESCAPE_CALL_SITE_H

#include "CaptureSite.h"

#include "llvm/ADT/StringRef.h"

#include <string>

namespace escape {

class Remark;
struct PluginState;

/// Appends the arguments that say where a captured pointer went, Lead
/// first: `Lead passed to `Callee` (argument `N`)`, `Lead stored to memory`,
/// ... then `; reason: `Reason, located at the capturing instruction.
void addCaptureArgs(Remark &R, llvm::StringRef Lead, const CaptureSite &Site,
                    const PluginState &State);

/// The source position of the argument the captured pointer was, as the
/// user counts (without `sret` and `this`); "this" for the object itself.
std::string sourceArgNo(const CaptureSite &Site, const PluginState &State);

} // namespace escape

#endif
