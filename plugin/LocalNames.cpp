//===- LocalNames.cpp - which source variable each alloca is --------------===//

#include "LocalNames.h"

#include "ArgumentMap.h"
#include "LocationTrimming.h"
#include "PluginState.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace escape {

namespace {

/// What the users of an alloca say about which variable it is.
struct Evidence {
  const SourceParam *Param = nullptr;
  const SourceVar *ByName = nullptr;
  const DILocation *ByNameAt = nullptr; // the store that names ByName
  SmallVector<const SourceVar *, 2> ByStatement;
  const DILocation *LifetimeStart = nullptr;
};

void collectFromInitializer(const Instruction &I, const Value *Slot,
                            const SourceIndex &Sources,
                            const std::vector<const SourceParam *> &Params,
                            Evidence &Found) {
  if (const auto *Store = dyn_cast<StoreInst>(&I)) {
    if (Store->getPointerOperand() != Slot)
      return;
    if (const auto *Arg = dyn_cast<Argument>(Store->getValueOperand()))
      if (Arg->getArgNo() < Params.size() && Params[Arg->getArgNo()])
        Found.Param = Params[Arg->getArgNo()];
  } else if (const auto *Mem = dyn_cast<MemIntrinsic>(&I)) {
    if (Mem->getDest() != Slot)
      return;
  } else {
    return;
  }
  const DILocation *Loc = I.getDebugLoc().get();
  if (Found.ByName || !Loc)
    return;
  Found.ByName =
      Sources.findByName(Loc->getFilename(), Loc->getLine(), Loc->getColumn());
  if (Found.ByName)
    Found.ByNameAt = Loc;
}

Evidence collectEvidence(const AllocaInst &Slot, const SourceIndex &Sources,
                         const std::vector<const SourceParam *> &Params) {
  Evidence Found;
  for (const User *U : Slot.users()) {
    const auto *I = dyn_cast<Instruction>(U);
    if (!I)
      continue;
    const auto *Intrinsic = dyn_cast<IntrinsicInst>(I);
    if (Intrinsic && Intrinsic->getIntrinsicID() == Intrinsic::lifetime_start &&
        !Found.LifetimeStart && I->getDebugLoc()) {
      const DILocation *Loc = I->getDebugLoc().get();
      Found.LifetimeStart = Loc;
      Found.ByStatement = Sources.findByStatement(
          Loc->getFilename(), Loc->getLine(), Loc->getColumn());
    }
    collectFromInitializer(*I, &Slot, Sources, Params, Found);
    // Aggregates are initialized field by field through GEPs.
    if (isa<GetElementPtrInst>(I))
      for (const User *Field : I->users())
        if (const auto *FieldInst = dyn_cast<Instruction>(Field))
          collectFromInitializer(*FieldInst, I, Sources, Params, Found);
  }
  return Found;
}

std::optional<uint64_t> sizeOf(const AllocaInst &Slot) {
  std::optional<TypeSize> Size =
      Slot.getAllocationSize(Slot.getModule()->getDataLayout());
  if (!Size || Size->isScalable())
    return std::nullopt;
  return Size->getFixedValue();
}

/// The one candidate whose size is the alloca's; null when none or several.
const SourceVar *pickBySize(const AllocaInst &Slot,
                            ArrayRef<const SourceVar *> Candidates) {
  if (Candidates.size() == 1)
    return Candidates.front();
  std::optional<uint64_t> Size = sizeOf(Slot);
  const SourceVar *Match = nullptr;
  for (const SourceVar *Var : Candidates) {
    if (!Size || Var->SizeInBytes != *Size)
      continue;
    if (Match)
      return nullptr; // ambiguous: say nothing rather than guess
    Match = Var;
  }
  return Match;
}

/// Calls Visit on every use of Slot's address, directly or through address
/// arithmetic and casts.
template <typename Callback>
void forEachUse(const AllocaInst &Slot, Callback Visit) {
  SmallVector<const Instruction *, 16> Work{&Slot};
  while (!Work.empty()) {
    const Instruction *Address = Work.pop_back_val();
    for (const Use &U : Address->uses()) {
      const auto *I = dyn_cast<Instruction>(U.getUser());
      if (!I)
        continue;
      if (isa<GetElementPtrInst>(I) || isa<BitCastInst>(I) ||
          isa<AddrSpaceCastInst>(I))
        Work.push_back(I);
      Visit(U, *I);
    }
  }
}

/// Where and how an instruction uses a slot: its source place and its
/// opcode, operand and operand count (`f(&y, &m)` uses y and m at one
/// place), which an inlined copy keeps. Only locations that the plugin
/// keeps without -g count, so that the answer is the same with -g.
std::optional<std::tuple<const Metadata *, unsigned, unsigned, uint64_t>>
placeOf(const Use &U, const Instruction &I) {
  const DILocation *Loc = I.getDebugLoc().get();
  if (!Loc || !Loc->getLine() || !locationIsRead(I))
    return std::nullopt;
  // The inliner ends the lifetime of the slots it copies at the callee's
  // returns, which is where the callee's own locals end theirs.
  if (const auto *Intrinsic = dyn_cast<IntrinsicInst>(&I))
    if (Intrinsic->getIntrinsicID() == Intrinsic::lifetime_end)
      return std::nullopt;
  uint64_t Shape = uint64_t(I.getOpcode()) << 40 |
                   uint64_t(U.getOperandNo()) << 20 | I.getNumOperands();
  return std::make_tuple(static_cast<const Metadata *>(Loc->getScope()),
                         Loc->getLine(), Loc->getColumn(), Shape);
}

unsigned inlineDepth(const DILocation &Loc) {
  unsigned Depth = 0;
  for (const DILocation *At = Loc.getInlinedAt(); At; At = At->getInlinedAt())
    ++Depth;
  return Depth;
}

/// True when two places are in one copy of one function's code: the same
/// function, inlined at the same calls (the inliner makes one inlined-at
/// node per call it inlines).
bool sameCopy(const DILocation &A, const DILocation &B) {
  return A.getInlinedAt() == B.getInlinedAt() &&
         A.getScope()->getSubprogram() == B.getScope()->getSubprogram();
}

/// For a local that no lifetime start names (declared in a switch, whose
/// case labels jump past it): the one variable that its direct loads and
/// stores read or assign in the source; null when none or several.
const SourceVar *byReferences(const AllocaInst &Slot,
                              const SourceIndex &Sources) {
  const SourceVar *Found = nullptr;
  for (const User *U : Slot.users()) {
    const auto *I = dyn_cast<Instruction>(U);
    if (!I || !I->getDebugLoc() ||
        !(isa<LoadInst>(I) ||
          (isa<StoreInst>(I) &&
           cast<StoreInst>(I)->getPointerOperand() == &Slot)))
      continue;
    const DILocation *Loc = I->getDebugLoc().get();
    const SourceVar *Var = Sources.findByReference(
        Loc->getFilename(), Loc->getLine(), Loc->getColumn());
    if (!Var)
      continue;
    if (Found && Found != Var)
      return nullptr;
    Found = Var;
  }
  return Found;
}

/// A store located at a variable's name initializes that variable (clang's
/// own parameter spills carry no location); else a spilled argument names
/// its parameter. Only before inlining: in an inlined copy, the argument
/// stored is the caller's, the slot the callee's.
std::optional<LocalName> fromEvidence(const Evidence &Found,
                                      bool SpillsNameParams) {
  if (Found.ByName)
    return LocalName{Found.ByName->Name, Found.ByName->Decl,
                     Found.ByName->AddressTaken, Found.ByName->IsBlockVar,
                     Found.ByNameAt};
  if (SpillsNameParams && Found.Param && !Found.Param->Name.empty())
    return LocalName{Found.Param->Name, Found.Param->Decl,
                     Found.Param->AddressTaken};
  return std::nullopt;
}

} // namespace

