//===- CoroutineFrames.cpp - locals that live in a coroutine's heap frame -===//

#include "CoroutineFrames.h"

#include "Allocation.h"
#include "PluginState.h"
#include "RemarkSink.h"
#include "escape/remark_catalog.h"

#include "llvm/ADT/Any.h"
#include "llvm/Analysis/LazyCallGraph.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

#include <string>
#include <utility>
#include <vector>

using namespace llvm;

namespace escape {

namespace {

/// The functions a pass is about to run on.
std::vector<const Function *> functionsOf(Any IR) {
  std::vector<const Function *> Functions;
  if (const auto *SCC = any_cast<const LazyCallGraph::SCC *>(&IR)) {
    for (const LazyCallGraph::Node &Node : **SCC)
      Functions.push_back(&Node.getFunction());
  } else if (const auto *F = any_cast<const Function *>(&IR)) {
    Functions.push_back(*F);
  } else if (const auto *M = any_cast<const Module *>(&IR)) {
    for (const Function &F : **M)
      Functions.push_back(&F);
  }
  return Functions;
}

/// True when F still allocates heap memory (its frame, in a ramp whose
/// allocation CoroElide did not remove).
bool allocatesOnHeap(Function &F, FunctionAnalysisManager &FAM) {
  const TargetLibraryInfo &TLI = FAM.getResult<TargetLibraryAnalysis>(F);
  for (const BasicBlock &Block : F)
    for (const Instruction &I : Block)
      if (const auto *Call = dyn_cast<CallBase>(&I))
        if (std::optional<Allocation> Alloc = allocationOf(*Call, TLI))
          if (Alloc->Kind == AllocKind::New || Alloc->Kind == AllocKind::Malloc)
            return true;
  return false;
}

} // namespace

void beforeCoroutineSplit(PluginState &State, Any IR) {
  for (const Function *F : functionsOf(IR)) {
    if (!F->isPresplitCoroutine())
      continue;
    for (auto &[Slot, Local] : State.Names.boundIn(*F))
      if (!Slot->use_empty())
        State.Coroutines.Slots.push_back(
            {WeakVH(Slot), Local, F->getName().str()});
  }
}

void afterCoroutineSplit(PluginState &State) {
  // CoroSplit points the slot's uses at the frame and leaves the slot dead
  // (a later pass deletes it).
  for (CoroutineLocal &Watched : State.Coroutines.Slots)
    if (!Watched.Slot || Watched.Slot->use_empty())
      State.Coroutines.FrameLocals.push_back(std::move(Watched));
  State.Coroutines.Slots.clear();
}

void reportCoroutineFrames(Module &M, PluginState &State,
                           FunctionAnalysisManager &FAM, RemarkSink &Sink) {
  for (const CoroutineLocal &Moved : State.Coroutines.FrameLocals) {
    Function *Ramp = M.getFunction(Moved.Function);
    if (!Ramp || Ramp->isDeclaration() || !allocatesOnHeap(*Ramp, FAM))
      continue;
    Remark R(ESCAPE_KIND_HEAP_PROMOTED, Moved.Function);
    R.at(Moved.Local.Decl)
        .arg(ESCAPE_KEY_VAR, Moved.Local.Name, Moved.Local.Decl)
        .arg(ESCAPE_KEY_REASON, "coroutine-frame");
    Sink.add(std::move(R));
  }
  State.Coroutines.FrameLocals.clear();
}

} // namespace escape
