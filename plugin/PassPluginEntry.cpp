//===- PassPluginEntry.cpp - libescape.so as an LLVM pass plugin ----------===//

#include "PassPluginEntry.h"

#include "Compat.h"
#include "LinkTimeReport.h"

#include "llvm/Support/Compiler.h"

#include <atomic>

namespace escape {

namespace {

// Clang runs the frontend action before it builds the optimizer's pipeline,
// so the flag is settled when the pass builder asks for our callbacks.
std::atomic<bool> FrontendActionRan{false};

void registerCallbacks(llvm::PassBuilder &PB) {
  if (FrontendActionRan.load())
    return;
  registerLinkTimeReport(PB);
}

} // namespace

void noteFrontendAction() { FrontendActionRan.store(true); }

} // namespace escape

extern "C" LLVM_ATTRIBUTE_VISIBILITY_DEFAULT ::llvm::PassPluginLibraryInfo
llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "escape", "0.1", escape::registerCallbacks};
}
