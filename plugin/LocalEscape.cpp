//===- LocalEscape.cpp - which locals keep their address after -O ---------===//
//
// A local that still has an alloca at the end of optimization lives in
// memory. Its address escaped when CaptureTracking finds a use that may keep
// it (LocalEscapes); otherwise it stayed private (LocalNoEscape, verbose).
// LocalNames says which source variable the alloca is and, for a copy the
// inliner made, a place in its function's code: the remark's site, whose
// inlined-at chain is the context.
//
//===----------------------------------------------------------------------===//

#include "Analyses.h"
#include "CaptureArgs.h"
#include "CaptureSite.h"
#include "Compat.h"
#include "LocalNames.h"
#include "PluginState.h"
#include "RemarkSink.h"
#include "escape/remark_catalog.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/CaptureTracking.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"

#include <optional>

using namespace llvm;

namespace escape {

namespace {

/// Collects every capturing use of a pointer.
struct AllCaptures : public EscapeCaptureTracker {
  void tooManyUses() override { Incomplete = true; }
  bool capturedUse(const Use *U) override {
    Uses.push_back(U);
    return false;
  }
  SmallVector<const Use *, 4> Uses;
  bool Incomplete = false;
};

/// True when some use of Pointer may capture it.
bool mayBeCaptured(const Value *Pointer) {
  struct AnyCapture : public EscapeCaptureTracker {
    void tooManyUses() override { Captured = true; }
    bool capturedUse(const Use *) override {
      Captured = true;
      return true;
    }
    bool Captured = false;
  } Tracker;
  PointerMayBeCaptured(Pointer, &Tracker);
  return Tracker.Captured;
}

/// A `__block` variable moves to the heap when a block capturing it is
/// copied. Its byref record's address is stored into each block literal
/// that captures it; it stays on the stack when every such block literal is
/// a local that does not escape either (passed only to `noescape`
/// parameters, called in place).
bool byrefEscapes(const AllocaInst &Byref) {
  AllCaptures Captures;
  PointerMayBeCaptured(&Byref, &Captures);
  if (Captures.Incomplete)
    return true;
  for (const Use *U : Captures.Uses) {
    const auto *Store = dyn_cast<StoreInst>(U->getUser());
    if (!Store || Store->getValueOperand() != U->get())
      return true;
    const auto *Literal =
        dyn_cast<AllocaInst>(getUnderlyingObject(Store->getPointerOperand()));
    if (!Literal || mayBeCaptured(Literal))
      return true;
  }
  return false;
}

/// A `__block` variable whose byref record escapes: a block that captures
/// it may be copied, and the copy moves the variable to the heap.
void reportBlockVar(const LocalName &Local, const FunctionContext &Context) {
  Remark R(ESCAPE_KIND_HEAP_PROMOTED, Context.F.getName());
  R.at(Local.Decl)
      .site(Local.Home)
      .arg(ESCAPE_KEY_VAR, Local.Name, Local.Decl)
      .arg(ESCAPE_KEY_REASON, "block");
  Context.Sink.add(std::move(R));
}

void reportLocal(const AllocaInst &Slot, const LocalName &Local,
                 const FunctionContext &Context) {
  CaptureSite Site = findCaptureSite(&Slot);
  if (Site.Reason == CaptureReason::None) {
    if (!Context.State.Options.reports(ESCAPE_KIND_LOCAL_NO_ESCAPE))
      return;
    Remark R(ESCAPE_KIND_LOCAL_NO_ESCAPE, Context.F.getName());
    R.at(Local.Decl)
        .site(Local.Home)
        .arg(ESCAPE_KEY_VAR, Local.Name, Local.Decl);
    Context.Sink.add(std::move(R));
    return;
  }
  if (Local.IsBlockVar) {
    if (byrefEscapes(Slot))
      reportBlockVar(Local, Context);
    return;
  }
  Remark R(ESCAPE_KIND_LOCAL_ESCAPES, Context.F.getName());
  R.at(Local.Decl).site(Local.Home).arg(ESCAPE_KEY_VAR, Local.Name, Local.Decl);
  addCaptureArgs(R, Site, Context.State);
  R.inLoop(isInLoop(Site, Context.loopsIfHot()));
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
