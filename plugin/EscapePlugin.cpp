//===- EscapePlugin.cpp - the `escape` Clang plugin -----------------------===//
//
// The frontend action: reads -fplugin-arg-escape-* and -Rescape, turns on
// location tracking when the user did not ask for debug info, builds the
// source index from the AST, and registers the passes that report what the
// optimizer did with each local and parameter.
//
//===----------------------------------------------------------------------===//

#include "CoroutineFrames.h"
#include "EscapePass.h"
#include "InlineObserver.h"
#include "PluginState.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/Passes/PassBuilder.h"

#include <memory>

using namespace clang;

namespace escape {

namespace {

/// Builds the source index once the whole translation unit is parsed, before
/// code generation (which runs after this consumer) starts optimizing.
class IndexConsumer : public ASTConsumer {
public:
  explicit IndexConsumer(std::shared_ptr<PluginState> State)
      : State(std::move(State)) {}

  void HandleTranslationUnit(ASTContext &Context) override {
    State->Index.build(Context);
    State->IndexBuilt = true;
  }

private:
  std::shared_ptr<PluginState> State;
};

bool printingRequested(const PluginOptions &Options,
                       const CodeGenOptions &CodeGen) {
  return Options.Remarks || Options.Warn ||
         CodeGen.OptimizationRemark.patternMatches("escape") ||
         CodeGen.OptimizationRemarkMissed.patternMatches("escape") ||
         CodeGen.OptimizationRemarkAnalysis.patternMatches("escape");
}

void enableRemarkGroups(DiagnosticsEngine &Diags, bool Verbose) {
  Diags.setSeverityForGroup(diag::Flavor::Remark, "pass-missed",
                            diag::Severity::Remark);
  Diags.setSeverityForGroup(diag::Flavor::Remark, "pass-analysis",
                            diag::Severity::Remark);
  if (Verbose)
    Diags.setSeverityForGroup(diag::Flavor::Remark, "pass",
                              diag::Severity::Remark);
}

void registerPasses(CodeGenOptions &CodeGen,
                    const std::shared_ptr<PluginState> &State) {
  CodeGen.PassBuilderCallbacks.push_back([State](llvm::PassBuilder &PB) {
    trackInlinerPasses(PB.getPassInstrumentationCallbacks(), State);
    watchCoroutineSplits(PB.getPassInstrumentationCallbacks(), State);
    PB.registerPipelineStartEPCallback(
        [State](llvm::ModulePassManager &MPM, llvm::OptimizationLevel) {
          MPM.addPass(SourceBinder(State));
        });
    PB.registerOptimizerLastEPCallback(
        [State](llvm::ModulePassManager &MPM, llvm::OptimizationLevel) {
          MPM.addPass(EscapeReport(State));
        });
  });
}

class EscapeAction : public PluginASTAction {
protected:
  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    for (const std::string &Arg : Args) {
      std::string Error = parsePluginArg(Arg, Options);
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
    auto State = std::make_shared<PluginState>();
    State->Options = Options;
    State->Compiler = &CI;
    for (const std::string &Remark : CI.getDiagnosticOpts().Remarks)
      if (Remark == "escape")
        State->Options.Remarks = true;
    CodeGenOptions &CodeGen = CI.getCodeGenOpts();
    if (CodeGen.OptimizationRemark.patternMatches("escape"))
      State->Options.Verbose = true;
    bool Printing = printingRequested(State->Options, CodeGen);
    if (CodeGen.OptimizationLevel == 0) {
      if (Printing) {
        DiagnosticsEngine &Diags = CI.getDiagnostics();
        Diags.Report(Diags.getCustomDiagID(
            DiagnosticsEngine::Remark,
            "escape: remarks need -O1 or higher; nothing is optimized at "
            "-O0, so nothing is reported"));
      }
      return std::make_unique<ASTConsumer>();
    }
    // Exact file:line:col without -g, as clang does for -Rpass; the
    // locations are stripped again before code generation.
    if (CodeGen.getDebugInfo() == llvm::codegenoptions::NoDebugInfo) {
      CodeGen.setDebugInfo(llvm::codegenoptions::LocTrackingOnly);
      State->StripLocations = true;
    }
    if (State->Options.Remarks)
      enableRemarkGroups(CI.getDiagnostics(), State->Options.Verbose);
    if (!State->Options.YamlOff)
      State->YamlPath = State->Options.YamlPath.empty()
                            ? defaultYamlPath(CI.getFrontendOpts().OutputFile)
                            : State->Options.YamlPath;
    registerPasses(CodeGen, State);
    return std::make_unique<IndexConsumer>(State);
  }

private:
  PluginOptions Options;
};

} // namespace

} // namespace escape

static clang::FrontendPluginRegistry::Add<escape::EscapeAction>
    RegisterEscape("escape", "report escaping locals, leaking parameters and "
                             "inlining decisions");
