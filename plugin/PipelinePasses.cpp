//===- PipelinePasses.cpp - the passes the plugin adds to the pipeline ----===//

#include "PipelinePasses.h"

#include "Analyses.h"
#include "ArgumentMap.h"
#include "CoroutineFrames.h"
#include "EmbeddedRemarks.h"
#include "InlineContext.h"
#include "InlineObserver.h"
#include "LocationTrimming.h"
#include "LoopLocations.h"
#include "PluginState.h"
#include "RemarkSink.h"
#include "SourceAssertions.h"

#include "escape/remark_catalog.h"

#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/ProfileSummaryInfo.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace escape {

PreservedAnalyses SourceBinder::run(Module &M, ModuleAnalysisManager &) {
  noteInlineAnnotations(M, *State);
  // An `escape: inline` assertion needs the Inlined verdicts as evidence,
  // also when they are not reported (SourceAssertions.h).
  State->Inliner.KeepInlined = wantsInlinedVerdicts(*State);
  observeInliner(M.getContext(),
                 std::shared_ptr<InlinerWatch>(State, &State->Inliner));
  for (Function &F : M) {
    if (F.isDeclaration())
      continue;
    State->Signatures[F.getName()] = F.getFunctionType();
    noteSubprogramName(F, State->SubprogramNames);
    if (State->StripLocations)
      dropLoopLocations(F);
  }
  if (State->IndexBuilt)
    for (Function &F : M)
      if (!F.isDeclaration())
        State->Names.bind(F, *State);
  // After binding: the names come from lifetime starts and stores, which
  // keep their locations anyway.
  if (State->StripLocations && locationTrimmingEnabled())
    for (Function &F : M)
      dropUnreadLocations(F);
  return PreservedAnalyses::all();
}

namespace {

/// Removes what the plugin's own location tracking added, so that bitcode
/// (-flto) and objects are the same as without the plugin: instruction and
/// function locations, the compile unit, the loop IDs' tags, and the module
/// flags that clang adds with them. Not llvm::StripDebugInfo: it registers
/// the metadata kind "heapallocsite" in the context, which then appears in
/// -flto bitcode.
void stripLocations(Module &M) {
  for (Function &F : M) {
    F.setSubprogram(nullptr);
    for (BasicBlock &BB : F)
      for (Instruction &I : BB)
        I.setDebugLoc(DebugLoc());
  }
  restoreLoopIDs(M);
  if (NamedMDNode *Units = M.getNamedMetadata("llvm.dbg.cu"))
    M.eraseNamedMetadata(Units);
  NamedMDNode *Flags = M.getModuleFlagsMetadata();
  if (!Flags)
    return;
  SmallVector<MDNode *, 8> Keep;
  for (MDNode *Flag : Flags->operands()) {
    auto *Name = Flag->getNumOperands() > 1
                     ? dyn_cast<MDString>(Flag->getOperand(1))
                     : nullptr;
    if (Name && (Name->getString() == "Debug Info Version" ||
                 Name->getString() == "Dwarf Version"))
      continue;
    Keep.push_back(Flag);
  }
  Flags->clearOperands();
  for (MDNode *Flag : Keep)
    Flags->addOperand(Flag);
}

/// The inliner's verdicts, with the loop depth of each rejected call that
/// is still there at the end of optimization.
void reportInlining(PluginState &State, FunctionAnalysisManager &FAM,
                    RemarkSink &Sink) {
  for (Remark &R : takeInlineDecisions(State.Inliner, FAM))
    Sink.add(std::move(R));
}

} // namespace

PreservedAnalyses EscapeReport::run(Module &M, ModuleAnalysisManager &MAM) {
  if (!State->IndexBuilt) {
    State->internalWarning("the source index was not built; no remarks");
    return PreservedAnalyses::all();
  }
  FunctionAnalysisManager &FAM =
      MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
  State->Names.finishBinding();
  RemarkSink Sink(*State);
  const ProfileSummaryInfo &Summary = MAM.getResult<ProfileSummaryAnalysis>(M);
  for (Function &F : M) {
    if (F.isDeclaration())
      continue;
    std::vector<const SourceParam *> Params = mapArguments(F, *State);
    FunctionContext Context{F, *State, Params, FAM, Sink, &Summary};
    runAnalyses(Context);
  }
  State->Captures.clear();
  reportInlining(*State, FAM, Sink);
  reportCoroutineFrames(M, *State, FAM, Sink);
  Sink.finish();
  if (State->Options.Embed) {
    std::string Yaml;
    if (!Sink.yaml(Yaml) || !embedRemarks(M, Yaml))
      State->internalWarning("cannot embed the remarks in the object");
  }
  // Locations the user did not ask for must not reach the backend: the
  // object stays identical and code generation does not pay for them.
  if (!State->StripLocations)
    return PreservedAnalyses::all();
  stripLocations(M);
  return PreservedAnalyses::none();
}

} // namespace escape
