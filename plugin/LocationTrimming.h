//===- LocationTrimming.h - only the locations the remarks need -----------===//
//
// When the plugin turned location tracking on itself (no -g, no -Rpass),
// every instruction carries a DILocation, and every pass that clones, merges
// or inlines instructions pays for it: on sqlite3.c that is most of the
// plugin's compile-time cost. The remarks only read the locations of calls
// (inlining verdicts, call remarks, capture sites, lifetime starts that name
// locals), stores (the initializers that name locals) and returns, so the
// others are dropped before the optimizer runs. Code generation never sees
// any of them: EscapeReport strips the rest at the end.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_LOCATION_TRIMMING_H
#define ESCAPE_LOCATION_TRIMMING_H

namespace llvm {
class Function;
} // namespace llvm

namespace escape {

/// Drops the DILocations of F's instructions that no remark reads.
void dropUnreadLocations(llvm::Function &F);

} // namespace escape

#endif
