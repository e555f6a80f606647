//===- LoopLocations.cpp - loop metadata without location tracking ------===//

#include "LoopLocations.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace escape {

namespace {

constexpr const char TagName[] = "escape.loop.origin";

/// A distinct loop ID: self reference, then Operands.
MDNode *makeLoopID(LLVMContext &Ctx, ArrayRef<Metadata *> Operands) {
  SmallVector<Metadata *, 4> All{nullptr};
  All.append(Operands.begin(), Operands.end());
  MDNode *ID = MDNode::getDistinct(Ctx, All);
  ID->replaceOperandWith(0, ID);
  return ID;
}

/// The clean ID a tag points to, or nullptr when Operand is not a tag.
MDNode *taggedOrigin(const MDOperand &Operand) {
  auto *Tag = dyn_cast_or_null<MDNode>(Operand.get());
  if (!Tag || Tag->getNumOperands() != 2)
    return nullptr;
  auto *Name = dyn_cast_or_null<MDString>(Tag->getOperand(0).get());
  if (!Name || Name->getString() != TagName)
    return nullptr;
  return dyn_cast_or_null<MDNode>(Tag->getOperand(1).get());
}

/// The loop ID without locations, tagged with its clean form; nullptr when
/// only the self reference would be left.
MDNode *tagWithoutLocations(MDNode *Loop) {
  SmallVector<Metadata *, 4> Clean;
  for (unsigned I = 1, E = Loop->getNumOperands(); I < E; ++I)
    if (!isa_and_nonnull<DILocation>(Loop->getOperand(I).get()))
      Clean.push_back(Loop->getOperand(I).get());
  if (Clean.empty())
    return nullptr;
  LLVMContext &Ctx = Loop->getContext();
  MDNode *Origin = makeLoopID(Ctx, Clean);
  Metadata *TagOps[] = {MDString::get(Ctx, TagName), Origin};
  SmallVector<Metadata *, 5> Tagged(Clean.begin(), Clean.end());
  Tagged.push_back(MDNode::get(Ctx, TagOps));
  return makeLoopID(Ctx, Tagged);
}

/// What a plain compile has for a tagged Loop: its shared origin when the
/// optimizer only copied it (the inliner does), else the same ID untagged.
/// An untagged ID only loses any locations a pass put into it.
MDNode *untag(MDNode *Loop) {
  SmallVector<Metadata *, 4> Rest;
  MDNode *Origin = nullptr;
  for (unsigned I = 1, E = Loop->getNumOperands(); I < E; ++I) {
    Metadata *Operand = Loop->getOperand(I).get();
    if (MDNode *Found = taggedOrigin(Loop->getOperand(I)))
      Origin = Found;
    else if (!isa_and_nonnull<DILocation>(Operand))
      Rest.push_back(Operand);
  }
  if (!Origin && Rest.size() + 1 == Loop->getNumOperands())
    return Loop;
  if (!Origin)
    return Rest.empty() ? nullptr : makeLoopID(Loop->getContext(), Rest);
  bool Copied = Rest.size() + 1 == Origin->getNumOperands() &&
                equal(Rest, drop_begin(Origin->operands()));
  return Copied ? Origin : makeLoopID(Loop->getContext(), Rest);
}

/// Replaces each loop ID of F by Rewrite(ID), once per distinct ID so that
/// latches sharing an ID keep sharing its replacement.
template <typename RewriteFn>
void rewriteLoopIDs(Function &F, RewriteFn Rewrite) {
  DenseMap<MDNode *, MDNode *> Done;
  for (BasicBlock &BB : F) {
    Instruction *Term = BB.getTerminator();
    MDNode *Loop = Term ? Term->getMetadata(LLVMContext::MD_loop) : nullptr;
    if (!Loop)
      continue;
    auto [It, Inserted] = Done.try_emplace(Loop, nullptr);
    if (Inserted)
      It->second = Rewrite(Loop);
    if (It->second != Loop)
      Term->setMetadata(LLVMContext::MD_loop, It->second);
  }
}

} // namespace

void dropLoopLocations(Function &F) { rewriteLoopIDs(F, tagWithoutLocations); }

void restoreLoopIDs(Module &M) {
  for (Function &F : M)
    if (!F.isDeclaration())
      rewriteLoopIDs(F, untag);
}

} // namespace escape
