//===- PipelinePasses.h - the passes the plugin adds to the pipeline ------===//
//
// SourceBinder runs first (PipelineStart): it remembers each definition's
// signature and binds the unoptimized allocas to source variables;
// EscapeReport runs last (OptimizerLast), analyses
// what survived optimization, prints and writes the remarks, and strips the
// debug locations the plugin itself turned on so the backend never sees them.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_PIPELINE_PASSES_H
#define ESCAPE_PIPELINE_PASSES_H

#include "llvm/IR/PassManager.h"

#include <memory>

namespace escape {

struct PluginState;

class SourceBinder : public llvm::PassInfoMixin<SourceBinder> {
public:
  explicit SourceBinder(std::shared_ptr<PluginState> State)
      : State(std::move(State)) {}
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);

private:
  std::shared_ptr<PluginState> State;
};

class EscapeReport : public llvm::PassInfoMixin<EscapeReport> {
public:
  explicit EscapeReport(std::shared_ptr<PluginState> State)
      : State(std::move(State)) {}
  llvm::PreservedAnalyses run(llvm::Module &M,
                              llvm::ModuleAnalysisManager &MAM);

private:
  std::shared_ptr<PluginState> State;
};

} // namespace escape

#endif
