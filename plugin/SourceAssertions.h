//===- SourceAssertions.h - `// escape:` comments and annotate attributes -===//
//
// What the source asserts about the optimizer's verdicts (`// escape:
// inline|noescape|noalloc`, `__attribute__((annotate("escape: inline")))`)
// and which remarks it accepts (`// escape: ignore[(Kind,...)]`). Collected
// while clang lexes (the comment handler in AssertionComments.cpp hands over
// only comments that start with `escape:`) and checked in AssertionCheck.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_SOURCE_ASSERTIONS_H
#define ESCAPE_SOURCE_ASSERTIONS_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace clang {
class ASTContext;
class SourceManager;
} // namespace clang
namespace llvm {
class Module;
}

namespace escape {

struct PluginState;

enum class AssertionKind { Inline, NoEscape, NoAlloc };

/// The word of the comment that asserts Kind ("inline").
const char *assertionWord(AssertionKind Kind);

/// One assertion of a comment, about the code on Line of File.
struct SourceAssertion {
  AssertionKind Kind;
  std::string File; // presumed name, as remarks name files
  unsigned Line = 0;
  unsigned Column = 0;       // of the comment
  clang::SourceLocation Loc; // the comment, for diagnostics
  // What the AST has on Line (AssertionSites.cpp).
  bool HasCall = false;
  bool HasDecl = false;
  unsigned LoopEndLine = 0; // a loop statement starts on Line: its last line
  std::string Function;     // IR name of the function around Line
};

/// `// escape: ignore[(Kinds)]`: remarks on Line of File are not printed.
/// Like an assertion, a comment after code is about its own line, a
/// comment alone on its line about the next one.
struct Suppression {
  std::string File;
  unsigned Line = 0;
  std::vector<std::string> Kinds; // empty: every kind
};

struct SourceAssertions {
  std::vector<SourceAssertion> Assertions;
  std::vector<Suppression> Suppressions;
  /// Functions annotated "escape: inline", by IR name.
  llvm::StringMap<bool> InlineFunctions;
  /// Some comment asserts `inline`: the inliner's positive verdicts are
  /// evidence.
  bool HasInlineAssertion = false;

  bool empty() const {
    return Assertions.empty() && Suppressions.empty() &&
           InlineFunctions.empty();
  }
};

/// Reads one comment that starts with `escape:` (Range covers it, `//` or
/// `/*` included), adding its assertions and suppressions to State; warns
/// about words it does not know.
void noteAssertionComment(PluginState &State, const clang::SourceManager &SM,
                          clang::SourceRange Range);

/// Finds what the AST has on each asserted line (calls, declarations,
/// loops, the function around it). Does nothing without assertions.
void findAssertionSites(PluginState &State, clang::ASTContext &Context);

/// Records the functions that M's llvm.global.annotations mark
/// "escape: inline".
void noteInlineAnnotations(llvm::Module &M, PluginState &State);

/// True when the inliner's positive verdicts must be recorded: verbose, or
/// an `escape: inline` assertion needs them as evidence.
bool wantsInlinedVerdicts(const PluginState &State);

/// Warns (a custom ID: honours -w and -Werror by hand) at Loc.
void assertionWarning(PluginState &State, clang::SourceLocation Loc,
                      const std::string &Message);

} // namespace escape

#endif
