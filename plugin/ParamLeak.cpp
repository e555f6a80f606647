//===- ParamLeak.cpp - which pointer parameters a function keeps ----------===//
//
// A pointer parameter leaks when the optimized function may capture it: it
// stores it, returns it, or passes it to a call that may keep it. LLVM's
// function-attribute inference has already marked the ones that provably do
// not (`nocapture`); CaptureTracking finds the capturing use of the others.
//
//===----------------------------------------------------------------------===//

#include "Analyses.h"
#include "CaptureArgs.h"
#include "CaptureSite.h"
#include "PluginState.h"
#include "RemarkSink.h"
#include "escape/remark_catalog.h"

#include "llvm/IR/Function.h"

using namespace llvm;

namespace escape {

namespace {

void reportParam(const Argument &Arg, const SourceParam &Param,
                 const FunctionContext &Context) {
  CaptureSite Site = Context.State.Captures.of(Arg);
  if (Site.Reason == CaptureReason::None) {
    if (!Context.State.Options.reports(ESCAPE_KIND_PARAM_NO_ESCAPE))
      return;
    Remark R(ESCAPE_KIND_PARAM_NO_ESCAPE, Context.F.getName());
    R.at(Param.Decl).arg(ESCAPE_KEY_PARAM, Param.Name, Param.Decl);
    Context.Sink.add(std::move(R));
    return;
  }
  Remark R(ESCAPE_KIND_LEAKING_PARAM, Context.F.getName());
  R.at(Param.Decl).arg(ESCAPE_KEY_PARAM, Param.Name, Param.Decl);
  addCaptureArgs(R, Site, Context.State);
  R.inLoop(isInLoop(Site, Context.loopsIfHot()));
  Context.Sink.add(std::move(R));
}

} // namespace

void analyzeParams(const FunctionContext &Context) {
  for (const Argument &Arg : Context.F.args()) {
    const SourceParam *Param = Context.Params[Arg.getArgNo()];
    if (!Param || !Param->IsPointer || Param->Name.empty() ||
        !Arg.getType()->isPointerTy())
      continue;
    reportParam(Arg, *Param, Context);
  }
}

} // namespace escape
