//===- CallRemark.cpp - remarks placed at a call --------------------------===//

#include "CallRemark.h"

#include "Analyses.h"
#include "SourceName.h"
#include "escape/remark_catalog.h"

#include "llvm/Analysis/BlockFrequencyInfo.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/ProfileSummaryInfo.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"

#include <optional>
#include <string>

using namespace llvm;

namespace escape {

namespace {

/// With a PGO profile: the call's execution count, hot when the profile
/// summary says so. Without one, nothing (loop depth is the estimate).
void addHotness(Remark &R, const FunctionContext &Context,
                const CallBase &Call) {
  if (!Context.F.getEntryCount())
    return;
  auto &BFI = Context.FAM.getResult<BlockFrequencyAnalysis>(Context.F);
  std::optional<uint64_t> Count = BFI.getBlockProfileCount(Call.getParent());
  if (!Count)
    return;
  const ProfileSummaryInfo *Summary = Context.Summary;
  R.hotness(*Count, Summary && Summary->isHotCount(*Count));
}

/// Where the loop statement is: the branch that decides whether to go
/// round again, which clang places at the loop's condition (kept by loop
/// rotation); else what LLVM takes (its loop metadata lost its locations,
/// LoopLocations.h, so a preheader's or header's branch, which passes may
/// have merged with other code).
const DILocation *loopStatement(const Loop &L) {
  if (const BasicBlock *Latch = L.getLoopLatch())
    if (const DILocation *Loc = Latch->getTerminator()->getDebugLoc().get();
        Loc && Loc->getLine())
      return Loc;
  return L.getStartLoc().get();
}

} // namespace

Remark callRemark(escape_remark_kind Kind, const FunctionContext &Context,
                  const CallBase &Call) {
  Remark R(Kind, Context.F.getName());
  R.at(Call.getDebugLoc().get());
  addHotness(R, Context, Call);
  return R;
}

bool addCallee(Remark &R, const CallBase &Call) {
  const Function *Callee = Call.getCalledFunction();
  if (!Callee)
    return false;
  R.arg(ESCAPE_KEY_CALLEE, sourceCalleeName(*Callee));
  return true;
}

unsigned loopDepthOf(const FunctionContext &Context, const CallBase &Call) {
  return Context.loops().getLoopDepth(Call.getParent());
}

void addLoopDepth(Remark &R, const LoopInfo &Loops, const BasicBlock &Block) {
  const Loop *L = Loops.getLoopFor(&Block);
  if (!L)
    return;
  R.arg(ESCAPE_KEY_LOOP_DEPTH, std::to_string(L->getLoopDepth()),
        loopStatement(*L))
      .inLoop(true);
}

void addLoopDepth(Remark &R, const FunctionContext &Context,
                  const CallBase &Call) {
  addLoopDepth(R, Context.loops(), *Call.getParent());
}

void forEachCallToDeclaration(
    const FunctionContext &Context,
    function_ref<void(const CallBase &, const TargetLibraryInfo &)> Visit) {
  const TargetLibraryInfo *TLI = nullptr;
  for (const BasicBlock &Block : Context.F)
    for (const Instruction &I : Block) {
      const auto *Call = dyn_cast<CallBase>(&I);
      const Function *Callee = Call ? Call->getCalledFunction() : nullptr;
      if (!Callee || !Callee->isDeclaration())
        continue;
      if (!TLI)
        TLI = &Context.libraryInfo();
      Visit(*Call, *TLI);
    }
}

} // namespace escape
