//===- StoreDestination.cpp - what a store writes a captured pointer into -===//

#include "StoreDestination.h"

#include "ArgumentMap.h"
#include "Compat.h"
#include "LocalNames.h"
#include "PluginState.h"
#include "ReadableMessage.h"
#include "SourceIndex.h"
#include "SourceName.h"
#include "StoreTargets.h"

#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"

#include <cstdint>
#include <optional>
#include <string>

using namespace llvm;

namespace escape {

namespace {

const SourceParam *sourceParamOf(const Argument &Arg,
                                 const PluginState &State) {
  std::vector<const SourceParam *> Params =
      mapArguments(*Arg.getParent(), State);
  return Arg.getArgNo() < Params.size() ? Params[Arg.getArgNo()] : nullptr;
}

/// True when Arg is the object of a member function.
bool isThis(const Argument &Arg, const PluginState &State) {
  const Function &F = *Arg.getParent();
  unsigned This = F.arg_size() > 0 && F.getArg(0)->hasStructRetAttr() ? 1 : 0;
  return Arg.getArgNo() == This && State.Index.isInstanceMethod(F.getName());
}

std::string paramName(const Argument &Arg, const PluginState &State) {
  const SourceParam *Param = sourceParamOf(Arg, State);
  if (Param && !Param->Name.empty())
    return Param->Name;
  // The object of a member function has no declaration of its own.
  return isThis(Arg, State) ? "this" : "";
}

/// Where a pointer lies from an argument: Constant bytes plus some multiple
/// of Scale (0: no variable index).
struct ArgOffset {
  int64_t Constant = 0;
  int64_t Scale = 0;
};

/// The constant factor of a variable index that is itself `x << c` or
/// `x * c` (how the optimizer may spell `v[i]`).
int64_t factorOf(const Value *Index) {
  const auto *Op = dyn_cast<BinaryOperator>(Index);
  const auto *By = Op ? dyn_cast<ConstantInt>(Op->getOperand(1)) : nullptr;
  if (!By || By->getValue().getActiveBits() > 16)
    return 1;
  if (Op->getOpcode() == Instruction::Shl)
    return int64_t(1) << By->getZExtValue();
  if (Op->getOpcode() == Instruction::Mul)
    return By->getSExtValue();
  return 1;
}

/// Pointer as Arg plus GEP offsets, with at most one variable index.
std::optional<ArgOffset> offsetFrom(const Value *Pointer, const Argument &Arg,
                                    const DataLayout &Layout) {
  unsigned Bits = Layout.getIndexTypeSizeInBits(Arg.getType());
  APInt Constant(Bits, 0);
  ArgOffset Result;
  for (const Value *V = Pointer; V != &Arg;) {
    const auto *GEP = dyn_cast<GEPOperator>(V);
    if (!GEP)
      return std::nullopt;
    GEPVariableOffsets Variables;
    APInt Part(Bits, 0);
    if (!GEP->collectOffset(Layout, Bits, Variables, Part))
      return std::nullopt;
    Constant += Part;
    for (const auto &Variable : Variables) {
      if (Result.Scale || Variable.second.getSignificantBits() > 32)
        return std::nullopt;
      Result.Scale = Variable.second.getSExtValue() * factorOf(Variable.first);
      if (Result.Scale < 0)
        Result.Scale = -Result.Scale;
    }
    V = GEP->getPointerOperand();
  }
  if (Constant.getSignificantBits() > 63)
    return std::nullopt;
  Result.Constant = Constant.getSExtValue();
  return Result;
}

/// True when the IR writes where Target's path leads.
bool reaches(const StoreTarget &Target, const ArgOffset &Offset) {
  if (!Target.Stride)
    return Offset.Scale == 0 && Offset.Constant == Target.Offset;
  auto Stride = static_cast<int64_t>(Target.Stride);
  return Offset.Scale % Stride == 0 &&
         (Offset.Constant - Target.Offset) % Stride == 0;
}

/// True when Target's path starts from Arg. Code inlined from another
/// function names that function's parameter: the same pointer (the offsets
/// agree) of the same type is the same path from Arg.
bool startsAt(const StoreTarget &Target, const Argument &Arg,
              const DILocation &Loc, const PluginState &State) {
  bool This = isThis(Arg, State);
  const void *ArgType = nullptr;
  if (This) {
    const SourceFunction *F =
        State.Index.findFunction(Arg.getParent()->getName());
    ArgType = F ? F->ThisType : nullptr;
  }
  const SourceParam *Param = This ? nullptr : sourceParamOf(Arg, State);
  if (Param)
    ArgType = Param->Type;
  if (!ArgType || ArgType != Target.RootType)
    return false;
  if (Loc.getInlinedAt())
    return true;
  if (Target.FromThis || This)
    return Target.FromThis && This;
  return Param->Decl.Line == Target.RootLine &&
         Param->Decl.Column == Target.RootColumn &&
         sameFile(Param->Decl.File, Target.RootFile);
}

/// `c->slot` for a store through Arg that the assignment at the store's
/// place writes; nothing when no assignment there agrees with the IR, or
/// two that do disagree.
std::optional<std::string> fieldPath(const StoreInst &Store,
                                     const Argument &Arg,
                                     const PluginState &State) {
  const DILocation *Loc = Store.getDebugLoc().get();
  if (!Loc || !Loc->getLine())
    return std::nullopt;
  std::optional<ArgOffset> Offset = offsetFrom(
      Store.getPointerOperand(), Arg, Store.getModule()->getDataLayout());
  if (!Offset)
    return std::nullopt;
  std::optional<std::string> Path;
  for (const StoreTarget *Target : State.Index.storeTargets().at(
           Loc->getFilename(), Loc->getLine(), Loc->getColumn())) {
    if (!startsAt(*Target, Arg, *Loc, State) || !reaches(*Target, *Offset))
      continue;
    if (Path && *Path != Target->Path)
      return std::nullopt;
    Path = Target->Path;
  }
  return Path;
}

std::string paramDestination(const StoreInst &Store, const Argument &Arg,
                             const PluginState &State) {
  std::string Name = paramName(Arg, State);
  if (Name.empty())
    return "memory reached through a parameter";
  if (std::optional<std::string> Path = fieldPath(Store, Arg, State))
    return Path->empty() ? "'*" + Name + "'" : "'" + Name + *Path + "'";
  if (Store.getPointerOperand() == &Arg)
    return "'*" + Name + "'";
  return "a field of '*" + Name + "' ('" + Name + "->...')";
}

/// "heap memory from 'malloc' (line 12)": the allocation's line when it is
/// in the store's file, which the sentence names right after.
std::string heapDestination(const StoreInst &Store, const CallBase &Call) {
  const Function *Callee = Call.getCalledFunction();
  if (!Callee)
    return "memory returned by an indirect call";
  std::string Name = "'" + sourceCalleeName(*Callee) + "'";
  // What an allocation function returns aliases nothing else: heap memory.
  if (!Call.returnDoesNotAlias())
    return "memory returned by " + Name;
  std::string Text = "heap memory from " + Name;
  const DILocation *At = Call.getDebugLoc().get();
  const DILocation *StoreAt = Store.getDebugLoc().get();
  if (At && StoreAt && At->getLine() && At->getFile() == StoreAt->getFile())
    Text += " (line " + std::to_string(At->getLine()) + ")";
  return Text;
}

std::string localDestination(const AllocaInst &Slot, const PluginState &State) {
  const Function &F = *Slot.getFunction();
  std::optional<LocalName> Local =
      State.Names.lookup(Slot, State, mapArguments(F, State));
  if (!Local || Local->Name.empty())
    return "another local";
  return "the local '" + Local->Name + "'";
}

} // namespace

std::string storeDestination(const Instruction *At, const PluginState &State) {
  const auto *Store = dyn_cast_or_null<StoreInst>(At);
  if (!Store)
    return "memory";
  const Value *Base = getUnderlyingObject(Store->getPointerOperand());
  // The value is text, not an identity: a C++ global as the source names
  // it.
  if (const auto *Global = dyn_cast<GlobalVariable>(Base))
    return "global '" + readableName(Global->getName().str().c_str()) + "'";
  if (const auto *Arg = dyn_cast<Argument>(Base))
    return paramDestination(*Store, *Arg, State);
  if (const auto *Call = dyn_cast<CallBase>(Base))
    return heapDestination(*Store, *Call);
  if (const auto *Slot = dyn_cast<AllocaInst>(Base))
    return localDestination(*Slot, State);
  return "memory";
}

} // namespace escape
