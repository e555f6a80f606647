//===- SourceIndex.cpp - source names and places for optimized IR ---------===//

#include "SourceIndex.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/GlobalDecl.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>

using namespace clang;

namespace escape {

bool sameFile(llvm::StringRef A, llvm::StringRef B) {
  if (A == B)
    return true;
  return llvm::sys::path::filename(A) == llvm::sys::path::filename(B);
}

namespace {

/// Where debug info puts Loc: the presumed position of its expansion, as
/// CGDebugInfo computes DILocations.
SourcePos positionOf(const SourceManager &SM, SourceLocation Loc) {
  SourcePos Pos;
  if (Loc.isInvalid())
    return Pos;
  SourceLocation Expansion = SM.getExpansionLoc(Loc);
  PresumedLoc Presumed = SM.getPresumedLoc(Expansion);
  if (Presumed.isInvalid())
    return Pos;
  Pos.File = Presumed.getFilename();
  Pos.Line = Presumed.getLine();
  Pos.Column = Presumed.getColumn();
  Pos.Loc = Expansion;
  Pos.InSystemHeader = SM.isInSystemHeader(Expansion);
  return Pos;
}

uint64_t sizeOf(ASTContext &Context, QualType Type) {
  if (Type.isNull() || Type->isDependentType() || Type->isIncompleteType() ||
      !Type->isConstantSizeType())
    return 0;
  return Context.getTypeSizeInChars(Type).getQuantity();
}

ArgShape shapeOf(ASTContext &Context, QualType Type) {
  Type = Type.getCanonicalType();
  if (Type->isMemberFunctionPointerType() || Type->isAnyComplexType())
    return ArgShape::Unknown;
  if (Type->isScalarType() || Type->isReferenceType())
    return ArgShape::One;
  if (const auto *Record = Type->getAsCXXRecordDecl())
    if (Record->hasDefinition() && !Record->canPassInRegisters())
      return ArgShape::One; // passed indirectly, as a plain pointer
  if (Type->isRecordType() && sizeOf(Context, Type) > 0)
    return ArgShape::Record;
  return ArgShape::Unknown;
}

class IndexBuilder : public RecursiveASTVisitor<IndexBuilder> {
public:
  IndexBuilder(ASTContext &Context, SourceIndex &Index)
      : Context(Context), SM(Context.getSourceManager()), Index(Index),
        Mangler(Context.createMangleContext()) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  /// Clang starts no lifetime for a local that a case label can jump past;
  /// LocalNames names those by their loads and stores instead.
  bool TraverseSwitchStmt(SwitchStmt *Switch) {
    ++SwitchDepth;
    bool Continue = RecursiveASTVisitor::TraverseSwitchStmt(Switch);
    --SwitchDepth;
    return Continue;
  }

  bool VisitDeclStmt(DeclStmt *Statement) {
    SourcePos Start = positionOf(SM, Statement->getBeginLoc());
    for (Decl *D : Statement->decls()) {
      auto *Var = dyn_cast<VarDecl>(D);
      if (!Var || !Var->hasLocalStorage() || !Var->getIdentifier())
        continue;
      SourceVar Entry;
      Entry.Name = Var->getName().str();
      Entry.Decl = positionOf(SM, Var->getLocation());
      Entry.IsBlockVar = Var->hasAttr<BlocksAttr>();
      // A __block variable lives in a larger byref record.
      Entry.SizeInBytes =
          Entry.IsBlockVar ? 0 : sizeOf(Context, Var->getType());
      Entry.Key = Var;
      Index.addVar(std::move(Entry), Start);
      if (SwitchDepth)
        InSwitch.insert(Var);
    }
    return true;
  }

