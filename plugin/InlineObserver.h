//===- InlineObserver.h - the inliner's own decisions, as it makes them ---===//
//
// The inliner builds its remarks only when the context's DiagnosticHandler
// says remarks are enabled. InlineObserver wraps clang's handler (installed
// at PipelineStart; clang replaces the handler just before the optimizer, so
// earlier is too early), says "enabled" for the inliner's passes while one of
// them runs, records every verdict as escape's Inlined/NotInlined remark and
// forwards every diagnostic to clang's handler, which prints only what the
// user's own -R flags select: -Rpass=inline behaves as without the plugin.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_INLINE_OBSERVER_H
#define ESCAPE_INLINE_OBSERVER_H

#include "Remark.h"
#include "SourceIndex.h"

#include "llvm/IR/DiagnosticHandler.h"
#include "llvm/IR/PassManager.h"
#include "llvm/IR/ValueHandle.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace llvm {
class DiagnosticInfoOptimizationBase;
class LLVMContext;
class PassInstrumentationCallbacks;
} // namespace llvm

namespace escape {

/// One verdict, with the call it is about while that call still exists
/// (NotInlined), so that its loop depth is read at the end of optimization.
struct InlineDecision {
  Remark R;
  llvm::WeakTrackingVH Call;
};

/// What the observer is told and what it keeps, owned by a compile's
/// PluginState or by a link-time pipeline.
struct InlinerWatch {
  /// Inlined verdicts are reported (the catalog's Inlined is verbose only).
  bool KeepInlined = false;
  /// Clang's handler filters remarks by its -R flags itself; a linker's
  /// prints every remark it is handed.
  bool InClang = false;
  /// The inliner counts the full cost of each call it rejects (verbose,
  /// like Go's -m=2), instead of stopping at the threshold as it does
  /// without the plugin. A linker's handler is installed with filters and
  /// is handed missed remarks only when they are enabled, which is what
  /// makes the inliner count, so link time counts.
  bool CountFullCost = true;
  /// The compile's source index (which callees the user can act on); null
  /// without the frontend, where no missing definition is reported.
  const SourceIndex *Index = nullptr;
  /// Reports an internal problem; empty when there is nobody to tell.
  std::function<void(const std::string &)> Warn;
  /// How many of LLVM's inliner passes are running (nested managers).
  unsigned Depth = 0;
  /// The context whose diagnostic handler the observer wraps.
  llvm::LLVMContext *ObservedContext = nullptr;
  /// The inliner's verdicts, in the order it made them.
  std::vector<InlineDecision> Decisions;
};

class InlineObserver : public llvm::DiagnosticHandler {
public:
  InlineObserver(std::unique_ptr<llvm::DiagnosticHandler> Previous,
                 llvm::LLVMContext &Context,
                 std::shared_ptr<InlinerWatch> Watch);

  bool handleDiagnostics(const llvm::DiagnosticInfo &DI) override;
  bool isAnalysisRemarkEnabled(llvm::StringRef PassName) const override;
  bool isMissedOptRemarkEnabled(llvm::StringRef PassName) const override;
  bool isPassedOptRemarkEnabled(llvm::StringRef PassName) const override;
  bool isAnyRemarkEnabled() const override;

private:
  bool observing(llvm::StringRef PassName) const;
  bool previousWants(const llvm::DiagnosticInfoOptimizationBase &Diag) const;
  void record(const llvm::DiagnosticInfoOptimizationBase &Diag);

  std::unique_ptr<llvm::DiagnosticHandler> Previous;
  llvm::LLVMContext &Context;
  std::shared_ptr<InlinerWatch> Watch;
};

/// The recorded verdicts as remarks, each rejected call that is still there
/// with its loop depth; clears them from Watch.
std::vector<Remark> takeInlineDecisions(InlinerWatch &Watch,
                                        llvm::FunctionAnalysisManager &FAM);

/// Wraps M's context's handler in an InlineObserver (once per context).
void observeInliner(llvm::LLVMContext &Context,
                    const std::shared_ptr<InlinerWatch> &Watch);

/// True for LLVM's inliner passes: remarks are enabled while they run only,
/// so that other passes do not pay for building remarks.
bool isInlinerPass(llvm::StringRef PassID);

/// An inliner pass starts running (they may nest).
void inlinerStarted(InlinerWatch &Watch);

/// An inliner pass finished.
void inlinerFinished(InlinerWatch &Watch);

} // namespace escape

#endif
