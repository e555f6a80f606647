//===- LocationTrimming.cpp - only the locations the remarks need ---------===//

#include "LocationTrimming.h"

#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"

using namespace llvm;

namespace escape {

namespace {

/// The instructions whose location some remark or the naming of locals
/// reads (see LocalNames, CaptureSite, CallRemark, InlineObserver).
bool locationIsRead(const Instruction &I) {
  return isa<CallBase>(I) || isa<StoreInst>(I) || isa<ReturnInst>(I) ||
         isa<AtomicRMWInst>(I) || isa<AtomicCmpXchgInst>(I);
}

} // namespace

void dropUnreadLocations(Function &F) {
  for (BasicBlock &Block : F)
    for (Instruction &I : Block)
      if (I.getDebugLoc() && !locationIsRead(I))
        I.setDebugLoc(DebugLoc());
}

} // namespace escape
