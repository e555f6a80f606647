//===- FrontendHooks.h - what the frontend action calls in libescape.so ---===//
//
// The frontend action's classes derive from Clang's (ASTConsumer,
// PluginASTAction): their vtables and type info need Clang's symbols when
// the library is loaded, and lld or opt, which load libescape.so as a pass
// plugin, have none. So they live in libescape-frontend.so, which
// libescape.so loads only inside clang (FrontendLoader.cpp) and hands these
// entry points; everything else stays in libescape.so.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_FRONTEND_HOOKS_H
#define ESCAPE_FRONTEND_HOOKS_H

#include "PluginOptions.h"

#include <memory>
#include <string>

namespace clang {
class ASTContext;
class CompilerInstance;
class SourceManager;
class SourceRange;
} // namespace clang

namespace escape {

struct PluginState;

struct FrontendHooks {
  /// Parses one -fplugin-arg-escape- argument; returns an error or "".
  std::string (*ParseArg)(const std::string &Arg, PluginOptions &Options);
  /// Sets one compile up: reads -Rescape and -Rpass*, turns location
  /// tracking on, registers the passes. Null when nothing is to be analysed
  /// (-O0); the index consumer then does nothing.
  std::shared_ptr<PluginState> (*BeginCompile)(clang::CompilerInstance &CI,
                                               const PluginOptions &Options);
  /// Builds the source index from the parsed translation unit.
  void (*IndexTranslationUnit)(PluginState &State, clang::ASTContext &Context);
  /// Reads a comment that starts with `escape:` (SourceAssertions.h).
  void (*NoteComment)(PluginState &State, const clang::SourceManager &SM,
                      clang::SourceRange Comment);
};

/// The entry points, in libescape.so.
const FrontendHooks &frontendHooks();

} // namespace escape

/// Exported by libescape-frontend.so: registers the `escape` plugin action
/// with Clang's registry, calling back through Hooks.
extern "C" void escape_register_frontend(const escape::FrontendHooks *Hooks);

#endif
