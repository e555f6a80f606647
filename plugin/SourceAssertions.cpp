//===- SourceAssertions.cpp - `// escape:` comments and annotate attributes
//===//

#include "SourceAssertions.h"

#include "AssertionComments.h"
#include "PluginState.h"
#include "escape/remark_catalog.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Module.h"

#include <cctype>
#include <cstring>

namespace escape {

const char *assertionWord(AssertionKind Kind) {
  switch (Kind) {
  case AssertionKind::Inline:
    return "inline";
  case AssertionKind::NoEscape:
    return "noescape";
  case AssertionKind::NoAlloc:
    return "noalloc";
  }
  return "?";
}

void assertionWarning(PluginState &State, clang::SourceLocation Loc,
                      const std::string &Message) {
  if (!State.Compiler)
    return;
  clang::DiagnosticsEngine &Diags = State.Compiler->getDiagnostics();
  // Custom IDs ignore -w and -Werror: honour them here.
  if (Diags.getIgnoreAllWarnings())
    return;
  auto Level = Diags.getWarningsAsErrors() ? clang::DiagnosticsEngine::Error
                                           : clang::DiagnosticsEngine::Warning;
  Diags.Report(Loc, Diags.getCustomDiagID(Level, "escape: %0")) << Message;
}

namespace {

bool isWordChar(char C) {
  return std::isalnum(static_cast<unsigned char>(C)) || C == '_' || C == '-';
}

bool isBlank(char C) { return C == ' ' || C == '\t'; }

/// Records (Assertion, Definition) are no findings: nothing to ignore.
bool isRecordName(const char *Name) {
  return std::strcmp(Name, ESCAPE_ASSERTION_NAME) == 0 ||
         std::strcmp(Name, ESCAPE_DEFINITION_NAME) == 0;
}

/// The remark names of the catalog, for `ignore(...)`'s message.
std::string catalogNames() {
  size_t Count = 0;
  const escape_catalog_entry *Table = escape_catalog(&Count);
  std::string Names;
  for (size_t I = 0; I < Count; ++I)
    if (!isRecordName(Table[I].name))
      Names += (Names.empty() ? "" : ", ") + std::string(Table[I].name);
  return Names;
}

/// True when only blanks precede Comment on its line: the comment is about
/// the next line.
bool aloneOnLine(const clang::SourceManager &SM,
                 clang::SourceLocation Comment) {
  bool Invalid = false;
  const char *At = SM.getCharacterData(Comment, &Invalid);
  if (Invalid)
    return false;
  unsigned Column = SM.getSpellingColumnNumber(Comment);
  for (unsigned I = 1; I < Column; ++I)
    if (!isBlank(At[-static_cast<int>(I)]))
      return false;
  return true;
}

/// The kinds listed in `ignore(A,B)`; warns about unknown ones.
std::vector<std::string> parseKinds(PluginState &State,
                                    clang::SourceLocation Loc,
                                    llvm::StringRef List) {
  std::vector<std::string> Kinds;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  List.split(Parts, ',', -1, false);
  for (llvm::StringRef Part : Parts) {
    std::string Kind = Part.trim().str();
    if (Kind.empty())
      continue;
    if (!escape_catalog_find(Kind.c_str()) || isRecordName(Kind.c_str())) {
      assertionWarning(State, Loc,
                       "unknown remark kind '" + Kind +
                           "' in 'escape: ignore(...)'; the kinds are " +
                           catalogNames());
      continue;
    }
    Kinds.push_back(Kind);
  }
  return Kinds;
}

struct CommentPlace {
  std::string File;
  unsigned Line;
  unsigned Column;
  unsigned TargetLine;
  clang::SourceLocation Loc;
};

void addWord(PluginState &State, const CommentPlace &Place,
             llvm::StringRef Word, bool HasList, llvm::StringRef List) {
  SourceAssertions &A = State.Assertions;
  if (Word == "ignore") {
    Suppression S{Place.File, Place.TargetLine, {}};
    if (HasList) {
      S.Kinds = parseKinds(State, Place.Loc, List);
      if (S.Kinds.empty())
        return; // nothing valid to ignore; warned
    }
    A.Suppressions.push_back(std::move(S));
    return;
  }
  static const AssertionKind Kinds[] = {
      AssertionKind::Inline, AssertionKind::NoEscape, AssertionKind::NoAlloc};
  for (AssertionKind Kind : Kinds)
    if (Word == assertionWord(Kind)) {
      SourceAssertion S;
      S.Kind = Kind;
      S.File = Place.File;
      S.Line = Place.TargetLine;
      S.Column = Place.Column;
      S.Loc = Place.Loc;
      A.Assertions.push_back(std::move(S));
      A.HasInlineAssertion |= Kind == AssertionKind::Inline;
      return;
    }
  assertionWarning(State, Place.Loc,
                   "unknown word '" + Word.str() +
                       "' after 'escape:'; expected inline, noescape, "
                       "noalloc or ignore[(Kind,...)]");
}

} // namespace

void noteAssertionComment(PluginState &State, const clang::SourceManager &SM,
                          clang::SourceRange Range) {
  bool Invalid = false;
  const char *Begin = SM.getCharacterData(Range.getBegin(), &Invalid);
  const char *End = Invalid ? nullptr : SM.getCharacterData(Range.getEnd());
  const char *Body = Begin && End ? escapeDirective(Begin, End) : nullptr;
  if (!Body)
    return;
  clang::PresumedLoc Presumed = SM.getPresumedLoc(Range.getBegin());
  if (Presumed.isInvalid())
    return;
  CommentPlace Place{Presumed.getFilename(), Presumed.getLine(),
                     Presumed.getColumn(), Presumed.getLine(),
                     Range.getBegin()};
  if (aloneOnLine(SM, Range.getBegin()))
    Place.TargetLine = Place.Line + 1;
  llvm::StringRef Text(Body, End - Body);
  if (Text.ends_with("*/"))
    Text = Text.drop_back(2);
  size_t I = 0;
  while (I < Text.size()) {
    if (isBlank(Text[I]) || Text[I] == ',') {
      ++I;
      continue;
    }
    size_t Start = I;
    while (I < Text.size() && isWordChar(Text[I]))
      ++I;
    if (I == Start) { // not a word: the rest is prose
      addWord(State, Place, Text.substr(Start).trim(), false, "");
      return;
    }
    llvm::StringRef Word = Text.slice(Start, I);
    llvm::StringRef List;
    bool HasList = I < Text.size() && Text[I] == '(';
    if (HasList) {
      size_t Close = Text.find(')', I);
      if (Close == llvm::StringRef::npos)
        Close = Text.size();
      List = Text.slice(I + 1, Close);
      I = Close + 1;
    }
    addWord(State, Place, Word, HasList, List);
  }
}

void noteInlineAnnotations(llvm::Module &M, PluginState &State) {
  llvm::GlobalVariable *Annotations =
      M.getNamedGlobal("llvm.global.annotations");
  if (!State.Compiler || !Annotations || !Annotations->hasInitializer())
    return;
  auto *Array =
      llvm::dyn_cast<llvm::ConstantArray>(Annotations->getInitializer());
  if (!Array)
    return;
  for (const llvm::Use &Entry : Array->operands()) {
    auto *Fields = llvm::dyn_cast<llvm::ConstantStruct>(Entry.get());
    if (!Fields || Fields->getNumOperands() < 2)
      continue;
    auto *F = llvm::dyn_cast<llvm::Function>(
        Fields->getOperand(0)->stripPointerCasts());
    auto *Text = llvm::dyn_cast<llvm::GlobalVariable>(
        Fields->getOperand(1)->stripPointerCasts());
    auto *Data =
        Text && Text->hasInitializer()
            ? llvm::dyn_cast<llvm::ConstantDataArray>(Text->getInitializer())
            : nullptr;
    if (!F || !Data || !Data->isCString())
      continue;
    if (Data->getAsCString().trim() == "escape: inline")
      State.Assertions.InlineFunctions[F->getName()] = true;
  }
}

bool wantsInlinedVerdicts(const PluginState &State) {
  return State.Options.Verbose || State.Assertions.HasInlineAssertion;
}

} // namespace escape
