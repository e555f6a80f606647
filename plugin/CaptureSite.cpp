//===- CaptureSite.cpp - where and how a pointer is captured --------------===//

#include "CaptureSite.h"

#include "Compat.h"

#include "llvm/Analysis/CaptureTracking.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"

using namespace llvm;

namespace escape {

namespace {

CaptureSite classify(const Use &U) {
  CaptureSite Site;
  const auto *User = cast<Instruction>(U.getUser());
  Site.At = User;
  if (const auto *Call = dyn_cast<CallBase>(User)) {
    if (Call->isInlineAsm()) {
      Site.Reason = CaptureReason::Asm;
      return Site;
    }
    if (Call->isDataOperand(&U)) {
      Site.Reason = CaptureReason::Call;
      Site.Call = Call;
      Site.ArgNo = Call->getDataOperandNo(&U) + 1;
      return Site;
    }
  }
  if (const auto *Store = dyn_cast<StoreInst>(User)) {
    if (Store->getValueOperand() == U.get()) {
      Site.Reason = CaptureReason::Stored;
      return Site;
    }
  }
  if (isa<AtomicCmpXchgInst>(User) || isa<AtomicRMWInst>(User)) {
    Site.Reason = CaptureReason::Stored;
    return Site;
  }
  if (isa<ReturnInst>(User)) {
    Site.Reason = CaptureReason::Returned;
    return Site;
  }
  Site.Reason = CaptureReason::Other;
  return Site;
}

/// Keeps the first capture that says where the pointer went (a call, a
/// store, a return, asm); a comparison or conversion only counts when there
/// is nothing more telling, since it is rarely what the user should fix.
struct TellingCapture : public EscapeCaptureTracker {
  CaptureSite Found;

  void tooManyUses() override {
    if (Found.Reason == CaptureReason::None)
      Found.Reason = CaptureReason::Other;
  }
  bool capturedUse(const Use *U) override {
    CaptureSite Site = classify(*U);
    if (Site.Reason != CaptureReason::Other) {
      Found = Site;
      return true;
    }
    if (Found.Reason == CaptureReason::None)
      Found = Site;
    return false;
  }
};

} // namespace

CaptureSite findCaptureSite(const Value *Pointer) {
  TellingCapture Tracker;
  PointerMayBeCaptured(Pointer, &Tracker);
  return Tracker.Found;
}

bool isInLoop(const CaptureSite &Site, const LoopInfo *Loops) {
  return Site.At && Loops && Loops->getLoopFor(Site.At->getParent());
}

const char *reasonName(CaptureReason Reason) {
  switch (Reason) {
  case CaptureReason::Call:
    return "call";
  case CaptureReason::Stored:
    return "stored";
  case CaptureReason::Returned:
    return "returned";
  case CaptureReason::Asm:
    return "asm";
  case CaptureReason::Other:
  case CaptureReason::None:
    break;
  }
  return "other";
}

} // namespace escape
