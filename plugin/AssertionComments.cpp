//===- AssertionComments.cpp - the comment handler for `// escape:` -------===//

#include "AssertionComments.h"

#include "FrontendHooks.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Preprocessor.h"

namespace escape {

namespace {

class AssertionCommentHandler : public clang::CommentHandler {
public:
  AssertionCommentHandler(const FrontendHooks &Hooks,
                          std::shared_ptr<PluginState> State)
      : Hooks(Hooks), State(std::move(State)) {}

  bool HandleComment(clang::Preprocessor &PP,
                     clang::SourceRange Comment) override {
    // Every comment of the TU comes here: decide from its first bytes.
    const clang::SourceManager &SM = PP.getSourceManager();
    bool Invalid = false;
    const char *Begin = SM.getCharacterData(Comment.getBegin(), &Invalid);
    if (Invalid)
      return false;
    const char *End = SM.getCharacterData(Comment.getEnd(), &Invalid);
    if (Invalid || End < Begin || !escapeDirective(Begin, End))
      return false;
    Hooks.NoteComment(*State, SM, Comment);
    return false;
  }

private:
  const FrontendHooks &Hooks;
  std::shared_ptr<PluginState> State;
};

} // namespace

std::unique_ptr<clang::CommentHandler>
makeAssertionCommentHandler(const FrontendHooks &Hooks,
                            std::shared_ptr<PluginState> State) {
  return std::make_unique<AssertionCommentHandler>(Hooks, std::move(State));
}

} // namespace escape
