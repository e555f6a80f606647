//===- FunctionContext.cpp - what every analysis of one function gets -----===//

#include "Analyses.h"
#include "PluginState.h"

#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/TargetLibraryInfo.h"

namespace escape {

const llvm::LoopInfo &FunctionContext::loops() const {
  return FAM.getResult<llvm::LoopAnalysis>(F);
}

const llvm::LoopInfo *FunctionContext::loopsIfHot() const {
  return State.Options.Hot ? &loops() : nullptr;
}

const llvm::TargetLibraryInfo &FunctionContext::libraryInfo() const {
  return FAM.getResult<llvm::TargetLibraryAnalysis>(F);
}

} // namespace escape
