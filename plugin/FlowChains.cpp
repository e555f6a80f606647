//===- FlowChains.cpp - where a pointer passed to a call goes next --------===//

#include "FlowChains.h"

#include "ArgumentMap.h"
#include "CaptureArgs.h"
#include "PluginState.h"
#include "Remark.h"
#include "SourceIndex.h"
#include "SourceName.h"
#include "escape/remark_catalog.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalVariable.h"
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

std::string paramName(const Argument &Arg, const PluginState &State) {
  std::vector<const SourceParam *> Params =
      mapArguments(*Arg.getParent(), State);
  const SourceParam *Param =
      Arg.getArgNo() < Params.size() ? Params[Arg.getArgNo()] : nullptr;
  if (Param && !Param->Name.empty())
    return Param->Name;
  // The object of a member function has no declaration of its own.
  const Function &F = *Arg.getParent();
  unsigned This = F.arg_size() > 0 && F.getArg(0)->hasStructRetAttr() ? 1 : 0;
  if (Arg.getArgNo() == This && State.Index.isInstanceMethod(F.getName()))
    return "this";
  return std::string();
}

/// What a store writes into, as far as the IR shows it.
std::string storeDestination(const Instruction *At, const PluginState &State) {
  const auto *Store = dyn_cast_or_null<StoreInst>(At);
  if (!Store)
    return "memory";
  const Value *Target = Store->getPointerOperand();
  const Value *Base = getUnderlyingObject(Target);
  if (const auto *Global = dyn_cast<GlobalVariable>(Base))
    return "global '" + Global->getName().str() + "'";
  if (const auto *Arg = dyn_cast<Argument>(Base)) {
    std::string Name = paramName(*Arg, State);
    if (Name.empty())
      return "memory reached through a parameter";
    return Target == Base ? "'*" + Name + "'"
                          : "a field of '*" + Name + "' ('" + Name + "->...')";
  }
  if (const auto *Call = dyn_cast<CallBase>(Base)) {
    const Function *Callee = Call->getCalledFunction();
    if (!Callee)
      return "memory returned by an indirect call";
    return "heap memory from '" + sourceCalleeName(*Callee) + "'";
  }
  if (isa<AllocaInst>(Base))
    return "another local";
  return "memory";
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
    if (Hop == MaxHops) {
      R.arg(ESCAPE_KEY_FLOW_END, "too-long");
      return;
    }
    if (!Seen.insert(Callee).second) {
      R.arg(ESCAPE_KEY_FLOW_END, "cycle");
      return;
    }
    if (Index >= Callee->arg_size()) {
      R.arg(ESCAPE_KEY_FLOW_END, "varargs");
      return;
    }
    const Argument *Arg = Callee->getArg(Index);
    CaptureSite Next;
    if (!Arg->hasNoCaptureAttr())
      Next = findCaptureSite(Arg);
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