  bool VisitFunctionDecl(FunctionDecl *Function) {
    if (!Function->doesThisDeclarationHaveABody() ||
        Function->isDependentContext() || !Function->getDeclName())
      return true;
    SourceFunction Entry;
    Entry.Loc = SM.getExpansionLoc(Function->getLocation());
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Function)) {
      Entry.IsInstanceMethod = Method->isInstance();
      if (Entry.IsInstanceMethod)
        Entry.ThisType = typeIdentity(Method->getThisType());
    }
    for (const ParmVarDecl *Param : Function->parameters()) {
      SourceParam P;
      if (Param->getIdentifier())
        P.Name = Param->getName().str();
      P.Decl = positionOf(SM, Param->getLocation());
      QualType Type = Param->getType().getCanonicalType();
      P.IsPointer = Type->isPointerType() || Type->isReferenceType() ||
                    Type->isBlockPointerType();
      P.Shape = shapeOf(Context, Type);
      P.SizeInBytes = sizeOf(Context, Type);
      P.Type = typeIdentity(Type);
      P.Key = Param;
      Entry.Params.push_back(std::move(P));
    }
    for (const std::string &Name : irNames(Function))
      Index.addFunction(Name, Entry);
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *Op) {
    if (Op->getOpcode() == UO_AddrOf)
      markBase(Op->getSubExpr());
    return true;
  }

  bool VisitImplicitCastExpr(ImplicitCastExpr *Cast) {
    if (Cast->getCastKind() == CK_ArrayToPointerDecay)
      markBase(Cast->getSubExpr());
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    noteCallee(Call->getDirectCallee());
    noteIndirectCall(Call);
    const auto *Method =
        dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
    if (!Method || !Method->isInstance())
      return true;
    if (auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      markBase(Member->getImplicitObjectArgument());
    else if (isa<CXXOperatorCallExpr>(Call) && Call->getNumArgs() > 0)
      markBase(Call->getArg(0));
    noteInstanceMethod(const_cast<CXXMethodDecl *>(Method));
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    noteCallee(Construct->getConstructor());
    noteInstanceMethod(Construct->getConstructor());
    return true;
  }

  /// Arguments bound to reference parameters pass the variable's address.
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (Ref->isLValue() && Ref->getDecl()->getType()->isRecordType())
      RecordRefs.insert(Ref->getDecl());
    if (InSwitch.contains(Ref->getDecl()))
      Index.addReference(positionOf(SM, Ref->getLocation()), Ref->getDecl());
    return true;
  }

  /// Clang puts the store of `v = e` (and `v += e`) at the operator.
  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (!Op->isAssignmentOp())
      return true;
    noteStoreTarget(*Op);
    auto *Ref = dyn_cast<DeclRefExpr>(Op->getLHS()->IgnoreParens());
    if (Ref && InSwitch.contains(Ref->getDecl()))
      Index.addReference(positionOf(SM, Op->getOperatorLoc()), Ref->getDecl());
    return true;
  }

  /// Hands the address-taken set to the index once the walk is over.
  void finish() {
    // A record variable used as an lvalue is, for C++, passed by reference
    // or used as an object far more often than not.
    for (const void *Key : RecordRefs)
      AddressTaken.insert(Key);
    Index.markAddressTaken(AddressTaken);
  }

