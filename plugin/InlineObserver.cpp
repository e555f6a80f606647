//===- InlineObserver.cpp - the inliner's own decisions, as it makes them -===//

#include "InlineObserver.h"

#include "CallRemark.h"
#include "escape/inline_remark.h"
#include "escape/remark_catalog.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/LLVMContext.h"

#include <cstring>
#include <string>

using namespace llvm;

namespace escape {

namespace {

escape_remark_type typeOf(const DiagnosticInfoOptimizationBase &Diag) {
  if (Diag.isPassed())
    return ESCAPE_REMARK_PASSED;
  if (Diag.isMissed())
    return ESCAPE_REMARK_MISSED;
  return ESCAPE_REMARK_ANALYSIS;
}

/// The remark as LLVM would write it to -fsave-optimization-record's YAML,
/// pointing at LLVM's own strings: it lives only while it is converted,
/// which copies what it keeps, so that nothing is copied twice.
class BorrowedRemark {
public:
  explicit BorrowedRemark(const DiagnosticInfoOptimizationBase &Diag)
      : Pass(Diag.getPassName()), Name(Diag.getRemarkName()),
        Function(Diag.getFunction().getName()) {
    escape_remark_init(&Data);
    Data.type = typeOf(Diag);
    if (Diag.isLocationAvailable()) {
      DiagnosticLocation Loc = Diag.getLocation();
      File = Loc.getAbsolutePath();
      Data.loc = {File.data(), Loc.getLine(), Loc.getColumn()};
    }
    // The args' own locations (the callee's and caller's definitions, at
    // column 0) add size, not information, and are left out.
    // Only the named args carry facts; the String pieces are LLVM's
    // wording, which escape_inline_remark_convert writes anew.
    for (const DiagnosticInfoOptimizationBase::Argument &Arg : Diag.getArgs())
      if (Arg.Key != ESCAPE_KEY_STRING)
        Args.push_back({const_cast<char *>(Arg.Key.c_str()),
                        const_cast<char *>(Arg.Val.c_str()),
                        {nullptr, 0, 0}});
    // c_str() may grow the buffers, so the pointers are taken last.
    Data.pass = const_cast<char *>(Pass.c_str());
    Data.name = const_cast<char *>(Name.c_str());
    Data.function = const_cast<char *>(Function.c_str());
    Data.args = Args.data();
    Data.arg_count = Args.size();
  }
  BorrowedRemark(const BorrowedRemark &) = delete;
  BorrowedRemark &operator=(const BorrowedRemark &) = delete;

