//===- CaptureSite.cpp - where and how a pointer is captured --------------===//

#include "CaptureSite.h"

#include "Compat.h"

#include "llvm/Analysis/CaptureTracking.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace escape {

namespace {

bool isVolatileAccess(const Instruction &User) {
  if (const auto *Load = dyn_cast<LoadInst>(&User))
    return Load->isVolatile();
  if (const auto *Store = dyn_cast<StoreInst>(&User))
    return Store->isVolatile();
  if (const auto *RMW = dyn_cast<AtomicRMWInst>(&User))
    return RMW->isVolatile();
  if (const auto *CmpXchg = dyn_cast<AtomicCmpXchgInst>(&User))
    return CmpXchg->isVolatile();
  if (const auto *Mem = dyn_cast<MemIntrinsic>(&User))
    return Mem->isVolatile();
  return false;
}

/// A pointer passed to a call: as a variadic argument, back to the function
/// itself, or to a call that may keep it.
CaptureReason callReason(const CallBase &Call, const Use &U) {
  unsigned ArgNo = Call.getDataOperandNo(&U);
  const FunctionType *Type = Call.getFunctionType();
  if (Type->isVarArg() && ArgNo >= Type->getNumParams())
    return CaptureReason::Varargs;
  if (Call.getCalledFunction() == Call.getFunction())
    return CaptureReason::Recursive;
  return CaptureReason::Call;
}

CaptureSite classify(const Use &U) {
  CaptureSite Site;
  const auto *User = cast<Instruction>(U.getUser());
  Site.At = User;
  if (isVolatileAccess(*User)) {
    bool IsValue = (isa<StoreInst>(User) && U.getOperandNo() == 0) ||
                   (isa<AtomicRMWInst>(User) && U.getOperandNo() == 1) ||
                   (isa<AtomicCmpXchgInst>(User) && U.getOperandNo() != 0);
    Site.Reason = IsValue ? CaptureReason::Stored : CaptureReason::Volatile;
    return Site;
  }
  if (const auto *Call = dyn_cast<CallBase>(User)) {
    if (Call->isInlineAsm()) {
      Site.Reason = CaptureReason::Asm;
      return Site;
    }
    if (Call->isDataOperand(&U)) {
      Site.Reason = callReason(*Call, U);
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
  if (const auto *Compare = dyn_cast<ICmpInst>(User)) {
    const Value *Other = Compare->getOperand(U.getOperandNo() == 0 ? 1 : 0);
    Site.Reason = isa<ConstantPointerNull>(Other) ? CaptureReason::NullCheck
                                                  : CaptureReason::Compared;
    return Site;
  }
  if (isa<PtrToIntInst>(User)) {
    Site.Reason = CaptureReason::Converted;
    return Site;
  }
  Site.Reason = CaptureReason::Other;
  return Site;
}

/// Keeps the first capture that says where the pointer went (a call, a
/// store, a return, asm, a volatile access); until there is one, the most
/// telling of the others (a conversion before a comparison before a null
/// check), since those are rarely what the user should fix.
struct TellingCapture : public EscapeCaptureTracker {
  CaptureSite Found;

  void tooManyUses() override {
    if (Found.Reason < CaptureReason::UseLimit) {
      Found = CaptureSite();
      Found.Reason = CaptureReason::UseLimit;
    }
  }
  bool capturedUse(const Use *U) override {
    CaptureSite Site = classify(*U);
    if (Site.Reason > Found.Reason)
      Found = Site;
    return Site.Reason >= CaptureReason::Volatile;
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
  case CaptureReason::Varargs:
    return "varargs";
  case CaptureReason::Volatile:
    return "volatile";
  case CaptureReason::Converted:
    return "converted";
  case CaptureReason::Compared:
    return "compared";
  case CaptureReason::NullCheck:
    return "null-check";
  case CaptureReason::UseLimit:
    return "use-limit";
  case CaptureReason::Recursive:
    return "recursive";
  case CaptureReason::Other:
  case CaptureReason::None:
    break;
  }
  return "other";
}

} // namespace escape
