//===- ParamCaptures.h - each parameter's capture, found once -------------===//
//
// LeakingParam asks CaptureTracking where each pointer parameter is
// captured; a flow chain asks the same of every callee's parameter it
// passes through. The answers are kept for the module run, so each
// (function, argument) is tracked once however many chains cross it.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_PARAM_CAPTURES_H
#define ESCAPE_PARAM_CAPTURES_H

#include "CaptureSite.h"

#include "llvm/ADT/DenseMap.h"

namespace llvm {
class Argument;
} // namespace llvm

namespace escape {

class ParamCaptures {
public:
  /// Arg's first capture (Reason None when `nocapture` or not captured).
  CaptureSite of(const llvm::Argument &Arg);
  /// Forgets every verdict: the IR they point into is about to change.
  void clear() { Sites.clear(); }

private:
  llvm::DenseMap<const llvm::Argument *, CaptureSite> Sites;
};

} // namespace escape

#endif