void LocalNames::bind(Function &F, const PluginState &State) {
  std::vector<const SourceParam *> Params = mapArguments(F, State);
  for (unsigned I = 0; I < Params.size(); ++I)
    if (Params[I])
      Arguments.emplace_back(WeakTrackingVH(F.getArg(I)), Params[I]);
  // Lifetime starts of one declaration statement come in declaration order:
  // the k-th alloca started there is the k-th variable of the statement
  // that has storage of its size.
  DenseMap<const DILocation *, unsigned> Taken;
  for (Instruction &I : instructions(F)) {
    auto *Slot = dyn_cast<AllocaInst>(&I);
    if (!Slot)
      continue;
    Evidence Found = collectEvidence(*Slot, State.Index, Params);
    std::optional<LocalName> Name = fromEvidence(Found, true);
    if (!Name && !Found.LifetimeStart)
      if (const SourceVar *Var = byReferences(*Slot, State.Index))
        Name =
            LocalName{Var->Name, Var->Decl, Var->AddressTaken, Var->IsBlockVar};
    if (!Name && !Found.ByStatement.empty()) {
      unsigned &Next = Taken[Found.LifetimeStart];
      std::optional<uint64_t> Size = sizeOf(*Slot);
      while (Next < Found.ByStatement.size()) {
        const SourceVar *Var = Found.ByStatement[Next++];
        if (!Size || !Var->SizeInBytes || Var->SizeInBytes == *Size) {
          Name = LocalName{Var->Name, Var->Decl, Var->AddressTaken,
                           Var->IsBlockVar};
          break;
        }
      }
    }
    recordUses(*Slot, Name);
    if (Name)
      Bound.emplace_back(WeakTrackingVH(Slot), std::move(*Name));
  }
}

