//===- InlineContext.h - where a remark's inlined code came from ----------===//
//
// A site in code the inliner copied from another function says so (SPEC
// "Context"): one InlinedFrom arg per level of its DILocation's inlined-at
// chain, naming the function the code came from, with the DebugLoc of the
// call it was inlined at, and an InlinedInto arg naming the function the
// code now lives in. The sentence's {=context} says it in words.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_INLINE_CONTEXT_H
#define ESCAPE_INLINE_CONTEXT_H

#include "llvm/ADT/DenseMap.h"

#include <string>

namespace llvm {
class DISubprogram;
class Function;
} // namespace llvm

namespace escape {

class Remark;

/// IR names of functions by their debug info, where it lacks them.
using SubprogramNameMap =
    llvm::DenseMap<const llvm::DISubprogram *, std::string>;

/// Records F's IR name for its DISubprogram when the debug info has no
/// linkage name that says it (C++ without -g); C functions need none.
void noteSubprogramName(const llvm::Function &F, SubprogramNameMap &Names);

/// Appends the inlined-at context of R's site (Remark::siteLocation), if
/// the site lies in inlined code; nothing otherwise.
void addInlineContext(Remark &R, const SubprogramNameMap &Names);

} // namespace escape

#endif
