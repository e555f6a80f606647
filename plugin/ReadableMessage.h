//===- ReadableMessage.h - remark messages with the source's names --------===//
//
// The YAML keeps LLVM's names (mangled for C++); what users read names
// functions as the source does. Shared by the compile-time and link-time
// printers.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_READABLE_MESSAGE_H
#define ESCAPE_READABLE_MESSAGE_H

#include "escape/remark.h"

#include <string>

namespace escape {

/// A C++ symbol as a reader would write it: demangled, without the return
/// type of a template and the parameter list that the source line already
/// shows (`roundtrip<int>`, `Registry::add`); C names unchanged.
std::string readableName(const char *Name);

/// The catalog's message for Data, with readable callee, caller and
/// function names.
std::string readableMessage(const escape_remark &Data);

} // namespace escape

#endif
