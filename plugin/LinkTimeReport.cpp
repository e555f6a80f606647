//===- LinkTimeReport.cpp - inlining decided without the frontend ---------===//

#include "LinkTimeReport.h"

#include "Compat.h"
#include "InlineObserver.h"
#include "LinkTimeOutput.h"
#include "PipelineWatch.h"
#include "PluginState.h"
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
  explicit ObserveInliner(std::shared_ptr<PluginState> State)
      : State(std::move(State)) {}
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &) {
    observeInliner(M.getContext(), State);
    return PreservedAnalyses::all();
  }
  static bool isRequired() { return true; }

private:
  std::shared_ptr<PluginState> State;
};

/// Hands the module's verdicts to the process's collection, with the loop
/// depth of each rejected call that is still there.
class CollectVerdicts : public PassInfoMixin<CollectVerdicts> {
public:
  explicit CollectVerdicts(std::shared_ptr<PluginState> State)
      : State(std::move(State)) {}
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &MAM) {
    FunctionAnalysisManager &FAM =
        MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
    std::vector<Remark> Remarks = takeInlineDecisions(*State, FAM);
    // Also when empty: the YAML file is then written, and says "none".
    addLinkTimeRemarks(std::move(Remarks));
    return PreservedAnalyses::all();
  }
  static bool isRequired() { return true; }

private:
  std::shared_ptr<PluginState> State;
};

} // namespace

void registerLinkTimeReport(PassBuilder &PB) {
  const LinkTimeSettings &Settings = linkTimeSettings();
  // Nothing asked for: do not make the inliner build remarks.
  if (!Settings.Print && Settings.YamlPath.empty())
    return;
  // One state per pass builder: lld builds one per module it optimizes
  // (ThinLTO back ends run concurrently, each in its own context).
  auto State = std::make_shared<PluginState>();
  State->Options.Remarks = Settings.Print;
  State->Options.Verbose = Settings.Verbose;
  watchPipeline(PB.getPassInstrumentationCallbacks(), State, Watch::Inliner);
  auto Observe = [State](ModulePassManager &MPM, OptimizationLevel) {
    MPM.addPass(ObserveInliner(State));
  };
  auto Collect = [State](ModulePassManager &MPM, OptimizationLevel) {
    MPM.addPass(CollectVerdicts(State));
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
