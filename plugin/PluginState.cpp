//===- PluginState.cpp - what one compile's passes share ------------------===//

#include "PluginState.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/CompilerInstance.h"

namespace escape {

void PluginState::internalWarning(const std::string &Message) {
  if (ReportedInternalError)
    return;
  ReportedInternalError = true;
  clang::DiagnosticsEngine &Diags = Compiler->getDiagnostics();
  // A custom warning ID is not promoted by -Werror: an internal problem of
  // the plugin must never fail the user's build. Honour -w by hand.
  if (Diags.getIgnoreAllWarnings())
    return;
  unsigned ID = Diags.getCustomDiagID(clang::DiagnosticsEngine::Warning,
                                      "escape: %0 (the compile is unaffected)");
  Diags.Report(ID) << Message;
}

} // namespace escape
