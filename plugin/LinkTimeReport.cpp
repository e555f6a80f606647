//===- LinkTimeReport.cpp - inlining decided without the frontend ---------===//

#include "LinkTimeReport.h"

#include "Compat.h"
#include "InlineObserver.h"
#include "LinkTimeOutput.h"
#include "PipelineWatch.h"
#include "PluginOptions.h"
#include "escape/remark_catalog.h"

#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

#include <memory>
#include <string>
#include <vector>

using namespace llvm;

namespace escape {

namespace {

/// Wraps the context's diagnostic handler so that the inliner's verdicts are
/// recorded. Added at the first extension point of each pipeline: the
/// linker sets its handler up before the pipeline starts, and PipelineStart
/// does not run in link-time pipelines.
class ObserveInliner : public PassInfoMixin<ObserveInliner> {
public:
  explicit ObserveInliner(std::shared_ptr<InlinerWatch> Watch)
      : Watch(std::move(Watch)) {}
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &) {
    observeInliner(M.getContext(), Watch);
    return PreservedAnalyses::all();
  }
  static bool isRequired() { return true; }

private:
  std::shared_ptr<InlinerWatch> Watch;
};

/// Hands the module's verdicts to the process's collection, with the loop
/// depth of each rejected call that is still there.
class CollectVerdicts : public PassInfoMixin<CollectVerdicts> {
public:
  explicit CollectVerdicts(std::shared_ptr<InlinerWatch> Watch)
      : Watch(std::move(Watch)) {}
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &MAM) {
    FunctionAnalysisManager &FAM =
        MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
    std::vector<Remark> Remarks = takeInlineDecisions(*Watch, FAM);
    for (Remark &R : Remarks)
      R.compose();
    // Also when empty: the YAML file is then written, and says "none".
    addLinkTimeRemarks(std::move(Remarks));
    return PreservedAnalyses::all();
  }
  static bool isRequired() { return true; }

private:
  std::shared_ptr<InlinerWatch> Watch;
};

} // namespace

void registerLinkTimeReport(PassBuilder &PB) {
  const LinkTimeSettings &Settings = linkTimeSettings();
  // Nothing asked for: do not make the inliner build remarks.
  if (!Settings.Print && Settings.YamlPath.empty())
    return;
  // One watch per pass builder: lld builds one per module it optimizes
  // (ThinLTO back ends run concurrently, each in its own context). No
  // frontend: no source index, and nobody to warn.
  auto Watch = std::make_shared<InlinerWatch>();
  PluginOptions Options;
  Options.Verbose = Settings.Verbose;
  Watch->KeepInlined = Options.reports(ESCAPE_KIND_INLINED);
  watchPipeline(PB.getPassInstrumentationCallbacks(), Watch, nullptr);
  auto Observe = [Watch](ModulePassManager &MPM, OptimizationLevel) {
    MPM.addPass(ObserveInliner(Watch));
  };
  auto Collect = [Watch](ModulePassManager &MPM, OptimizationLevel) {
    MPM.addPass(CollectVerdicts(Watch));
  };
  // Compile-time pipelines (clang -fpass-plugin without the frontend
  // action, opt) start at PipelineStart; ThinLTO back ends at early
  // simplification; full LTO has its own pair of extension points.
  PB.registerPipelineStartEPCallback(Observe);
  registerAtEarlySimplification(PB, Observe);
  PB.registerFullLinkTimeOptimizationEarlyEPCallback(Observe);
  registerAtOptimizerLast(PB, Collect);
  PB.registerFullLinkTimeOptimizationLastEPCallback(Collect);
}

} // namespace escape
