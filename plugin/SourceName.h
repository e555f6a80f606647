//===- SourceName.h - a called function as the source spells it -----------===//
//
// The IR names some calls differently from the source: intrinsics
// (llvm.va_start.p0 for va_start), glibc's redirections under
// _FORTIFY_SOURCE and C99 scanf (__printf_chk, __isoc99_sscanf). Remarks name
// the function the user wrote.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_SOURCE_NAME_H
#define ESCAPE_SOURCE_NAME_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace llvm {
class Function;
} // namespace llvm

namespace escape {

/// The name the source uses for a call to F.
std::string sourceCalleeName(const llvm::Function &F);

/// The source name for an IR symbol name (no intrinsics).
std::string sourceSymbolName(llvm::StringRef Name);

} // namespace escape

#endif
