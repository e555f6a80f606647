//===- CallSite.cpp - naming the callee of a capturing call ---------------===//

#include "CallSite.h"

#include "PluginState.h"
#include "Remark.h"
#include "SourceName.h"
#include "escape/remark_catalog.h"

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"

using namespace llvm;

namespace escape {

std::string sourceArgNo(const CaptureSite &Site, const PluginState &State) {
  unsigned ArgNo = Site.ArgNo;
  const Function *Callee = Site.Call->getCalledFunction();
  if (!Callee)
    return std::to_string(ArgNo);
  if (Callee->arg_size() > 0 && Callee->getArg(0)->hasStructRetAttr()) {
    if (ArgNo == 1)
      return "sret";
    --ArgNo;
  }
  if (State.Index.isInstanceMethod(Callee->getName())) {
    if (ArgNo == 1)
      return "this";
    --ArgNo;
  }
  return std::to_string(ArgNo);
}

void addCaptureArgs(Remark &R, llvm::StringRef Lead, const CaptureSite &Site,
                    const PluginState &State) {
  std::string Text = Lead.str();
  const DILocation *Loc = Site.At ? Site.At->getDebugLoc().get() : nullptr;
  switch (Site.Reason) {
  case CaptureReason::Call:
    if (const Function *Callee = Site.Call->getCalledFunction()) {
      R.arg(ESCAPE_KEY_STRING, Text + " passed to ");
      R.arg(ESCAPE_KEY_CALLEE, sourceCalleeName(*Callee), Loc);
    } else {
      R.arg(ESCAPE_KEY_STRING, Text + " passed to an indirect call");
    }
    R.arg(ESCAPE_KEY_STRING, " (argument ");
    R.arg(ESCAPE_KEY_ARGNO, sourceArgNo(Site, State));
    R.arg(ESCAPE_KEY_STRING, ")");
    break;
  case CaptureReason::Stored:
    R.arg(ESCAPE_KEY_STRING, Text + " stored to memory");
    break;
  case CaptureReason::Returned:
    R.arg(ESCAPE_KEY_STRING, Text + " returned");
    break;
  case CaptureReason::Asm:
    R.arg(ESCAPE_KEY_STRING, Text + " given to inline asm");
    break;
  case CaptureReason::Other:
  case CaptureReason::None:
    R.arg(ESCAPE_KEY_STRING,
          Text + " compared or converted in a way the optimizer counts as a "
                 "capture");
    break;
  }
  R.arg(ESCAPE_KEY_STRING, "; reason: ");
  R.arg(ESCAPE_KEY_REASON, reasonName(Site.Reason), Loc);
}

} // namespace escape
