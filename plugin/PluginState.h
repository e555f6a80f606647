//===- PluginState.h - what one compile's passes share --------------------===//
//
// Created by the frontend action for each compile and captured by the pass
// callbacks: the options, the source index and the compiler's diagnostics.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_PLUGIN_STATE_H
#define ESCAPE_PLUGIN_STATE_H

#include "InlineObserver.h"
#include "LocalNames.h"
#include "PluginOptions.h"
#include "SourceAssertions.h"
#include "SourceIndex.h"

#include "llvm/ADT/StringMap.h"

#include <string>
#include <vector>

namespace clang {
class CompilerInstance;
}
namespace llvm {
class FunctionType;
class LLVMContext;
} // namespace llvm

namespace escape {

/// A named stack slot of a coroutine, watched while CoroSplit runs.
struct CoroutineLocal {
  llvm::WeakVH Slot; // null once CoroSplit moved it into the frame
  LocalName Local;
  std::string Function;
};

struct PluginState {
  PluginOptions Options;
  SourceIndex Index;
  LocalNames Names;
  SourceAssertions Assertions; // `// escape:` comments, annotate attributes
  clang::CompilerInstance *Compiler = nullptr;
  std::string YamlPath;        // empty: no YAML file
  bool StripLocations = false; // we turned location tracking on ourselves
  bool IndexBuilt = false;
  bool ReportedInternalError = false;
  /// Each definition's IR signature before optimization, so that parameters
  /// are not matched to arguments that dead-argument elimination or
  /// argument promotion rewrote.
  llvm::StringMap<llvm::FunctionType *> Signatures;
  /// How many of LLVM's inliner passes are running (nested managers).
  unsigned InlinerDepth = 0;
  /// The context whose diagnostic handler InlineObserver wraps.
  llvm::LLVMContext *ObservedContext = nullptr;
  /// The inliner's verdicts, in the order it made them.
  std::vector<InlineDecision> InlineDecisions;
  /// Slots of the coroutines CoroSplit is splitting, and those it moved.
  std::vector<CoroutineLocal> CoroutineSlots;
  std::vector<CoroutineLocal> CoroutineFrameLocals;

  /// Reports an internal problem as one warning for the whole compile; never
  /// an error, even under -Werror.
  void internalWarning(const std::string &Message);
};

} // namespace escape

#endif
