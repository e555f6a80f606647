//===- Allocation.cpp - heap allocation and free calls --------------------===//

#include "Allocation.h"

#include "llvm/Analysis/MemoryBuiltins.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"

using namespace llvm;

namespace escape {

namespace {

std::optional<AllocKind> kindOf(LibFunc Func) {
  switch (Func) {
  case LibFunc_malloc:
    return AllocKind::Malloc;
  case LibFunc_calloc:
    return AllocKind::Calloc;
  case LibFunc_realloc:
    return AllocKind::Realloc;
  case LibFunc_aligned_alloc:
    return AllocKind::AlignedAlloc;
  case LibFunc_strdup:
  case LibFunc_strndup:
    return AllocKind::Strdup;
  case LibFunc_Znwm:
  case LibFunc_Znam:
  case LibFunc_ZnwmRKSt9nothrow_t:
  case LibFunc_ZnamRKSt9nothrow_t:
  case LibFunc_ZnwmSt11align_val_t:
  case LibFunc_ZnamSt11align_val_t:
  case LibFunc_ZnwmSt11align_val_tRKSt9nothrow_t:
  case LibFunc_ZnamSt11align_val_tRKSt9nothrow_t:
    return AllocKind::New;
  default:
    return std::nullopt;
  }
}

std::optional<uint64_t> constantArg(const CallBase &Call, unsigned Index) {
  if (Index >= Call.arg_size())
    return std::nullopt;
  if (const auto *Value = dyn_cast<ConstantInt>(Call.getArgOperand(Index)))
    if (Value->getValue().getActiveBits() <= 64)
      return Value->getZExtValue();
  return std::nullopt;
}

std::optional<uint64_t> bytesOf(AllocKind Kind, const CallBase &Call) {
  switch (Kind) {
  case AllocKind::Malloc:
  case AllocKind::New:
    return constantArg(Call, 0);
  case AllocKind::AlignedAlloc:
    return constantArg(Call, 1);
  case AllocKind::Calloc: {
    std::optional<uint64_t> Count = constantArg(Call, 0);
    std::optional<uint64_t> Size = constantArg(Call, 1);
    uint64_t Bytes;
    if (!Count || !Size || __builtin_mul_overflow(*Count, *Size, &Bytes))
      return std::nullopt;
    return Bytes;
  }
  default:
    return std::nullopt;
  }
}

} // namespace

std::optional<Allocation> allocationOf(const CallBase &Call,
                                       const TargetLibraryInfo &TLI) {
  const Function *Callee = Call.getCalledFunction();
  LibFunc Func;
  if (!Callee || !TLI.getLibFunc(*Callee, Func) || !TLI.has(Func))
    return std::nullopt;
  std::optional<AllocKind> Kind = kindOf(Func);
  if (!Kind)
    return std::nullopt;
  return Allocation{*Kind, bytesOf(*Kind, Call)};
}

bool freesPointer(const CallBase &Call, const Value *Pointer,
                  const TargetLibraryInfo &TLI) {
  const Value *Freed = getFreedOperand(&Call, &TLI);
  return Freed && Freed->stripPointerCasts() == Pointer;
}

} // namespace escape
