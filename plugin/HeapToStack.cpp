//===- HeapToStack.cpp - heap buffers that could be stack objects ---------===//
//
// A malloc/calloc/aligned_alloc/new of a small constant size whose pointer
// never leaves the function (LLVM's CaptureTracking: only loads, stores
// through it and calls that do not keep it) and that is freed on every way
// out of the function could be a stack array or a local object. Only calls
// still there at the end of optimization are looked at, so allocations the
// optimizer removed itself are not reported.
//
//===----------------------------------------------------------------------===//

#include "Allocation.h"
#include "Analyses.h"
#include "CallRemark.h"
#include "Compat.h"
#include "PluginState.h"
#include "RemarkSink.h"
#include "escape/remark_catalog.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/CaptureTracking.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Instructions.h"

#include <string>
#include <utility>

using namespace llvm;

namespace escape {

namespace {

/// True for the edge From -> To taken when Pointer is null: no memory was
/// allocated there, so nothing has to be freed on it.
bool isNullEdge(const BasicBlock &From, const BasicBlock &To,
                const Value *Pointer) {
  const auto *Branch = dyn_cast<BranchInst>(From.getTerminator());
  if (!Branch || !Branch->isConditional())
    return false;
  const auto *Compare = dyn_cast<ICmpInst>(Branch->getCondition());
  if (!Compare || !Compare->isEquality())
    return false;
  const Value *Other =
      Compare->getOperand(0) == Pointer   ? Compare->getOperand(1)
      : Compare->getOperand(1) == Pointer ? Compare->getOperand(0)
                                          : nullptr;
  if (!Other || !isa<ConstantPointerNull>(Other))
    return false;
  unsigned NullSuccessor = Compare->getPredicate() == ICmpInst::ICMP_EQ ? 0 : 1;
  return Branch->getSuccessor(NullSuccessor) == &To;
}

/// CaptureTracking's view, except that freeing the memory does not keep the
/// pointer (free is nocapture, operator delete is not marked so).
class KeptTracker : public EscapeCaptureTracker {
public:
  KeptTracker(const Value &Pointer, const TargetLibraryInfo &TLI)
      : Pointer(Pointer), TLI(TLI) {}
  void tooManyUses() override { Kept = true; }
  bool capturedUse(const Use *U) override {
    if (const auto *Call = dyn_cast<CallBase>(U->getUser()))
      if (freesPointer(*Call, &Pointer, TLI))
        return false;
    Kept = true;
    return true;
  }
  bool Kept = false;

private:
  const Value &Pointer;
  const TargetLibraryInfo &TLI;
};

bool isKept(const CallBase &Alloc, const TargetLibraryInfo &TLI) {
  KeptTracker Tracker(Alloc, TLI);
  PointerMayBeCaptured(&Alloc, &Tracker);
  return Tracker.Kept;
}

using Position = std::pair<const BasicBlock *, BasicBlock::const_iterator>;

/// Follows every path from Alloc to the function's exits; false when one
/// returns (or comes back to Alloc) without freeing the pointer.
bool freedOnEveryPath(const CallBase &Alloc, const TargetLibraryInfo &TLI) {
  SmallVector<Position, 8> Work;
  SmallPtrSet<const BasicBlock *, 16> Seen;
  if (const auto *Invoke = dyn_cast<InvokeInst>(&Alloc))
    Work.push_back({Invoke->getNormalDest(), Invoke->getNormalDest()->begin()});
  else
    Work.push_back({Alloc.getParent(), std::next(Alloc.getIterator())});
  while (!Work.empty()) {
    auto [Block, It] = Work.pop_back_val();
    bool Freed = false;
    for (; It != Block->end() && !Freed; ++It) {
      if (&*It == &Alloc)
        return false; // allocated again before this one was freed
      if (const auto *Call = dyn_cast<CallBase>(&*It))
        Freed = freesPointer(*Call, &Alloc, TLI);
    }
    if (Freed || isa<UnreachableInst>(Block->getTerminator()))
      continue;
    if (isa<ReturnInst>(Block->getTerminator()) ||
        isa<ResumeInst>(Block->getTerminator()))
      return false;
    for (const BasicBlock *Next : successors(Block))
      if (!isNullEdge(*Block, *Next, &Alloc) && Seen.insert(Next).second)
        Work.push_back({Next, Next->begin()});
  }
  return true;
}

void report(const FunctionContext &Context, const CallBase &Call,
            uint64_t Bytes) {
  Remark R = callRemark(ESCAPE_KIND_HEAP_TO_STACK, Context, Call);
  R.arg(ESCAPE_KEY_BYTES, std::to_string(Bytes));
  addCallee(R, Call);
  Context.Sink.add(std::move(R));
}

} // namespace

void analyzeHeapToStack(const FunctionContext &Context) {
  forEachCallToDeclaration(Context, [&](const CallBase &Call,
                                        const TargetLibraryInfo &TLI) {
    std::optional<Allocation> Alloc = allocationOf(Call, TLI);
    if (!Alloc || Alloc->Kind == AllocKind::Realloc ||
        Alloc->Kind == AllocKind::Strdup || !Alloc->Bytes ||
        *Alloc->Bytes == 0 || *Alloc->Bytes > Context.State.Options.HeapLimit)
      return;
    if (isKept(Call, TLI) || !freedOnEveryPath(Call, TLI))
      return;
    report(Context, Call, *Alloc->Bytes);
  });
}

} // namespace escape