private:
  void noteStoreTarget(const BinaryOperator &Assign) {
    std::optional<StoreTarget> Target = storeTargetOf(Assign, Context);
    if (!Target)
      return;
    SourcePos Operator = positionOf(SM, Assign.getOperatorLoc());
    if (!Operator.Line)
      return;
    Target->File = Operator.File;
    Index.addStoreTarget(Operator, std::move(*Target));
  }

  /// Marks the variable at the root of `v`, `v.f`, `v[i]`, `(v)`.
  void markBase(Expr *E) {
    while (E) {
      E = E->IgnoreParenImpCasts();
      if (auto *Ref = dyn_cast<DeclRefExpr>(E)) {
        AddressTaken.insert(Ref->getDecl());
        return;
      }
      if (auto *Member = dyn_cast<MemberExpr>(E)) {
        if (Member->isArrow())
          return;
        E = Member->getBase();
      } else if (auto *Subscript = dyn_cast<ArraySubscriptExpr>(E)) {
        E = Subscript->getBase();
        if (!E->IgnoreParenImpCasts()->getType()->isArrayType())
          return;
      } else {
        return;
      }
    }
  }

  /// Names the target of a call the IR may make indirectly: a virtual
  /// member function, or a function pointer as the source writes it.
  void noteIndirectCall(CallExpr *Call) {
    SourceCallee Callee;
    if (auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      CXXMethodDecl *Method = Member->getMethodDecl();
      if (!Method || !Method->isVirtual() || Method->isDependentContext())
        return;
      Callee.Callee = mangle(GlobalDecl(Method));
    } else if (!Call->getDirectCallee()) {
      Callee = calleeText(Call->getCallee());
    }
    if (Callee.Callee.empty())
      return;
    SourcePos Pos = positionOf(SM, Call->getExprLoc());
    if (Pos.Line)
      Index.addIndirectCall(Pos, std::move(Callee));
  }

  /// `op`, `ops->handler`, `table[i].fn`: the callee as written, when short;
  /// spelled by a macro, what the macro expands to and the macro's name.
  SourceCallee calleeText(Expr *Callee) {
    Callee = Callee->IgnoreParenImpCasts();
    if (auto *Ref = dyn_cast<DeclRefExpr>(Callee))
      return {Ref->getDecl()->getNameAsString(), ""};
    if (Callee->getBeginLoc().isMacroID())
      return expandedCallee(Callee);
    return {writtenText(Callee), ""};
  }

  /// The expression as the AST has it after macro expansion, and the
  /// outermost macro whose expansion holds it (REALLOC, not the macros
  /// REALLOC's body uses).
  SourceCallee expandedCallee(Expr *Callee) {
    std::string Text = expandedText(Callee);
    if (Text.empty() || Text.size() > 60 ||
        Text.find_first_of("\n\r") != std::string::npos)
      return {};
    std::string Macro;
    for (SourceLocation Loc = Callee->getBeginLoc(); Loc.isMacroID();
         Loc = SM.getImmediateMacroCallerLoc(Loc)) {
      StringRef Name = Lexer::getImmediateMacroNameForDiagnostics(
          Loc, SM, Context.getLangOpts());
      if (!Name.empty())
        Macro = Name.str();
    }
    return {Text, Macro};
  }

  /// `parser->m_mem.realloc_fcn` for the expansion of
  /// `((parser)->m_mem).realloc_fcn`: the parentheses and casts a macro
  /// body needs are not part of the name.
  std::string expandedText(const Expr *E) {
    E = E->IgnoreParenCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return Ref->getDecl()->getNameAsString();
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      return expandedText(Member->getBase()) +
             (Member->isArrow() ? "->" : ".") +
             Member->getMemberDecl()->getNameAsString();
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E))
      return expandedText(Subscript->getBase()) + "[" +
             expandedText(Subscript->getIdx()) + "]";
    std::string Text;
    llvm::raw_string_ostream Out(Text);
    E->printPretty(Out, nullptr, Context.getPrintingPolicy());
    return Out.str();
  }

  std::string writtenText(Expr *Callee) {
    CharSourceRange Range = CharSourceRange::getTokenRange(
        SM.getExpansionRange(Callee->getSourceRange()).getAsRange());
    std::string Text =
        Lexer::getSourceText(Range, SM, Context.getLangOpts()).str();
    if (Text.empty() || Text.size() > 60 ||
        Text.find_first_of("\n\r") != std::string::npos)
      return "";
    return Text;
  }

  /// Records whether a called function is the user's to define.
  void noteCallee(FunctionDecl *Function) {
    if (!Function || Function->isDependentContext() ||
        !SeenCallees.insert(Function->getCanonicalDecl()).second)
      return;
    bool InSystemHeader = Function->getBuiltinID() != 0;
    for (const FunctionDecl *Redecl : Function->redecls())
      InSystemHeader |=
          SM.isInSystemHeader(SM.getExpansionLoc(Redecl->getLocation()));
    for (const std::string &Name : irNames(Function))
      Index.addCallee(Name, InSystemHeader);
  }

  void noteInstanceMethod(FunctionDecl *Function) {
    if (!Function || Function->isDependentContext() ||
        !SeenMethods.insert(Function).second)
      return;
    for (const std::string &Name : irNames(Function))
      Index.addInstanceMethod(Name);
  }

  /// The names LLVM gives Function's definitions (constructors and
  /// destructors have several).
  std::vector<std::string> irNames(FunctionDecl *Function) {
    std::vector<GlobalDecl> Decls;
    if (auto *Ctor = dyn_cast<CXXConstructorDecl>(Function)) {
      Decls.emplace_back(Ctor, Ctor_Complete);
      Decls.emplace_back(Ctor, Ctor_Base);
    } else if (auto *Dtor = dyn_cast<CXXDestructorDecl>(Function)) {
      Decls.emplace_back(Dtor, Dtor_Complete);
      Decls.emplace_back(Dtor, Dtor_Base);
    } else {
      Decls.emplace_back(Function);
    }
    std::vector<std::string> Names;
    for (GlobalDecl GD : Decls)
      Names.push_back(mangle(GD));
    return Names;
  }

  std::string mangle(GlobalDecl GD) {
    const auto *Named = cast<NamedDecl>(GD.getDecl());
    if (!Mangler->shouldMangleDeclName(Named))
      return Named->getName().str();
    std::string Name;
    llvm::raw_string_ostream Stream(Name);
    Mangler->mangleName(GD, Stream);
    Stream.flush();
    if (!Name.empty() && Name[0] == '\01') // asm label: used verbatim
      Name.erase(0, 1);
    return Name;
  }

  ASTContext &Context;
  const SourceManager &SM;
  SourceIndex &Index;
  std::unique_ptr<MangleContext> Mangler;
  llvm::DenseSet<const void *> AddressTaken;
  llvm::DenseSet<const void *> RecordRefs;
  llvm::DenseSet<const void *> InSwitch;
  unsigned SwitchDepth = 0;
  llvm::DenseSet<const FunctionDecl *> SeenMethods;
  llvm::DenseSet<const FunctionDecl *> SeenCallees;
};

} // namespace

