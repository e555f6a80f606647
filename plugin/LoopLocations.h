//===- LoopLocations.h - loop metadata as it is without location tracking -===//
//
// With location tracking on, clang gives every loop an `llvm.loop` node that
// holds the loop's start and end locations; without it, a C loop without
// pragmas has no such node at all. SimplifyCFG keeps blocks whose branch
// carries loop metadata, so the extra nodes change optimization decisions
// (seen in sqlite3.c's pager_playback). And the inliner gives every inlined
// copy of a loop a fresh ID when the call has a location, where a plain
// compile shares one, which changes -flto bitcode.
//
// So before the optimizer runs, loop IDs lose their locations (and those left
// empty are removed), and each remaining ID gets a tag naming its clean form;
// after the optimizer, every ID that still equals its tagged original is
// replaced by that one shared clean node, and the others lose the tag.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_LOOP_LOCATIONS_H
#define ESCAPE_LOOP_LOCATIONS_H

namespace llvm {
class Function;
class Module;
} // namespace llvm

namespace escape {

/// Rewrites F's `llvm.loop` attachments without their DILocation operands,
/// removing those left empty and tagging the others.
void dropLoopLocations(llvm::Function &F);

/// Replaces the tagged loop IDs of M by the IDs a plain compile would have.
void restoreLoopIDs(llvm::Module &M);

} // namespace escape

#endif
