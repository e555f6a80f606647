//===- CoroutineFrames.h - locals that live in a coroutine's heap frame ---===//
//
// CoroSplit moves every local that lives across a suspend point into the
// coroutine frame, which operator new allocates unless CoroElide removes the
// allocation. The plugin watches CoroSplit run: a named stack slot that is
// used before and dead after it (its uses now point into the frame) has
// moved. At the end of optimization it is reported (HeapPromoted,
// coroutine-frame) when the coroutine still allocates on the heap.
//
// Locals the optimizer already turned into registers before CoroSplit are
// spilled into the frame as values, not as slots, and cannot be named
// without debug variables; they are not reported (docs/remarks.md).
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_COROUTINE_FRAMES_H
#define ESCAPE_COROUTINE_FRAMES_H

#include "LocalNames.h"

#include "llvm/IR/PassManager.h"
#include "llvm/IR/ValueHandle.h"

#include <string>
#include <vector>

namespace llvm {
class Any;
} // namespace llvm

namespace escape {

class RemarkSink;
struct PluginState;

/// A named stack slot of a coroutine, watched while CoroSplit runs.
struct CoroutineLocal {
  llvm::WeakVH Slot; // null once CoroSplit moved it into the frame
  LocalName Local;
  std::string Function;
};

/// Slots of the coroutines CoroSplit is splitting, and those it moved.
struct CoroutineWatch {
  std::vector<CoroutineLocal> Slots;
  std::vector<CoroutineLocal> FrameLocals;
};

/// Before CoroSplit runs on IR (a function, SCC or module): remembers the
/// named slots of the presplit coroutines in it.
void beforeCoroutineSplit(PluginState &State, llvm::Any IR);

/// After CoroSplit: the remembered slots it left dead moved to the frame.
void afterCoroutineSplit(PluginState &State);

/// HeapPromoted for the moved locals of coroutines whose frame is still
/// allocated on the heap.
void reportCoroutineFrames(llvm::Module &M, PluginState &State,
                           llvm::FunctionAnalysisManager &FAM,
                           RemarkSink &Sink);

} // namespace escape

#endif
