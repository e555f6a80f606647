//===- Analyses.h - the escape analyses run at the end of optimization ----===//
//
// Each analysis looks at one optimized function and hands its findings to
// the RemarkSink. They only observe: the IR is never changed.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_ANALYSES_H
#define ESCAPE_ANALYSES_H

#include <vector>

#include "llvm/IR/PassManager.h"

namespace llvm {
class Function;
class LoopInfo;
class ProfileSummaryInfo;
class TargetLibraryInfo;
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
  llvm::FunctionAnalysisManager &FAM;
  RemarkSink &Sink;
  const llvm::ProfileSummaryInfo *Summary; // the module's PGO profile summary

  /// F's loops, computed on first use.
  const llvm::LoopInfo &loops() const;
  /// F's loops when `hot` asks for loop depth, else null.
  const llvm::LoopInfo *loopsIfHot() const;
  /// Which library functions F's calls are.
  const llvm::TargetLibraryInfo &libraryInfo() const;
};

/// The per-function analyses, one ESCAPE_REMARK_ANALYZER row each in
/// escape/remark_kinds.def: LocalEscapes / LocalNoEscape (analyzeLocals),
/// LeakingParam / ParamNoEscape (analyzeParams), HeapToStack, the loop
/// remarks. Each lives in the file named after its kind.
#define ESCAPE_REMARK_ANALYZER(Function)                                       \
  void Function(const FunctionContext &Context);
#include "escape/remark_kinds.def"

/// Runs every analysis of the catalog on Context's function, in catalog
/// order.
inline void runAnalyses(const FunctionContext &Context) {
#define ESCAPE_REMARK_ANALYZER(Function) Function(Context);
#include "escape/remark_kinds.def"
}

} // namespace escape

#endif
