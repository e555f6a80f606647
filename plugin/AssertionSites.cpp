//===- AssertionSites.cpp - what the AST has on each asserted line --------===//
//
// An assertion that matches nothing is a warning that says why: no call,
// declaration or loop on that line in the source, or the optimizer removed
// it. The source side of that answer comes from one walk over the AST, made
// only when the TU has assertions.
//
//===----------------------------------------------------------------------===//

#include "PluginState.h"
#include "SourceAssertions.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringMap.h"

#include <memory>

using namespace clang;

namespace escape {

namespace {

std::string lineKey(llvm::StringRef File, unsigned Line) {
  return File.str() + ':' + std::to_string(Line);
}

class SiteFinder : public RecursiveASTVisitor<SiteFinder> {
public:
  SiteFinder(ASTContext &Context, std::vector<SourceAssertion> &Assertions)
      : SM(Context.getSourceManager()), Assertions(Assertions),
        Mangler(Context.createMangleContext()) {
    for (size_t I = 0; I < Assertions.size(); ++I)
      ByLine[lineKey(Assertions[I].File, Assertions[I].Line)].push_back(I);
  }

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitCallExpr(CallExpr *Call) {
    for (SourceAssertion *A : at(Call->getExprLoc()))
      A->HasCall = true;
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    for (SourceAssertion *A : at(Construct->getExprLoc()))
      A->HasCall = true;
    return true;
  }

  bool VisitVarDecl(VarDecl *Var) {
    if (Var->hasLocalStorage())
      for (SourceAssertion *A : at(Var->getLocation()))
        A->HasDecl = true;
    return true;
  }

  bool VisitForStmt(ForStmt *S) { return loop(S); }
  bool VisitWhileStmt(WhileStmt *S) { return loop(S); }
  bool VisitDoStmt(DoStmt *S) { return loop(S); }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *S) { return loop(S); }

  bool VisitFunctionDecl(FunctionDecl *Function) {
    if (!Function->doesThisDeclarationHaveABody() ||
        Function->isDependentContext() || !Function->getDeclName())
      return true;
    PresumedLoc Begin = presumed(Function->getBeginLoc());
    PresumedLoc End = presumed(Function->getEndLoc());
    if (Begin.isInvalid() || End.isInvalid())
      return true;
    for (SourceAssertion &A : Assertions)
      if (A.File == Begin.getFilename() && A.Line >= Begin.getLine() &&
          A.Line <= End.getLine())
        A.Function = irName(Function); // the innermost comes last
    return true;
  }

private:
  PresumedLoc presumed(SourceLocation Loc) const {
    return SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  }

  /// The assertions about the line of Loc (its expansion site in macros).
  llvm::SmallVector<SourceAssertion *, 2> at(SourceLocation Loc) {
    llvm::SmallVector<SourceAssertion *, 2> Found;
    PresumedLoc P = presumed(Loc);
    if (P.isInvalid())
      return Found;
    auto It = ByLine.find(lineKey(P.getFilename(), P.getLine()));
    if (It != ByLine.end())
      for (size_t I : It->second)
        Found.push_back(&Assertions[I]);
    return Found;
  }

  bool loop(Stmt *S) {
    llvm::SmallVector<SourceAssertion *, 2> Found = at(S->getBeginLoc());
    if (Found.empty())
      return true;
    PresumedLoc End = presumed(S->getEndLoc());
    for (SourceAssertion *A : Found)
      A->LoopEndLine = End.isValid() ? End.getLine() : A->Line;
    return true;
  }

  std::string irName(FunctionDecl *Function) {
    GlobalDecl GD(Function);
    if (auto *Ctor = dyn_cast<CXXConstructorDecl>(Function))
      GD = GlobalDecl(Ctor, Ctor_Complete);
    else if (auto *Dtor = dyn_cast<CXXDestructorDecl>(Function))
      GD = GlobalDecl(Dtor, Dtor_Complete);
    if (!Mangler->shouldMangleDeclName(Function))
      return Function->getName().str();
    std::string Name;
    llvm::raw_string_ostream Stream(Name);
    Mangler->mangleName(GD, Stream);
    Stream.flush();
    if (!Name.empty() && Name[0] == '\01')
      Name.erase(0, 1);
    return Name;
  }

  const SourceManager &SM;
  std::vector<SourceAssertion> &Assertions;
  std::unique_ptr<MangleContext> Mangler;
  llvm::StringMap<llvm::SmallVector<size_t, 1>> ByLine;
};

} // namespace

void findAssertionSites(PluginState &State, ASTContext &Context) {
  if (State.Assertions.Assertions.empty())
    return;
  SiteFinder Finder(Context, State.Assertions.Assertions);
  Finder.TraverseDecl(Context.getTranslationUnitDecl());
}

} // namespace escape
