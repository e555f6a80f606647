//===- PipelineWatch.h - the plugin's one pair of pass callbacks ----------===//
//
// Pass instrumentation calls every registered callback around every pass
// run (hundreds of thousands on a large file), computing the pass name and
// boxing the IR unit for each callback. So the plugin registers one
// before/after pair and dispatches on the name itself.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_PIPELINE_WATCH_H
#define ESCAPE_PIPELINE_WATCH_H

#include <memory>

namespace llvm {
class PassInstrumentationCallbacks;
} // namespace llvm

namespace escape {

struct PluginState;

/// What the plugin watches for.
enum class Watch { Inliner, InlinerAndCoroutines };

/// Tells the inline observer when an inliner pass runs and, with
/// InlinerAndCoroutines, the coroutine watcher when CoroSplit runs.
void watchPipeline(llvm::PassInstrumentationCallbacks *PIC,
                   const std::shared_ptr<PluginState> &State, Watch What);

} // namespace escape

#endif