void SourceIndex::build(ASTContext &Context) {
  IndexBuilder Builder(Context, *this);
  Builder.TraverseDecl(Context.getTranslationUnitDecl());
  Builder.finish();
}

void SourceIndex::addVar(SourceVar Var, const SourcePos &Statement) {
  // Template instantiations repeat the pattern's declarations.
  for (unsigned I : ByName.lookup({Var.Decl.Line, Var.Decl.Column}))
    if (Vars[I].Decl.Loc == Var.Decl.Loc && Vars[I].Name == Var.Name) {
      if (!Vars[I].SizeInBytes)
        Vars[I].SizeInBytes = Var.SizeInBytes;
      VarIds.try_emplace(Var.Key, I);
      return;
    }
  unsigned Id = Vars.size();
  VarIds.try_emplace(Var.Key, Id);
  ByName[{Var.Decl.Line, Var.Decl.Column}].push_back(Id);
  ByStatement[{Statement.Line, Statement.Column}].push_back(Id);
  VarStatementFiles.push_back(Statement.File);
  Vars.push_back(std::move(Var));
}

void SourceIndex::addFunction(const std::string &IRName,
                              const SourceFunction &Function) {
  Functions.try_emplace(IRName, Function);
}

void SourceIndex::addReference(const SourcePos &Pos, const void *Key) {
  auto It = VarIds.find(Key);
  if (It == VarIds.end() || !Pos.Line)
    return;
  llvm::SmallVector<unsigned, 1> &At = ByReference[{Pos.Line, Pos.Column}];
  if (llvm::find(At, It->second) == At.end())
    At.push_back(It->second);
}

