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

namespace {

/// `passed to 'f' (argument N)`, `passed as a variadic argument to 'f'`, or
/// `only passed back to 'f' itself`.
void addCallArgs(Remark &R, const std::string &Text, const CaptureSite &Site,
                 const PluginState &State, const DILocation *Loc) {
  const Function *Callee = Site.Call->getCalledFunction();
  if (!Callee) {
    R.arg(ESCAPE_KEY_STRING, Text + " passed to an indirect call");
  } else {
    const char *How = " passed to ";
    if (Site.Reason == CaptureReason::Varargs)
      How = " passed as a variadic argument to ";
    else if (Site.Reason == CaptureReason::Recursive)
      How = " only passed back to ";
    R.arg(ESCAPE_KEY_STRING, Text + How);
    R.arg(ESCAPE_KEY_CALLEE, sourceCalleeName(*Callee), Loc);
  }
  R.arg(ESCAPE_KEY_STRING, " (argument ");
  R.arg(ESCAPE_KEY_ARGNO, sourceArgNo(Site, State));
  R.arg(ESCAPE_KEY_STRING, ")");
  if (Site.Reason == CaptureReason::Varargs)
    R.arg(ESCAPE_KEY_STRING, ", which LLVM treats as captured");
  else if (Site.Reason == CaptureReason::Recursive)
    R.arg(ESCAPE_KEY_STRING, ", a recursion the optimizer does not follow");
}

} // namespace

void addCaptureArgs(Remark &R, llvm::StringRef Lead, const CaptureSite &Site,
                    const PluginState &State) {
  std::string Text = Lead.str();
  const DILocation *Loc = Site.At ? Site.At->getDebugLoc().get() : nullptr;
  switch (Site.Reason) {
  case CaptureReason::Call:
  case CaptureReason::Varargs:
  case CaptureReason::Recursive:
    addCallArgs(R, Text, Site, State, Loc);
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
  case CaptureReason::Volatile:
    R.arg(ESCAPE_KEY_STRING, Text + " accessed as volatile, which the "
                                    "optimizer counts as a capture");
    break;
  case CaptureReason::NullCheck:
    R.arg(ESCAPE_KEY_STRING, Text + " compared with null, which LLVM 19 "
                                    "counts as a capture");
    break;
  case CaptureReason::Compared:
    R.arg(ESCAPE_KEY_STRING, Text + " compared with another pointer, which "
                                    "the optimizer counts as a capture");
    break;
  case CaptureReason::Converted:
    R.arg(ESCAPE_KEY_STRING, Text + " converted to an integer");
    break;
  case CaptureReason::UseLimit:
    R.arg(ESCAPE_KEY_STRING, Text + " used more often than the optimizer's "
                                    "capture analysis looks, so it assumes a "
                                    "capture");
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
