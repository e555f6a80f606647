//===- VarargsInLoop.cpp - variadic calls on every iteration --------------===//
//
// A call to a variadic function (printf and family, the user's own
// log(fmt, ...)) left inside a loop: its arguments go through a va_list,
// a format string is parsed again each time, and it is never inlined — C's
// boxing of formatting arguments. Calls the optimizer turned into
// non-variadic ones (printf("x\n") -> puts) are not reported.
//
//===----------------------------------------------------------------------===//

#include "Analyses.h"
#include "CallRemark.h"
#include "RemarkSink.h"
#include "escape/remark_catalog.h"

#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"

#include <utility>

using namespace llvm;

namespace escape {

void analyzeVarargsInLoop(const FunctionContext &Context) {
  for (const BasicBlock &Block : Context.F)
    for (const Instruction &I : Block) {
      const auto *Call = dyn_cast<CallBase>(&I);
      const Function *Callee = Call ? Call->getCalledFunction() : nullptr;
      if (!Callee || Callee->isIntrinsic() ||
          !Call->getFunctionType()->isVarArg())
        continue;
      unsigned Depth = loopDepthOf(Context, *Call);
      if (Depth == 0)
        continue;
      Remark R = callRemark(ESCAPE_KIND_VARARGS_IN_LOOP, Context, *Call);
      addCallee(R, *Call);
      addLoopDepth(R, Context, *Call);
      Context.Sink.add(std::move(R));
    }
}

} // namespace escape
