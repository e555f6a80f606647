//===- Compat.h - the LLVM 19 / LLVM 22 differences, in one place ---------===//
//
// The plugin builds against LLVM 19 and 22 from the same sources. Every API
// difference it meets is bridged here, so the rest of the code reads as if
// there were one LLVM:
// - PassPlugin.h moved from llvm/Passes/ to llvm/Plugins/ in 22;
// - the OptimizerLast and PipelineEarlySimplification callbacks take the
//   pipeline's ThinOrFullLTOPhase in 22, not in 19 (the adapters below drop
//   it: our passes do not depend on it);
// - CaptureTracker::captured() gets the use's capture components in 22
//   (provenance vs address only: a null check captures the address, not the
//   provenance, and no longer makes a pointer escape), a plain use in 19.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_COMPAT_H
#define ESCAPE_COMPAT_H

#include "llvm/ADT/APInt.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/Analysis/CaptureTracking.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Passes/OptimizationLevel.h"
#include "llvm/Passes/PassBuilder.h"

#if LLVM_VERSION_MAJOR >= 22
#include "llvm/Plugins/PassPlugin.h"
#else
#include "llvm/Passes/PassPlugin.h"
#endif

#include <functional>

namespace escape {

/// The LLVM major version this plugin was compiled against.
constexpr unsigned BuiltLLVMMajor = LLVM_VERSION_MAJOR;

/// What GEPOperator::collectOffset fills: each variable index, its scale.
#if LLVM_VERSION_MAJOR >= 22
using GEPVariableOffsets = llvm::SmallMapVector<llvm::Value *, llvm::APInt, 4>;
#else
using GEPVariableOffsets = llvm::MapVector<llvm::Value *, llvm::APInt>;
#endif

using ModulePassCallback =
    std::function<void(llvm::ModulePassManager &, llvm::OptimizationLevel)>;

/// Runs Callback at the end of the function optimization pipeline (compile,
/// pre-link and ThinLTO back-end pipelines; not the full-LTO link pipeline).
inline void registerAtOptimizerLast(llvm::PassBuilder &PB,
                                    ModulePassCallback Callback) {
#if LLVM_VERSION_MAJOR >= 22
  PB.registerOptimizerLastEPCallback(
      [Callback](llvm::ModulePassManager &MPM, llvm::OptimizationLevel Level,
                 llvm::ThinOrFullLTOPhase) { Callback(MPM, Level); });
#else
  PB.registerOptimizerLastEPCallback(std::move(Callback));
#endif
}

/// Runs Callback after the early simplification passes, before the inliner:
/// the first extension point of a ThinLTO back-end pipeline (PipelineStart
/// does not run there).
inline void registerAtEarlySimplification(llvm::PassBuilder &PB,
                                          ModulePassCallback Callback) {
#if LLVM_VERSION_MAJOR >= 22
  PB.registerPipelineEarlySimplificationEPCallback(
      [Callback](llvm::ModulePassManager &MPM, llvm::OptimizationLevel Level,
                 llvm::ThinOrFullLTOPhase) { Callback(MPM, Level); });
#else
  PB.registerPipelineEarlySimplificationEPCallback(std::move(Callback));
#endif
}

/// A CaptureTracker that sees the uses through which the pointer may escape
/// (19: every capturing use; 22: uses that capture its provenance, since a
/// use that captures only the address, such as a comparison, lets the
/// optimizer keep the object private). capturedUse returns true to stop.
struct EscapeCaptureTracker : public llvm::CaptureTracker {
  virtual bool capturedUse(const llvm::Use *U) = 0;

#if LLVM_VERSION_MAJOR >= 22
  Action captured(const llvm::Use *U, llvm::UseCaptureInfo CI) override {
    if (!llvm::capturesAnyProvenance(CI.UseCC))
      return Continue;
    return capturedUse(U) ? Stop : Continue;
  }
#else
  bool captured(const llvm::Use *U) override { return capturedUse(U); }
#endif
};

} // namespace escape

#endif
