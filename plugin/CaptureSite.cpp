//===- CaptureSite.cpp - where and how a pointer is captured --------------===//

#include "CaptureSite.h"

#include "llvm/Analysis/CaptureTracking.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"

using namespace llvm;

namespace escape {

namespace {

/// Stops at the first capturing use and remembers it.
struct FirstCapture : public CaptureTracker {
  const Use *Site = nullptr;
  bool TooMany = false;

  void tooManyUses() override { TooMany = true; }
  bool captured(const Use *U) override {
    Site = U;
    return true;
  }
};

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

} // namespace

CaptureSite findCaptureSite(const Value *Pointer) {
  FirstCapture Tracker;
  PointerMayBeCaptured(Pointer, &Tracker);
  if (Tracker.Site)
    return classify(*Tracker.Site);
  CaptureSite Site;
  if (Tracker.TooMany)
    Site.Reason = CaptureReason::Other;
  return Site;
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
