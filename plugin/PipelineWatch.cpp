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

void afterPass(InlinerWatch &Inliner, PluginState *Coroutines,
               StringRef PassID) {
  if (isInlinerPass(PassID))
    inlinerFinished(Inliner);
  else if (Coroutines && isCoroutineSplit(PassID))
    afterCoroutineSplit(*Coroutines);
}

} // namespace

void watchPipeline(PassInstrumentationCallbacks *PIC,
                   const std::shared_ptr<InlinerWatch> &Inliner,
                   const std::shared_ptr<PluginState> &Coroutines) {
  if (!PIC) {
    // Nobody tells us when the inliner runs: observe throughout.
    inlinerStarted(*Inliner);
    return;
  }
  PIC->registerBeforeNonSkippedPassCallback(
      [Inliner, Coroutines](StringRef PassID, Any IR) {
        if (isInlinerPass(PassID))
          inlinerStarted(*Inliner);
        else if (Coroutines && isCoroutineSplit(PassID))
          beforeCoroutineSplit(*Coroutines, IR);
      });
  PIC->registerAfterPassCallback(
      [Inliner, Coroutines](StringRef PassID, Any, const PreservedAnalyses &) {
        afterPass(*Inliner, Coroutines.get(), PassID);
      });
  // A pass that deleted its IR unit gets this callback instead.
  PIC->registerAfterPassInvalidatedCallback(
      [Inliner, Coroutines](StringRef PassID, const PreservedAnalyses &) {
        afterPass(*Inliner, Coroutines.get(), PassID);
      });
}

} // namespace escape
