//===- CallRemark.cpp - remarks placed at a call --------------------------===//

#include "CallRemark.h"

#include "Analyses.h"
#include "SourceName.h"
#include "escape/remark_catalog.h"

#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"

#include <string>

using namespace llvm;

namespace escape {

Remark callRemark(StringRef Name, const FunctionContext &Context,
                  const CallBase &Call) {
  Remark R(ESCAPE_REMARK_MISSED, Name, Context.F.getName());
  R.at(Call.getDebugLoc().get());
  return R;
}

bool addCallee(Remark &R, const CallBase &Call) {
  const Function *Callee = Call.getCalledFunction();
  if (!Callee)
    return false;
  R.arg(ESCAPE_KEY_CALLEE, sourceCalleeName(*Callee));
  return true;
}

unsigned loopDepthOf(const FunctionContext &Context, const CallBase &Call) {
  return Context.loops().getLoopDepth(Call.getParent());
}

void addLoopDepth(Remark &R, unsigned Depth) {
  R.arg(ESCAPE_KEY_LOOP_DEPTH, std::to_string(Depth)).inLoop(Depth > 0);
}

} // namespace escape
