//===- LocalEscape.cpp - which locals keep their address after -O ---------===//
//
// A local that still has an alloca at the end of optimization lives in
// memory. Its address escaped when CaptureTracking finds a use that may keep
// it (LocalEscapes); otherwise it stayed private (LocalNoEscape, verbose).
// LocalNames says which source variable the alloca is.
//
//===----------------------------------------------------------------------===//

#include "Analyses.h"
#include "CallSite.h"
#include "CaptureSite.h"
#include "LocalNames.h"
#include "PluginState.h"
#include "RemarkSink.h"
#include "escape/remark_catalog.h"

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"

#include <optional>

using namespace llvm;

namespace escape {

namespace {

void reportLocal(const AllocaInst &Slot, const LocalName &Local,
                 const FunctionContext &Context) {
  CaptureSite Site = findCaptureSite(&Slot);
  if (Site.Reason == CaptureReason::None) {
    if (!Context.State.Options.Verbose)
      return;
    Remark R(ESCAPE_REMARK_PASSED, "LocalNoEscape", Context.F.getName());
    R.at(Local.Decl)
        .arg(ESCAPE_KEY_VAR, Local.Name, Local.Decl)
        .arg(ESCAPE_KEY_STRING, " does not escape");
    Context.Sink.add(std::move(R));
    return;
  }
  Remark R(ESCAPE_REMARK_MISSED, "LocalEscapes", Context.F.getName());
  R.at(Local.Decl).arg(ESCAPE_KEY_VAR, Local.Name, Local.Decl);
  addCaptureArgs(R, " escapes: address", Site, Context.State);
  R.inLoop(isInLoop(Site, Context.Loops));
  Context.Sink.add(std::move(R));
}

} // namespace

void analyzeLocals(const FunctionContext &Context) {
  for (const BasicBlock &Block : Context.F)
    for (const Instruction &I : Block)
      if (const auto *Slot = dyn_cast<AllocaInst>(&I))
        if (std::optional<LocalName> Local = Context.State.Names.lookup(
                *Slot, Context.State, Context.Params))
          reportLocal(*Slot, *Local, Context);
}

} // namespace escape