  const escape_remark &data() const { return Data; }

private:
  SmallString<32> Pass, Name;
  SmallString<64> Function;
  std::string File;
  SmallVector<escape_arg, 8> Args;
  escape_remark Data;
};

/// The call a NotInlined remark is about: in the remark's block, the call
/// with the remark's location to the remark's callee.
CallBase *findCall(const DiagnosticInfoOptimizationBase &Diag,
                   const escape_remark &Converted) {
  const auto *IRDiag = dyn_cast<DiagnosticInfoIROptimization>(&Diag);
  const auto *Block =
      IRDiag ? dyn_cast_or_null<BasicBlock>(IRDiag->getCodeRegion()) : nullptr;
  const char *Callee = escape_remark_arg(&Converted, ESCAPE_KEY_CALLEE);
  if (!Block || !Callee)
    return nullptr;
  for (const Instruction &I : *Block) {
    const auto *Call = dyn_cast<CallBase>(&I);
    const DebugLoc &Loc = I.getDebugLoc();
    if (!Call || !Loc || Loc.getLine() != Converted.loc.line ||
        Loc.getCol() != Converted.loc.column)
      continue;
    const Function *Target = Call->getCalledFunction();
    if (Target && Target->getName() == Callee)
      return const_cast<CallBase *>(Call);
  }
  return nullptr;
}

} // namespace

InlineObserver::InlineObserver(std::unique_ptr<DiagnosticHandler> Previous,
                               LLVMContext &Context,
                               std::shared_ptr<InlinerWatch> Watch)
    : DiagnosticHandler(Previous->DiagnosticContext),
      Previous(std::move(Previous)), Context(Context), Watch(std::move(Watch)) {
  DiagHandlerCallback = this->Previous->DiagHandlerCallback;
  HasErrors = this->Previous->HasErrors;
}

bool InlineObserver::observing(StringRef PassName) const {
  return Watch->Depth > 0 && escape_inline_pass(PassName.str().c_str());
}

bool InlineObserver::handleDiagnostics(const DiagnosticInfo &DI) {
  if (const auto *Diag = dyn_cast<DiagnosticInfoOptimizationBase>(&DI))
    if (escape_inline_pass(Diag->getPassName().str().c_str())) {
      // Inlined verdicts that are not reported are not even copied.
      if (!Diag->isPassed() || Watch->KeepInlined)
        record(*Diag);
      // Clang's handler prints only the remarks its -R flags select; a
      // linker's prints every remark it is handed. Without clang, pass on
      // only what the user's own options enabled.
      if (!Watch->InClang && !previousWants(*Diag))
        return true;
    }
  bool Handled = Previous->handleDiagnostics(DI);
  HasErrors = Previous->HasErrors;
  return Handled;
}

bool InlineObserver::previousWants(
    const DiagnosticInfoOptimizationBase &Diag) const {
  StringRef Pass = Diag.getPassName();
  if (Diag.isPassed())
    return Previous->isPassedOptRemarkEnabled(Pass);
  if (Diag.isMissed())
    return Previous->isMissedOptRemarkEnabled(Pass);
  return Previous->isAnalysisRemarkEnabled(Pass);
}

bool InlineObserver::isAnalysisRemarkEnabled(StringRef PassName) const {
  return Previous->isAnalysisRemarkEnabled(PassName);
}

bool InlineObserver::isMissedOptRemarkEnabled(StringRef PassName) const {
  if (Previous->isMissedOptRemarkEnabled(PassName))
    return true;
  // A yes here makes the inliner count the full cost of every call it
  // rejects (getDefaultInlineAdvice hands getInlineCost its remark emitter,
  // as with -Rpass-missed=inline), which "by N" needs and which costs a few
  // percent of a compile of big functions: only CountFullCost asks, as Go's
  // -m=2 does and -m does not. The missed verdicts come all the same while
  // any remark is enabled. -fsave-optimization-record's file would change,
  // so with a record file we keep its answer.
  return Watch->CountFullCost && observing(PassName) &&
         !Context.getLLVMRemarkStreamer();
}

bool InlineObserver::isPassedOptRemarkEnabled(StringRef PassName) const {
  return Previous->isPassedOptRemarkEnabled(PassName) ||
         (Watch->KeepInlined && observing(PassName));
}

bool InlineObserver::isAnyRemarkEnabled() const {
  return Previous->isAnyRemarkEnabled() || Watch->Depth > 0;
}

void InlineObserver::record(const DiagnosticInfoOptimizationBase &Diag) {
  // The inliner was told the same when it costed the call.
  bool FullCost = isMissedOptRemarkEnabled(Diag.getPassName());
  BorrowedRemark Original(Diag);
  escape_remark Converted;
  escape_remark_init(&Converted);
  // The sentence comes later, once the loop depth and the context are
  // known (RemarkSink::add, CollectVerdicts at link time).
  int Result =
      escape_inline_remark_facts(&Original.data(), FullCost, &Converted);
  if (Result < 0 && Watch->Warn)
    Watch->Warn("out of memory while recording an inline remark");
  if (Result <= 0) {
    escape_remark_clear(&Converted);
    return;
  }
  bool Inlined = escape_catalog_of(&Converted)->kind == ESCAPE_KIND_INLINED;
  const char *Reason = escape_remark_arg(&Converted, ESCAPE_KEY_REASON);
  const char *Callee = escape_remark_arg(&Converted, ESCAPE_KEY_CALLEE);
  bool Keep = Inlined ? Watch->KeepInlined
                      : !(Reason && std::strcmp(Reason, "no-definition") == 0 &&
                          !(Watch->Index && Watch->Index->isActionableCallee(
                                                Callee ? Callee : "")));
  if (!Keep) {
    escape_remark_clear(&Converted);
    return;
  }
  CallBase *Call = Inlined ? nullptr : findCall(Diag, Converted);
  Remark R(std::move(Converted));
  // Now: later passes may merge the call with another one (CSE of two
  // calls of a readnone callee), whose location the handle then follows.
  if (Call)
    R.site(Call->getDebugLoc().get());
  Watch->Decisions.push_back({std::move(R), Call});
}

std::vector<Remark> takeInlineDecisions(InlinerWatch &Watch,
                                        FunctionAnalysisManager &FAM) {
  std::vector<Remark> Remarks;
  for (InlineDecision &Decision : Watch.Decisions) {
    auto *Call = dyn_cast_or_null<Instruction>(Decision.Call);
    Function *F = Call ? Call->getFunction() : nullptr;
    if (F) {
      addLoopDepth(Decision.R, FAM.getResult<LoopAnalysis>(*F),
                   *Call->getParent());
    }
    Remarks.push_back(std::move(Decision.R));
  }
  Watch.Decisions.clear();
  return Remarks;
}

void observeInliner(LLVMContext &Context,
                    const std::shared_ptr<InlinerWatch> &Watch) {
  // Each -O pipeline runs PipelineStart once per module, but -flto=thin
  // pre-link and nested pass managers must not wrap twice.
  if (Watch->ObservedContext == &Context)
    return;
  Watch->ObservedContext = &Context;
  // Linkers (LTO) install their handler with RespectFilters, so that only
  // enabled remarks reach it (lld prints all it gets); keep that. Clang's
  // handler filters by itself and is installed without.
  bool RespectFilters = !Watch->InClang;
  Context.setDiagnosticHandler(
      std::make_unique<InlineObserver>(Context.getDiagnosticHandler(), Context,
                                       Watch),
      RespectFilters);
}

bool isInlinerPass(StringRef PassID) {
  return PassID == "InlinerPass" || PassID == "AlwaysInlinerPass" ||
         PassID == "ModuleInlinerPass";
}

void inlinerStarted(InlinerWatch &Watch) { ++Watch.Depth; }

void inlinerFinished(InlinerWatch &Watch) {
  if (Watch.Depth > 0)
    --Watch.Depth;
}

} // namespace escape
