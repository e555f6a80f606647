//===- ParamLeak.cpp - which pointer parameters a function keeps ----------===//
//
// A pointer parameter leaks when the optimized function may capture it: it
// stores it, returns it, or passes it to a call that may keep it. LLVM's
// function-attribute inference has already marked the ones that provably do
// not (`nocapture`); CaptureTracking finds the capturing use of the others.
// A function with external linkage also gets a Definition record of these
// verdicts, so that the driver can follow a chain into it from another
// translation unit (docs/driver.md, "Across translation units").
//
//===----------------------------------------------------------------------===//

#include "Analyses.h"
#include "CaptureArgs.h"
#include "CaptureSite.h"
#include "PluginState.h"
#include "RemarkSink.h"
#include "escape/remark_catalog.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/IR/Function.h"

#include <string>

using namespace llvm;

namespace escape {

namespace {

/// What the Definition record lists: the pointer parameters that do not
/// escape ("1,3") and the ones that leak, with their names ("2=p").
struct ParamVerdicts {
  std::string NoEscape;
  std::string Leaks;
};

void addToList(std::string &List, const std::string &Item) {
  if (!List.empty())
    List += ',';
  List += Item;
}

/// The parameter's verdict: reported as LeakingParam or ParamNoEscape, and
/// noted for the Definition record under its number as callers count it.
void reportParam(const Argument &Arg, const SourceParam &Param,
                 const FunctionContext &Context, ParamVerdicts &Verdicts) {
  CaptureSite Site = Context.State.Captures.of(Arg);
  std::string Number =
      sourceArgNo(Context.F, Arg.getArgNo() + 1, Context.State);
  if (Site.Reason == CaptureReason::None) {
    addToList(Verdicts.NoEscape, Number);
    if (!Context.State.Options.reports(ESCAPE_KIND_PARAM_NO_ESCAPE))
      return;
    Remark R(ESCAPE_KIND_PARAM_NO_ESCAPE, Context.F.getName());
    R.at(Param.Decl).arg(ESCAPE_KEY_PARAM, Param.Name, Param.Decl);
    Context.Sink.add(std::move(R));
    return;
  }
  addToList(Verdicts.Leaks, Number + "=" + Param.Name);
  Remark R(ESCAPE_KIND_LEAKING_PARAM, Context.F.getName());
  R.at(Param.Decl).arg(ESCAPE_KEY_PARAM, Param.Name, Param.Decl);
  addCaptureArgs(R, Site, Context.State);
  R.inLoop(isInLoop(Site, Context.loopsIfHot()));
  Context.Sink.add(std::move(R));
}

/// Where F is defined, from the AST: exact without -g. Invalid for code
/// the source does not define (compiler-made) or system headers.
SourcePos definitionOf(const FunctionContext &Context) {
  SourcePos Pos;
  const SourceFunction *Function =
      Context.State.Index.findFunction(Context.F.getName());
  if (!Function || Function->Loc.isInvalid())
    return Pos;
  clang::SourceManager &SM = Context.State.Compiler->getSourceManager();
  if (SM.isInSystemHeader(Function->Loc))
    return Pos;
  clang::PresumedLoc Presumed = SM.getPresumedLoc(Function->Loc);
  if (Presumed.isInvalid())
    return Pos;
  Pos.File = Presumed.getFilename();
  Pos.Line = Presumed.getLine();
  Pos.Column = Presumed.getColumn();
  Pos.Loc = Function->Loc;
  return Pos;
}

/// The Definition record of a function other translation units can call.
void reportDefinition(const FunctionContext &Context,
                      const ParamVerdicts &Verdicts) {
  if (!Context.F.hasExternalLinkage())
    return;
  SourcePos Pos = definitionOf(Context);
  if (Pos.File.empty())
    return;
  Remark R(ESCAPE_KIND_DEFINITION, Context.F.getName());
  R.at(Pos).arg(ESCAPE_KEY_INSTRUCTIONS,
                std::to_string(Context.F.getInstructionCount()));
  if (!Verdicts.NoEscape.empty())
    R.arg(ESCAPE_KEY_NO_ESCAPE, Verdicts.NoEscape);
  if (!Verdicts.Leaks.empty())
    R.arg(ESCAPE_KEY_LEAKS, Verdicts.Leaks);
  Context.Sink.add(std::move(R));
}

} // namespace

void analyzeParams(const FunctionContext &Context) {
  ParamVerdicts Verdicts;
  for (const Argument &Arg : Context.F.args()) {
    const SourceParam *Param = Context.Params[Arg.getArgNo()];
    if (!Param || !Param->IsPointer || Param->Name.empty() ||
        !Arg.getType()->isPointerTy())
      continue;
    reportParam(Arg, *Param, Context, Verdicts);
  }
  reportDefinition(Context, Verdicts);
}

} // namespace escape
