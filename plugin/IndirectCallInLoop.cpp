//===- IndirectCallInLoop.cpp - calls left indirect inside loops ----------===//
//
// A call through a function pointer, or a virtual call, that the optimizer
// neither devirtualized nor inlined and that sits in a loop: every
// iteration pays an indirect branch and the optimizer cannot look through
// it. The callee is named as the source writes it when the AST knows it
// (the virtual member function, the pointer expression).
//
//===----------------------------------------------------------------------===//

#include "Analyses.h"
#include "CallRemark.h"
#include "PluginState.h"
#include "RemarkSink.h"
#include "escape/remark_catalog.h"

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Instructions.h"

#include <string>
#include <utility>

using namespace llvm;

namespace escape {

namespace {

/// The macro whose expansion spelled the call (its own arg, so the sentence
/// names the target by its expansion and the macro beside it).
constexpr const char MacroKey[] = "Macro";

SourceCallee sourceCallee(const FunctionContext &Context,
                          const CallBase &Call) {
  const DILocation *Loc = Call.getDebugLoc().get();
  if (!Loc)
    return {};
  return Context.State.Index.indirectCallee(Loc->getFilename(), Loc->getLine(),
                                            Loc->getColumn());
}

} // namespace

void analyzeIndirectCallInLoop(const FunctionContext &Context) {
  for (const BasicBlock &Block : Context.F)
    for (const Instruction &I : Block) {
      const auto *Call = dyn_cast<CallBase>(&I);
      if (!Call || !Call->isIndirectCall())
        continue;
      unsigned Depth = loopDepthOf(Context, *Call);
      if (Depth == 0)
        continue;
      Remark R = callRemark(ESCAPE_KIND_INDIRECT_CALL_IN_LOOP, Context, *Call);
      SourceCallee Callee = sourceCallee(Context, *Call);
      if (!Callee.Callee.empty())
        R.arg(ESCAPE_KEY_CALLEE, Callee.Callee);
      if (!Callee.Callee.empty() && !Callee.Macro.empty())
        R.arg(MacroKey, Callee.Macro);
      addLoopDepth(R, Context, *Call);
      Context.Sink.add(std::move(R));
    }
}

} // namespace escape
