//===- ArgumentMap.cpp - IR arguments to source parameters ----------------===//

#include "ArgumentMap.h"

#include "PluginState.h"

#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/Function.h"

using namespace llvm;

namespace escape {

namespace {

/// How many IR arguments starting at Arg the source parameter takes; 0 when
/// it cannot be known.
unsigned argumentsTaken(const SourceParam &Param, const Argument &Arg) {
  switch (Param.Shape) {
  case ArgShape::One:
    return 1;
  case ArgShape::Record:
    if (Arg.hasByValAttr())
      return 1;
    // A record of up to eight bytes travels in one register.
    return Param.SizeInBytes <= 8 ? 1 : 0;
  case ArgShape::Unknown:
    break;
  }
  return 0;
}

bool sameArguments(const FunctionType &Before, const FunctionType &After) {
  return Before.isVarArg() == After.isVarArg() &&
         Before.params() == After.params();
}

std::vector<const SourceParam *> movedArguments(const Function &F,
                                                const PluginState &State) {
  std::vector<const SourceParam *> Map(F.arg_size(), nullptr);
  for (const Argument &Arg : F.args()) {
    const SourceParam *Param = State.Names.paramOf(Arg);
    if (Param && (!Param->IsPointer || Arg.getType()->isPointerTy()))
      Map[Arg.getArgNo()] = Param;
  }
  return Map;
}

} // namespace

std::vector<const SourceParam *> mapArguments(const Function &F,
                                              const PluginState &State) {
  const std::vector<const SourceParam *> Unmapped(F.arg_size(), nullptr);
  std::vector<const SourceParam *> Map = Unmapped;
  const SourceFunction *Source = State.Index.findFunction(F.getName());
  if (!Source)
    return Unmapped;
  // Argument promotion or dead-argument elimination rewrote the arguments
  // (a return value it removed moves none of them): the arguments it moved
  // into the new function are still theirs.
  auto Signature = State.Signatures.find(F.getName());
  if (Signature == State.Signatures.end() ||
      !sameArguments(*Signature->second, *F.getFunctionType()))
    return movedArguments(F, State);
  unsigned Index = 0;
  bool SkipThis = Source->IsInstanceMethod;
  for (const SourceParam &Param : Source->Params) {
    while (Index < F.arg_size() &&
           (F.getArg(Index)->hasStructRetAttr() || SkipThis)) {
      if (!F.getArg(Index)->hasStructRetAttr())
        SkipThis = false;
      ++Index;
    }
    if (Index >= F.arg_size())
      break;
    const Argument &Arg = *F.getArg(Index);
    if (Param.IsPointer && !Arg.getType()->isPointerTy())
      return Unmapped; // the lowering is not what we expect
    unsigned Taken = argumentsTaken(Param, Arg);
    if (Taken == 0)
      break;
    if (Taken == 1)
      Map[Index] = &Param;
    Index += Taken;
  }
  return Map;
}

} // namespace escape
