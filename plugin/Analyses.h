//===- Analyses.h - the escape analyses run at the end of optimization ----===//
//
// Each analysis looks at one optimized function and hands its findings to
// the RemarkSink. They only observe: the IR is never changed.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_ANALYSES_H
#define ESCAPE_ANALYSES_H

#include <vector>

namespace llvm {
class Function;
class LoopInfo;
} // namespace llvm

namespace escape {

class RemarkSink;
struct PluginState;
struct SourceParam;

/// What every analysis of one function gets.
struct FunctionContext {
  llvm::Function &F;
  const PluginState &State;
  const std::vector<const SourceParam *> &Params; // per IR argument
  const llvm::LoopInfo *Loops;                    // null unless `hot`
  RemarkSink &Sink;
};

/// LocalEscapes / LocalNoEscape for the locals that kept a stack slot.
void analyzeLocals(const FunctionContext &Context);

/// LeakingParam / ParamNoEscape for the pointer parameters.
void analyzeParams(const FunctionContext &Context);

} // namespace escape

#endif
