//===- PipelineWatch.cpp - the plugin's one pair of pass callbacks --------===//

#include "PipelineWatch.h"

#include "CoroutineFrames.h"
#include "InlineObserver.h"
#include "PluginState.h"

#include "llvm/ADT/Any.h"
#include "llvm/IR/PassInstrumentation.h"

using namespace llvm;

namespace escape {

namespace {

bool isCoroutineSplit(StringRef PassID) { return PassID == "CoroSplitPass"; }

void afterPass(PluginState &State, StringRef PassID, bool Coroutines) {
  if (isInlinerPass(PassID))
    inlinerFinished(State);
  else if (Coroutines && isCoroutineSplit(PassID))
    afterCoroutineSplit(State);
}

} // namespace

void watchPipeline(PassInstrumentationCallbacks *PIC,
                   const std::shared_ptr<PluginState> &State, Watch What) {
  if (!PIC) {
    // Nobody tells us when the inliner runs: observe throughout.
    inlinerStarted(*State);
    return;
  }
  bool Coroutines = What == Watch::InlinerAndCoroutines;
  PIC->registerBeforeNonSkippedPassCallback(
      [State, Coroutines](StringRef PassID, Any IR) {
        if (isInlinerPass(PassID))
          inlinerStarted(*State);
        else if (Coroutines && isCoroutineSplit(PassID))
          beforeCoroutineSplit(*State, IR);
      });
  PIC->registerAfterPassCallback(
      [State, Coroutines](StringRef PassID, Any, const PreservedAnalyses &) {
        afterPass(*State, PassID, Coroutines);
      });
  // A pass that deleted its IR unit gets this callback instead.
  PIC->registerAfterPassInvalidatedCallback(
      [State, Coroutines](StringRef PassID, const PreservedAnalyses &) {
        afterPass(*State, PassID, Coroutines);
      });
}

} // namespace escape
