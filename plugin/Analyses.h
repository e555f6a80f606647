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

/// LocalEscapes / LocalNoEscape for the locals that kept a stack slot.
void analyzeLocals(const FunctionContext &Context);

/// LeakingParam / ParamNoEscape for the pointer parameters.
void analyzeParams(const FunctionContext &Context);

/// HeapToStack: small allocations that never leave F and are always freed.
void analyzeHeapToStack(const FunctionContext &Context);

/// HeapAllocInLoop: allocation calls inside loops.
void analyzeHeapAllocInLoop(const FunctionContext &Context);

/// VarargsInLoop: calls to variadic functions inside loops.
void analyzeVarargsInLoop(const FunctionContext &Context);

/// IndirectCallInLoop: calls left indirect inside loops.
void analyzeIndirectCallInLoop(const FunctionContext &Context);

} // namespace escape

#endif
