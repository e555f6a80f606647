//===- LocationTrimming.cpp - only the locations the remarks need ---------===//

#include "LocationTrimming.h"

#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"

#include <cstdlib>

using namespace llvm;

namespace escape {

namespace {

/// True for the uses of a pointer that CaptureTracking follows or never
/// counts as a capture, and whose location no pass hands on to a capture
/// it creates. (GEPs are not among them: InstCombine and the loop passes
/// give their locations to the comparisons and conversions they make.)
bool onlyPassesPointerOn(const Instruction &I) {
  if (const auto *Load = dyn_cast<LoadInst>(&I))
    return !Load->isVolatile();
  if (const auto *Cast = dyn_cast<CastInst>(&I))
    return Cast->getType()->isPointerTy();
  return isa<PHINode>(I) || isa<SelectInst>(I);
}

} // namespace

/// The instructions whose location some remark or the naming of locals
/// reads: calls (inline verdicts, call remarks, lifetime starts), stores
/// (initializers), and every instruction that may capture a pointer or
/// whose location passes give to one they create (a capture site of
/// LocalEscapes or LeakingParam): the users of pointers and the
/// terminators, whose location the loop passes give to the exit
/// conditions they rewrite. See LocalNames, CaptureSite, CallRemark and
/// InlineObserver. On sqlite3.c the YAML is byte-identical to the one
/// written with every location kept.
bool locationIsRead(const Instruction &I) {
  if (isa<CallBase>(I) || isa<StoreInst>(I) || I.isTerminator() ||
      isa<AtomicRMWInst>(I) || isa<AtomicCmpXchgInst>(I))
    return true;
  if (onlyPassesPointerOn(I))
    return false;
  for (const Value *Operand : I.operands())
    if (Operand->getType()->isPointerTy())
      return true;
  return false;
}

void dropUnreadLocations(Function &F) {
  for (BasicBlock &Block : F)
    for (Instruction &I : Block)
      if (I.getDebugLoc() && !locationIsRead(I))
        I.setDebugLoc(DebugLoc());
}

bool locationTrimmingEnabled() {
  static const bool Enabled = !std::getenv("ESCAPE_KEEP_LOCATIONS");
  return Enabled;
}

} // namespace escape
