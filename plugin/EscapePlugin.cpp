//===- EscapePlugin.cpp - the `escape` Clang plugin -----------------------===//
//
// What the frontend action does (its Clang classes are in FrontendAction.cpp,
// see FrontendHooks.h): reads -fplugin-arg-escape-* and -Rescape, turns on
// location tracking when the user did not ask for debug info, builds the
// source index from the AST, and registers the passes that report what the
// optimizer did with each local and parameter.
//
//===----------------------------------------------------------------------===//

#include "Compat.h"
#include "PipelinePasses.h"
#include "FrontendHooks.h"
#include "PassPluginEntry.h"
#include "PipelineWatch.h"
#include "PluginState.h"
#include "SourceAssertions.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/Passes/PassBuilder.h"

#include <memory>

using namespace clang;

namespace escape {

namespace {

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

/// What the inline observer needs of a compile: its options, its index and
/// its diagnostics.
void watchInliner(PluginState &State) {
  State.Inliner.KeepInlined = State.Options.reports(ESCAPE_KIND_INLINED);
  State.Inliner.InClang = true;
  State.Inliner.CountFullCost = State.Options.Verbose;
  State.Inliner.Index = &State.Index;
  PluginState *Owner = &State; // the state owns the watch
  State.Inliner.Warn = [Owner](const std::string &Message) {
    Owner->internalWarning(Message);
  };
}

void registerPasses(CodeGenOptions &CodeGen,
                    const std::shared_ptr<PluginState> &State) {
  CodeGen.PassBuilderCallbacks.push_back([State](llvm::PassBuilder &PB) {
    // The watch lives as long as the state that holds it.
    std::shared_ptr<InlinerWatch> Inliner(State, &State->Inliner);
    watchPipeline(PB.getPassInstrumentationCallbacks(), Inliner, State);
    PB.registerPipelineStartEPCallback(
        [State](llvm::ModulePassManager &MPM, llvm::OptimizationLevel) {
          MPM.addPass(SourceBinder(State));
        });
    registerAtOptimizerLast(
        PB, [State](llvm::ModulePassManager &MPM, llvm::OptimizationLevel) {
          MPM.addPass(EscapeReport(State));
        });
  });
}

std::shared_ptr<PluginState> beginCompile(CompilerInstance &CI,
                                          const PluginOptions &Options) {
  noteFrontendAction();
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
    return nullptr;
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
  watchInliner(*State);
  registerPasses(CodeGen, State);
  return State;
}

/// Runs once the whole translation unit is parsed, before code generation
/// (which runs after the plugin's consumer) starts optimizing.
void indexTranslationUnit(PluginState &State, ASTContext &Context) {
  State.Index.build(Context);
  State.IndexBuilt = true;
  findAssertionSites(State, Context);
}

} // namespace

const FrontendHooks &frontendHooks() {
  static const FrontendHooks Hooks{parsePluginArg, beginCompile,
                                   indexTranslationUnit, noteAssertionComment};
  return Hooks;
}

} // namespace escape