void LocalNames::recordUses(const AllocaInst &Slot,
                            const std::optional<LocalName> &Name) {
  unsigned Id = Origins.size();
  Origins.push_back({Name, Slot.getFunction()->getSubprogram()});
  forEachUse(Slot, [&](const Use &U, const Instruction &I) {
    std::optional<UsePlace> Place = placeOf(U, I);
    if (!Place)
      return;
    auto &Slots = UsedAt[*Place];
    if (Slots.empty() || Slots.back() != Id)
      Slots.push_back(Id);
  });
}

std::optional<LocalName> LocalNames::fromOrigin(const AllocaInst &Slot) const {
  // The uses closest to the function are the origin's own; deeper ones are
  // in functions inlined into it, which saw the slot through a pointer.
  // Those uses are in the copy of the origin's function, whose inlined-at
  // chain they carry: the local's home, when they all agree on it.
  unsigned Depth = ~0u;
  SmallVector<unsigned, 2> Candidates;
  const DILocation *Home = nullptr;
  forEachUse(Slot, [&](const Use &U, const Instruction &I) {
    std::optional<UsePlace> Place = placeOf(U, I);
    if (!Place)
      return;
    auto It = UsedAt.find(*Place);
    if (It == UsedAt.end())
      return;
    const DILocation *Loc = I.getDebugLoc().get();
    unsigned UseDepth = inlineDepth(*Loc);
    if (UseDepth > Depth)
      return;
    if (UseDepth < Depth) {
      Depth = UseDepth;
      Candidates.assign(It->second.begin(), It->second.end());
      Home = Loc;
      return;
    }
    llvm::erase_if(Candidates, [&](unsigned Id) {
      return !llvm::is_contained(It->second, Id);
    });
    if (Home && !sameCopy(*Home, *Loc))
      Home = nullptr;
  });
  if (Candidates.size() != 1)
    return std::nullopt;
  const Origin &Found = Origins[Candidates.front()];
  std::optional<LocalName> Name = Found.Name;
  if (Name)
    Name->Home = Home && Home->getScope()->getSubprogram() == Found.Program
                     ? Home
                     : nullptr;
  return Name;
}

std::vector<std::pair<AllocaInst *, LocalName>>
LocalNames::boundIn(const Function &F) const {
  std::vector<std::pair<AllocaInst *, LocalName>> Found;
  for (const auto &[Handle, Local] : Bound)
    if (auto *Slot = dyn_cast_or_null<AllocaInst>(Handle))
      if (Slot->getFunction() == &F)
        Found.push_back({Slot, Local});
  return Found;
}

const SourceParam *LocalNames::paramOf(const Argument &Arg) const {
  return ArgumentIndex.lookup(&Arg);
}

void LocalNames::finishBinding() {
  ArgumentIndex.clear();
  for (const auto &[Handle, Param] : Arguments)
    if (const Value *Arg = Handle)
      if (isa<Argument>(Arg))
        ArgumentIndex.try_emplace(Arg, Param);
  Index.clear();
  for (unsigned I = 0; I < Bound.size(); ++I)
    if (const Value *V = Bound[I].first)
      Index.try_emplace(V, I);
}

std::optional<LocalName>
LocalNames::lookup(const AllocaInst &Slot, const PluginState &State,
                   const std::vector<const SourceParam *> &Params) const {
  Evidence Found = collectEvidence(Slot, State.Index, Params);
  auto It = Index.find(&Slot);
  std::optional<LocalName> Evident = fromEvidence(Found, It != Index.end());
  if (It != Index.end()) {
    // Passes may merge two slots (memcpyopt's stack move): the one whose
    // address the source takes is the one that can escape.
    const LocalName &Bound = this->Bound[It->second].second;
    if (Evident && Evident->AddressTaken && !Bound.AddressTaken)
      return Evident;
    return Bound;
  }
  if (std::optional<LocalName> Origin = fromOrigin(Slot))
    return Origin;
  if (Evident)
    return Evident;
  if (const SourceVar *Var = pickBySize(Slot, Found.ByStatement))
    return LocalName{Var->Name, Var->Decl, Var->AddressTaken, Var->IsBlockVar,
                     Found.LifetimeStart};
  return std::nullopt;
}

} // namespace escape
