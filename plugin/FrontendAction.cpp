//===- FrontendAction.cpp - the `escape` Clang plugin action --------------===//
//
// The Clang classes of the plugin, built into libescape-frontend.so (see
// FrontendHooks.h): the action that reads the plugin's arguments and the
// consumer that indexes the AST. The work is done in libescape.so.
//
//===----------------------------------------------------------------------===//

#include "AssertionComments.h"
#include "FrontendHooks.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/Support/Compiler.h"

#include <memory>

using namespace clang;

namespace escape {

namespace {

const FrontendHooks *Hooks = nullptr;

class IndexConsumer : public ASTConsumer {
public:
  IndexConsumer(std::shared_ptr<PluginState> State, Preprocessor &PP)
      : State(std::move(State)), PP(PP),
        Comments(makeAssertionCommentHandler(*Hooks, this->State)) {
    PP.addCommentHandler(Comments.get());
  }
  ~IndexConsumer() override { PP.removeCommentHandler(Comments.get()); }

  void HandleTranslationUnit(ASTContext &Context) override {
    Hooks->IndexTranslationUnit(*State, Context);
  }

private:
  std::shared_ptr<PluginState> State;
  Preprocessor &PP;
  std::unique_ptr<CommentHandler> Comments; // `// escape:` assertions
};

class EscapeAction : public PluginASTAction {
protected:
  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    for (const std::string &Arg : Args) {
      std::string Error = Hooks->ParseArg(Arg, Options);
      if (Error.empty())
        continue;
      DiagnosticsEngine &Diags = CI.getDiagnostics();
      unsigned ID =
          Diags.getCustomDiagID(DiagnosticsEngine::Error, "escape: %0");
      Diags.Report(ID) << Error;
      return false;
    }
    return true;
  }

  ActionType getActionType() override { return AddBeforeMainAction; }

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    std::shared_ptr<PluginState> State = Hooks->BeginCompile(CI, Options);
    if (!State)
      return std::make_unique<ASTConsumer>();
    return std::make_unique<IndexConsumer>(std::move(State),
                                           CI.getPreprocessor());
  }

private:
  PluginOptions Options;
};

} // namespace

} // namespace escape

extern "C" LLVM_ATTRIBUTE_VISIBILITY_DEFAULT void
escape_register_frontend(const escape::FrontendHooks *Hooks) {
  if (escape::Hooks)
    return;
  escape::Hooks = Hooks;
  static clang::FrontendPluginRegistry::Add<escape::EscapeAction> Register(
      "escape",
      "report escaping locals, leaking parameters and inlining decisions");
}
