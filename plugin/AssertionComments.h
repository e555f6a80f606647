//===- AssertionComments.h - the comment handler for `// escape:` ---------===//
//
// A clang::CommentHandler on the compile's Preprocessor: sees every comment
// as the lexer skips it, rejects those that do not start with `escape:` by
// looking at a few bytes, and hands the others to libescape.so. Built into
// libescape-frontend.so (it derives from a Clang class, see FrontendHooks.h).
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_ASSERTION_COMMENTS_H
#define ESCAPE_ASSERTION_COMMENTS_H

#include <cstddef>
#include <cstring>
#include <memory>

namespace clang {
class CommentHandler;
class Preprocessor;
} // namespace clang

namespace escape {

struct FrontendHooks;
struct PluginState;

/// The text after the comment opener (`//`, `///`, `/*`, `/**`, `//!`) and
/// blanks when it starts with "escape:", else null. Text ends at End.
inline const char *escapeDirective(const char *Text, const char *End) {
  if (End - Text < 2 || Text[0] != '/' || (Text[1] != '/' && Text[1] != '*'))
    return nullptr;
  const char *P = Text + 2;
  if (P < End && (*P == '/' || *P == '*' || *P == '!'))
    ++P;
  while (P < End && (*P == ' ' || *P == '\t'))
    ++P;
  static const char Prefix[] = "escape:";
  const size_t Length = sizeof Prefix - 1;
  if (static_cast<size_t>(End - P) < Length ||
      std::memcmp(P, Prefix, Length) != 0)
    return nullptr;
  return P + Length;
}

/// A handler that passes `escape:` comments to Hooks.NoteComment for State;
/// the caller adds it to PP and removes it before it goes away.
std::unique_ptr<clang::CommentHandler>
makeAssertionCommentHandler(const FrontendHooks &Hooks,
                            std::shared_ptr<PluginState> State);

} // namespace escape

#endif
