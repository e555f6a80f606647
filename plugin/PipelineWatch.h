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

struct InlinerWatch;
struct PluginState;

/// Tells Inliner when an inliner pass runs and, when Coroutines is not null
/// (a compile, not a link), the coroutine watcher when CoroSplit runs.
void watchPipeline(llvm::PassInstrumentationCallbacks *PIC,
                   const std::shared_ptr<InlinerWatch> &Inliner,
                   const std::shared_ptr<PluginState> &Coroutines);

} // namespace escape

#endif
