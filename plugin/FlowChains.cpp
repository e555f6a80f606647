//===- FlowChains.cpp - where a pointer passed to a call goes next --------===//

#include "FlowChains.h"

#include "CaptureArgs.h"
#include "PluginState.h"
#include "Remark.h"
#include "SourceName.h"
#include "StoreDestination.h"
#include "escape/remark_catalog.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"

#include <string>
#include <utility>

using namespace llvm;

namespace escape {

namespace {

/// Long chains are rare and their tail says little; the cut is said.
constexpr unsigned MaxHops = 16;

const DILocation *locOf(const Instruction *I) {
  return I ? I->getDebugLoc().get() : nullptr;
}

/// Ends the chain at Site, the capture found in a callee's parameter.
void addEnd(Remark &R, const CaptureSite &Site, const PluginState &State) {
  switch (Site.Reason) {
  case CaptureReason::Stored:
    R.arg(ESCAPE_KEY_STORE, storeDestination(Site.At, State), locOf(Site.At));
    return;
  case CaptureReason::Recursive:
    R.arg(ESCAPE_KEY_FLOW_END, "cycle", locOf(Site.At));
    return;
  default:
    R.arg(ESCAPE_KEY_FLOW_END, reasonName(Site.Reason), locOf(Site.At));
    return;
  }
}

} // namespace

void addFlowChain(Remark &R, const CaptureSite &Site,
                  const PluginState &State) {
  if (Site.Reason != CaptureReason::Call || !Site.Call)
    return;
  const Function *Callee = Site.Call->getCalledFunction();
  unsigned Index = Site.ArgNo - 1;
  if (!Callee || Callee->isDeclaration())
    return;
  // A hop back into a function of the chain, the remark's own included,
  // is a cycle: its verdict there is the one being explained.
  DenseSet<const Function *> Seen;
  Seen.insert(Site.Call->getFunction());
  for (unsigned Hop = 0;; ++Hop) {
    if (!Seen.insert(Callee).second) {
      R.arg(ESCAPE_KEY_FLOW_END, "cycle");
      return;
    }
    if (Index >= Callee->arg_size()) {
      R.arg(ESCAPE_KEY_FLOW_END, "varargs");
      return;
    }
    CaptureSite Next = State.Captures.of(*Callee->getArg(Index));
    if (Next.Reason == CaptureReason::None) {
      R.arg(ESCAPE_KEY_FLOW_END, "no-escape");
      return;
    }
    if (Next.Reason != CaptureReason::Call) {
      addEnd(R, Next, State);
      return;
    }
    const Function *NextCallee = Next.Call->getCalledFunction();
    if (!NextCallee) {
      R.arg(ESCAPE_KEY_FLOW_END, "indirect", locOf(Next.At));
      return;
    }
    // The cut comes where a 17th hop would: a chain of 16 that ends still
    // says how.
    if (Hop == MaxHops) {
      R.arg(ESCAPE_KEY_FLOW_END, "too-long");
      return;
    }
    R.arg(ESCAPE_KEY_HOP, sourceCalleeName(*NextCallee), locOf(Next.At));
    R.arg(ESCAPE_KEY_HOP_ARGNO, sourceArgNo(Next, State));
    if (NextCallee->isDeclaration()) {
      R.arg(ESCAPE_KEY_FLOW_END, "unknown");
      return;
    }
    Callee = NextCallee;
    Index = Next.ArgNo - 1;
  }
}

} // namespace escape
