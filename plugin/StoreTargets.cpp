//===- StoreTargets.cpp - what an assignment writes into, as the source says =//

#include "StoreTargets.h"

#include "SourceIndex.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace escape {

namespace {} // namespace

const void *typeIdentity(QualType Type) {
  if (Type.isNull())
    return nullptr;
  return Type.getCanonicalType().getUnqualifiedType().getAsOpaquePtr();
}

namespace {

/// Parentheses and the implicit casts that keep the value as it is; a
/// conversion to a base class or any explicit cast moves or reinterprets
/// the pointer, so the path is not followed through it.
const Expr *skipNoOps(const Expr *E) {
  while (true) {
    E = E->IgnoreParens();
    const auto *Cast = dyn_cast<ImplicitCastExpr>(E);
    if (!Cast || (Cast->getCastKind() != CK_LValueToRValue &&
                  Cast->getCastKind() != CK_NoOp))
      return E;
    E = Cast->getSubExpr();
  }
}

class PathWalk {
public:
  PathWalk(ASTContext &Context, StoreTarget &Target)
      : Context(Context), Target(Target) {}

  /// Follows the lvalue E back to its root; false when it has none we name.
  bool lvalue(const Expr *E) {
    E = skipNoOps(E);
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      return member(*Member);
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E))
      return subscript(*Subscript);
    if (const auto *Deref = dyn_cast<UnaryOperator>(E)) {
      if (Deref->getOpcode() != UO_Deref || !pointer(Deref->getSubExpr()))
        return false;
      PendingDeref = true;
      return true;
    }
    // A reference parameter: `r.slot`.
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
    if (!Param || !Param->getType()->isReferenceType())
      return false;
    return root(*Param);
  }

  /// True when nothing is left open (`*c` alone is a path of its own).
  bool finish() { return !PendingDeref || Target.Path.empty(); }

private:
  /// The pointer rvalue a `->` or `[]` starts from: a parameter or `this`.
  bool pointer(const Expr *E) {
    E = skipNoOps(E);
    if (const auto *This = dyn_cast<CXXThisExpr>(E)) {
      Target.FromThis = true;
      Target.RootType = typeIdentity(This->getType());
      return Target.RootType != nullptr;
    }
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
    if (!Param || !Param->getType()->isPointerType())
      return false;
    return root(*Param);
  }

  bool root(const ParmVarDecl &Param) {
    SourcePos Pos = positionOfDecl(Param);
    if (!Pos.Line)
      return false;
    Target.RootFile = Pos.File;
    Target.RootLine = Pos.Line;
    Target.RootColumn = Pos.Column;
    Target.RootType = typeIdentity(Param.getType());
    return Target.RootType != nullptr;
  }

  SourcePos positionOfDecl(const ParmVarDecl &Param) {
    const SourceManager &SM = Context.getSourceManager();
    SourcePos Pos;
    PresumedLoc Presumed =
        SM.getPresumedLoc(SM.getExpansionLoc(Param.getLocation()));
    if (Presumed.isInvalid())
      return Pos;
    Pos.File = Presumed.getFilename();
    Pos.Line = Presumed.getLine();
    Pos.Column = Presumed.getColumn();
    return Pos;
  }

  bool member(const MemberExpr &Member) {
    const auto *Field = dyn_cast<FieldDecl>(Member.getMemberDecl());
    if (!Field || Field->isBitField() || Field->getParent()->isInvalidDecl())
      return false;
    bool Started =
        Member.isArrow() ? pointer(Member.getBase()) : lvalue(Member.getBase());
    if (!Started)
      return false;
    std::string Separator = Member.isArrow() || PendingDeref ? "->" : ".";
    PendingDeref = false;
    Target.Offset += Context.toCharUnitsFromBits(Context.getFieldOffset(Field))
                         .getQuantity();
    // An anonymous struct or union has no name of its own: its members
    // are written as members of the enclosing record.
    if (!Field->getIdentifier()) {
      PendingSeparator = Separator;
      return true;
    }
    if (!PendingSeparator.empty())
      Separator = PendingSeparator;
    PendingSeparator.clear();
    Target.Path += Separator + Field->getName().str();
    return true;
  }

  bool subscript(const ArraySubscriptExpr &Subscript) {
    const Expr *Base = Subscript.getBase()->IgnoreParens();
    const auto *Decay = dyn_cast<ImplicitCastExpr>(Base);
    bool Started = Decay && Decay->getCastKind() == CK_ArrayToPointerDecay
                       ? lvalue(Decay->getSubExpr())
                       : pointer(Base);
    if (!Started || PendingDeref || !PendingSeparator.empty())
      return false;
    QualType Element = Subscript.getType();
    if (Element->isIncompleteType() || !Element->isConstantSizeType())
      return false;
    int64_t Size = Context.getTypeSizeInChars(Element).getQuantity();
    std::optional<llvm::APSInt> Index =
        Subscript.getIdx()->getIntegerConstantExpr(Context);
    if (Index && Index->getSignificantBits() <= 32) {
      Target.Offset += Index->getExtValue() * Size;
      Target.Path += "[" + std::to_string(Index->getExtValue()) + "]";
      return true;
    }
    // One index the IR can check (a multiple of the element size), not two.
    if (Target.Stride)
      return false;
    Target.Stride = Size;
    Target.Path += "[...]";
    return true;
  }

  ASTContext &Context;
  StoreTarget &Target;
  bool PendingDeref = false;
  std::string PendingSeparator;
};

} // namespace

std::optional<StoreTarget> storeTargetOf(const BinaryOperator &Assign,
                                         ASTContext &Context) {
  // Only a pointer stored is a captured pointer stored.
  if (Assign.getOpcode() != BO_Assign || !Assign.getType()->isPointerType())
    return std::nullopt;
  StoreTarget Target;
  PathWalk Walk(Context, Target);
  if (!Walk.lvalue(Assign.getLHS()) || !Walk.finish())
    return std::nullopt;
  return Target;
}

void StoreTargets::add(unsigned Line, unsigned Column, StoreTarget Target) {
  ByOperator[{Line, Column}].push_back(Targets.size());
  Targets.push_back(std::move(Target));
}

llvm::SmallVector<const StoreTarget *, 1>
StoreTargets::at(llvm::StringRef File, unsigned Line, unsigned Column) const {
  llvm::SmallVector<const StoreTarget *, 1> Found;
  auto It = ByOperator.find({Line, Column});
  if (It == ByOperator.end())
    return Found;
  for (unsigned I : It->second)
    if (sameFile(Targets[I].File, File))
      Found.push_back(&Targets[I]);
  return Found;
}

} // namespace escape
