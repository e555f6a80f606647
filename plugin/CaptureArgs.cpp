//===- CaptureArgs.cpp - the args that say where a pointer was captured ---===//

#include "CaptureArgs.h"

#include "FlowChains.h"
#include "PluginState.h"
#include "Remark.h"
#include "SourceName.h"
#include "escape/remark_catalog.h"

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"

using namespace llvm;

namespace escape {

std::string sourceArgNo(const Function &Callee, unsigned ArgNo,
                        const PluginState &State) {
  if (Callee.arg_size() > 0 && Callee.getArg(0)->hasStructRetAttr()) {
    if (ArgNo == 1)
      return "sret";
    --ArgNo;
  }
  if (State.Index.isInstanceMethod(Callee.getName())) {
    if (ArgNo == 1)
      return "this";
    --ArgNo;
  }
  return std::to_string(ArgNo);
}

std::string sourceArgNo(const CaptureSite &Site, const PluginState &State) {
  const Function *Callee = Site.Call->getCalledFunction();
  if (!Callee)
    return std::to_string(Site.ArgNo);
  return sourceArgNo(*Callee, Site.ArgNo, State);
}

void addCaptureArgs(Remark &R, const CaptureSite &Site,
                    const PluginState &State) {
  const DILocation *Loc = Site.At ? Site.At->getDebugLoc().get() : nullptr;
  // A call, a variadic argument or a recursive call: the callee and the
  // argument are part of the sentence (remark_kinds.def).
  if (Site.Reason == CaptureReason::Call ||
      Site.Reason == CaptureReason::Varargs ||
      Site.Reason == CaptureReason::Recursive) {
    if (const Function *Callee = Site.Call->getCalledFunction())
      R.arg(ESCAPE_KEY_CALLEE, sourceCalleeName(*Callee), Loc);
    R.arg(ESCAPE_KEY_ARGNO, sourceArgNo(Site, State));
    addFlowChain(R, Site, State);
  }
  R.arg(ESCAPE_KEY_REASON, reasonName(Site.Reason), Loc);
}

} // namespace escape