const SourceVar *SourceIndex::findByReference(llvm::StringRef File,
                                              unsigned Line,
                                              unsigned Column) const {
  auto It = ByReference.find({Line, Column});
  if (It == ByReference.end())
    return nullptr;
  const SourceVar *Found = nullptr;
  for (unsigned I : It->second) {
    if (!sameFile(Vars[I].Decl.File, File))
      continue;
    if (Found)
      return nullptr; // two locals referenced at one place: say nothing
    Found = &Vars[I];
  }
  return Found;
}

const SourceVar *SourceIndex::findByName(llvm::StringRef File, unsigned Line,
                                         unsigned Column) const {
  auto It = ByName.find({Line, Column});
  if (It == ByName.end())
    return nullptr;
  for (unsigned I : It->second)
    if (sameFile(Vars[I].Decl.File, File))
      return &Vars[I];
  return nullptr;
}

llvm::SmallVector<const SourceVar *, 2>
SourceIndex::findByStatement(llvm::StringRef File, unsigned Line,
                             unsigned Column) const {
  llvm::SmallVector<const SourceVar *, 2> Found;
  auto It = ByStatement.find({Line, Column});
  if (It == ByStatement.end())
    return Found;
  for (unsigned I : It->second)
    if (sameFile(VarStatementFiles[I], File))
      Found.push_back(&Vars[I]);
  return Found;
}

void SourceIndex::addInstanceMethod(const std::string &IRName) {
  InstanceMethods.insert(IRName);
}

void SourceIndex::markAddressTaken(const llvm::DenseSet<const void *> &Taken) {
  VarIds.clear();
  for (SourceVar &Var : Vars) {
    Var.AddressTaken = Taken.contains(Var.Key);
    Var.Key = nullptr;
  }
  for (auto &Entry : Functions)
    for (SourceParam &Param : Entry.second.Params) {
      Param.AddressTaken = Taken.contains(Param.Key);
      Param.Key = nullptr;
    }
}

void SourceIndex::addCallee(const std::string &IRName, bool InSystemHeader) {
  auto [It, Inserted] =
      CalleeInSystemHeader.try_emplace(IRName, InSystemHeader);
  if (!Inserted)
    It->second |= InSystemHeader;
}

void SourceIndex::addIndirectCall(const SourcePos &Call, SourceCallee Callee) {
  IndirectCalls[{Call.Line, Call.Column}].push_back(
      {Call.File, std::move(Callee)});
}

void SourceIndex::addStoreTarget(const SourcePos &Operator,
                                 StoreTarget Target) {
  Stores.add(Operator.Line, Operator.Column, std::move(Target));
}

SourceCallee SourceIndex::indirectCallee(llvm::StringRef File, unsigned Line,
                                         unsigned Column) const {
  auto It = IndirectCalls.find({Line, Column});
  if (It == IndirectCalls.end())
    return {};
  for (const IndirectCall &Call : It->second)
    if (sameFile(Call.File, File))
      return Call.Callee;
  return {};
}

bool SourceIndex::isActionableCallee(llvm::StringRef Name) const {
  auto It = CalleeInSystemHeader.find(Name);
  return It != CalleeInSystemHeader.end() && !It->second;
}

bool SourceIndex::isInstanceMethod(llvm::StringRef Name) const {
  if (InstanceMethods.contains(Name))
    return true;
  const SourceFunction *Function = findFunction(Name);
  return Function && Function->IsInstanceMethod;
}

const SourceFunction *SourceIndex::findFunction(llvm::StringRef Name) const {
  auto It = Functions.find(Name);
  return It == Functions.end() ? nullptr : &It->second;
}

} // namespace escape
