//===- LocationTrimming.h - only the locations the remarks need -----------===//
//
// When the plugin turned location tracking on itself (no -g, no -Rpass),
// every instruction carries a DILocation, and every pass that clones, merges
// or inlines instructions pays for it. The remarks only read the locations
// of calls (inlining verdicts, call remarks, lifetime starts that name
// locals), stores (the initializers that name locals) and the capture sites
// of pointers (calls, stores, returns, comparisons, conversions to
// integers, and what passes derive them from: address computations and
// terminators), so the others — loads, integer arithmetic, phis, selects —
// are dropped before the optimizer runs. Code generation never sees any of
// them: EscapeReport strips the rest at the end.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_LOCATION_TRIMMING_H
#define ESCAPE_LOCATION_TRIMMING_H

namespace llvm {
class Function;
class Instruction;
} // namespace llvm

namespace escape {

/// Drops the DILocations of F's instructions that no remark reads.
void dropUnreadLocations(llvm::Function &F);

/// True when I keeps its location without -g: what reads locations (names
/// of locals, remarks) reads only these, so it reads the same with -g.
bool locationIsRead(const llvm::Instruction &I);

/// False when ESCAPE_KEEP_LOCATIONS is set: every location is kept, so that
/// scripts/yaml-compare.sh can check that trimming changes no remark.
bool locationTrimmingEnabled();

} // namespace escape

#endif
