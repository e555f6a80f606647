//===- CaptureArgs.h - the args that say where a pointer was captured -----===//
#ifndef ESCAPE_CAPTURE_ARGS_H
#define ESCAPE_CAPTURE_ARGS_H

#include "CaptureSite.h"

#include <string>

namespace llvm {
class Function;
}

namespace escape {

class Remark;
struct PluginState;

/// Appends the named args that say where a captured pointer went: `Callee`
/// and `ArgNo` for a call, then `Reason`, located at the capturing
/// instruction. The catalog's sentence words them.
void addCaptureArgs(Remark &R, const CaptureSite &Site,
                    const PluginState &State);

/// The source position of the argument the captured pointer was, as the
/// user counts (without `sret` and `this`); "this" for the object itself.
std::string sourceArgNo(const CaptureSite &Site, const PluginState &State);

/// The same for argument ArgNo (1-based, as LLVM counts) of Callee.
std::string sourceArgNo(const llvm::Function &Callee, unsigned ArgNo,
                        const PluginState &State);

} // namespace escape

#endif
