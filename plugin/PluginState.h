//===- PluginState.h - what one compile's passes share --------------------===//
//
// Created by the frontend action for each compile and captured by the pass
// callbacks: the options, the source index and local names the analyses
// read, the inliner and coroutine watches, and the compiler's diagnostics.
// The link-time path (LinkTimeReport.cpp) has no frontend and owns only an
// InlinerWatch.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_PLUGIN_STATE_H
#define ESCAPE_PLUGIN_STATE_H

#include "CoroutineFrames.h"
#include "InlineContext.h"
#include "InlineObserver.h"
#include "LocalNames.h"
#include "ParamCaptures.h"
#include "PluginOptions.h"
#include "SourceAssertions.h"
#include "SourceIndex.h"

#include "llvm/ADT/StringMap.h"

#include <string>

namespace clang {
class CompilerInstance;
}
namespace llvm {
class FunctionType;
} // namespace llvm

namespace escape {

struct PluginState {
  PluginOptions Options;
  SourceIndex Index;
  LocalNames Names;
  SourceAssertions Assertions; // `// escape:` comments, annotate attributes
  clang::CompilerInstance *Compiler = nullptr; // never null
  std::string YamlPath;                        // empty: no YAML file
  bool StripLocations = false; // we turned location tracking on ourselves
  bool IndexBuilt = false;
  bool ReportedInternalError = false;
  /// Each definition's IR signature before optimization, so that parameters
  /// are not matched to arguments that dead-argument elimination or
  /// argument promotion rewrote.
  llvm::StringMap<llvm::FunctionType *> Signatures;
  /// The IR names of definitions whose debug info has only a short name (a
  /// C++ method without -g: `weigh` for `Box<long>::weigh`), for naming
  /// inlined code after the inliner deleted the function (InlineContext.h).
  SubprogramNameMap SubprogramNames;
  InlinerWatch Inliner;
  CoroutineWatch Coroutines;
  /// The parameters' captures in this module run, filled as the analyses
  /// (which see the state as const) ask: a memo, not a result.
  mutable ParamCaptures Captures;

  /// Reports an internal problem as one warning for the whole compile; never
  /// an error, even under -Werror.
  void internalWarning(const std::string &Message);
};

} // namespace escape

#endif
