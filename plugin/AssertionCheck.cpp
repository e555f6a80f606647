//===- AssertionCheck.cpp - source assertions against the verdicts --------===//

#include "AssertionCheck.h"

#include "PluginState.h"
#include "ReadableMessage.h"
#include "SourceAssertions.h"
#include "escape/remark_catalog.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"

#include <cstring>
#include <set>
#include <string>

namespace escape {

namespace {

constexpr const char *AssertionName = ESCAPE_ASSERTION_NAME;
constexpr const char InlinedFromKey[] = "InlinedFrom";

bool nameIs(const escape_remark &Data, const char *Name) {
  return Data.name && std::strcmp(Data.name, Name) == 0;
}

bool nameIsOneOf(const escape_remark &Data,
                 std::initializer_list<const char *> Names) {
  for (const char *Name : Names)
    if (nameIs(Data, Name))
      return true;
  return false;
}

bool within(const escape_loc &Loc, llvm::StringRef File, unsigned First,
            unsigned Last) {
  return Loc.file && Loc.line >= First && Loc.line <= Last &&
         sameFile(Loc.file, File);
}

/// The remark's site, or a site it was inlined from, lies in [First, Last].
bool siteWithin(const escape_remark &Data, llvm::StringRef File, unsigned First,
                unsigned Last) {
  if (within(Data.loc, File, First, Last))
    return true;
  for (size_t I = 0; I < Data.arg_count; ++I)
    if (std::strcmp(Data.args[I].key, InlinedFromKey) == 0 &&
        within(Data.args[I].loc, File, First, Last))
      return true;
  return false;
}

enum class Verdict { Held, Violated, Stale };

const char *verdictWord(Verdict V) {
  switch (V) {
  case Verdict::Held:
    return "held";
  case Verdict::Violated:
    return "violated";
  case Verdict::Stale:
    return "stale";
  }
  return "?";
}

/// What one assertion came to, for the YAML record.
struct Outcome {
  Verdict V = Verdict::Held;
  std::string Detail;
  std::string Function;
};

/// The error's text: the verdict as a sentence about the asserted code.
std::string violationMessage(const escape_remark &Data) {
  std::string Message = readableMessage(Data);
  static const char NotInlined[] = "' not inlined into '";
  size_t At = Message.find(NotInlined);
  if (At != std::string::npos)
    Message.replace(At, 1, "' is");
  return Message;
}

class Checker {
public:
  Checker(PluginState &State, std::vector<Remark> &Remarks,
          const std::vector<Remark> &Evidence)
      : State(State), Remarks(Remarks), Evidence(Evidence),
        Diags(State.Compiler->getDiagnostics()) {}

  void run() {
    std::vector<Remark> Records;
    for (const SourceAssertion &A : State.Assertions.Assertions)
      Records.push_back(record(A, check(A)));
    for (const auto &Entry : State.Assertions.InlineFunctions)
      if (Entry.getValue())
        Records.push_back(checkAnnotated(Entry.getKey()));
    suppress();
    for (Remark &R : Records)
      if (R.isComplete())
        Remarks.push_back(std::move(R));
    sortAndDeduplicateRemarks(Remarks);
  }

private:
  Outcome check(const SourceAssertion &A) {
    switch (A.Kind) {
    case AssertionKind::Inline:
      return checkInline(A);
    case AssertionKind::NoEscape:
      return checkNoEscape(A);
    case AssertionKind::NoAlloc:
      return checkNoAlloc(A);
    }
    return {};
  }

  /// Reports every remark of Names at [First, Last] as a violation of A.
  Outcome violations(const SourceAssertion &A,
                     std::initializer_list<const char *> Names, unsigned Last) {
    Outcome O;
    for (const Remark &R : Remarks) {
      const escape_remark &Data = R.data();
      if (!nameIsOneOf(Data, Names) || !siteWithin(Data, A.File, A.Line, Last))
        continue;
      std::string Message = violationMessage(Data);
      if (O.V != Verdict::Violated) {
        O.V = Verdict::Violated;
        O.Detail = Message;
        O.Function = Data.function ? Data.function : "";
      }
      error(R.printLocation().isValid() ? R.printLocation() : A.Loc, Message,
            A.Loc,
            std::string("asserted by 'escape: ") + assertionWord(A.Kind) +
                "' here");
    }
    return O;
  }

  bool evidenceAt(const SourceAssertion &A,
                  std::initializer_list<const char *> Names) const {
    for (const std::vector<Remark> *List :
         {static_cast<const std::vector<Remark> *>(&Remarks), &Evidence})
      for (const Remark &R : *List)
        if (nameIsOneOf(R.data(), Names) &&
            within(R.data().loc, A.File, A.Line, A.Line))
          return true;
    return false;
  }

  Outcome stale(const SourceAssertion &A, std::string Why) {
    assertionWarning(State, A.Loc,
                     std::string("'escape: ") + assertionWord(A.Kind) +
                         "' matches nothing: " + Why);
    Outcome O;
    O.V = Verdict::Stale;
    O.Detail = std::move(Why);
    return O;
  }

  Outcome checkInline(const SourceAssertion &A) {
    Outcome O = violations(A, {"NotInlined"}, A.Line);
    if (O.V == Verdict::Violated || evidenceAt(A, {"Inlined"}))
      return O;
    if (!A.HasCall)
      return stale(A, "there is no call on this line");
    return stale(A, "no call on this line reached the inliner (the "
                    "optimizer removed it, or it calls a library function "
                    "or builtin the inliner never sees)");
  }

  Outcome checkNoEscape(const SourceAssertion &A) {
    Outcome O =
        violations(A, {"LocalEscapes", "HeapPromoted", "LeakingParam"}, A.Line);
    if (O.V == Verdict::Violated ||
        evidenceAt(A, {"LocalNoEscape", "ParamNoEscape"}))
      return O;
    // A local whose address is never taken has nothing that could escape.
    if (!A.HasDecl)
      return stale(A, "no local or parameter is declared on this line");
    return O;
  }

  Outcome checkNoAlloc(const SourceAssertion &A) {
    if (A.LoopEndLine == 0)
      return stale(A, "no loop starts on this line");
    // A loop the optimizer removed keeps nothing inside: held.
    return violations(
        A, {"HeapAllocInLoop", "VarargsInLoop", "IndirectCallInLoop"},
        A.LoopEndLine);
  }

  Remark checkAnnotated(llvm::StringRef Function) {
    Outcome O;
    std::string Readable = readableName(Function.str().c_str());
    for (const Remark &R : Remarks) {
      const escape_remark &Data = R.data();
      const char *Callee = escape_remark_arg(&Data, ESCAPE_KEY_CALLEE);
      if (!nameIs(Data, "NotInlined") || !Callee || Function != Callee)
        continue;
      std::string Message = violationMessage(Data);
      if (O.V != Verdict::Violated) {
        O.V = Verdict::Violated;
        O.Detail = Message;
      }
      const SourceFunction *Decl = State.Index.findFunction(Function);
      error(R.printLocation(), Message,
            Decl ? Decl->Loc : clang::SourceLocation(),
            "'" + Readable + "' is annotated 'escape: inline' here");
    }
    SourceAssertion Site;
    Site.Kind = AssertionKind::Inline;
    Site.Function = Function.str();
    if (const SourceFunction *Decl = State.Index.findFunction(Function)) {
      clang::PresumedLoc P =
          State.Compiler->getSourceManager().getPresumedLoc(Decl->Loc);
      if (P.isValid()) {
        Site.File = P.getFilename();
        Site.Line = P.getLine();
        Site.Column = P.getColumn();
        Site.Loc = Decl->Loc;
      }
    }
    return record(Site, O);
  }

  void error(clang::SourceLocation Loc, const std::string &Message,
             clang::SourceLocation NoteLoc, const std::string &Note) {
    if (!Reported.insert(std::to_string(Loc.getRawEncoding()) + Message).second)
      return; // the same call or local in several inlined contexts
    Diags.Report(Loc, Diags.getCustomDiagID(clang::DiagnosticsEngine::Error,
                                            "escape: %0"))
        << Message;
    if (NoteLoc.isValid() && NoteLoc != Loc)
      Diags.Report(NoteLoc,
                   Diags.getCustomDiagID(clang::DiagnosticsEngine::Note, "%0"))
          << Note;
  }

  /// The YAML record: `'escape: inline' violated: DETAIL`.
  Remark record(const SourceAssertion &A, const Outcome &O) {
    std::string Function = !O.Function.empty() ? O.Function : A.Function;
    if (Function.empty())
      Function = A.File; // at file scope: LLVM's format needs a Function
    escape_remark_type Type = O.V == Verdict::Held ? ESCAPE_REMARK_PASSED
                              : O.V == Verdict::Violated
                                  ? ESCAPE_REMARK_MISSED
                                  : ESCAPE_REMARK_ANALYSIS;
    // The catalog's type is Analysis; a record's tag carries its state.
    Remark R(ESCAPE_KIND_ASSERTION, Function);
    R.retype(Type);
    SourcePos Pos;
    Pos.File = A.File;
    Pos.Line = A.Line;
    Pos.Column = A.Column;
    Pos.Loc = A.Loc;
    R.at(Pos);
    R.arg(ESCAPE_KEY_ASSERTION, assertionWord(A.Kind))
        .arg(ESCAPE_KEY_STATE, verdictWord(O.V));
    if (!O.Detail.empty())
      R.arg(ESCAPE_KEY_DETAIL, O.Detail);
    R.compose();
    return R;
  }

  bool suppresses(const Suppression &S, const escape_remark &Data) const {
    if (!Data.loc.file || Data.loc.line != S.Line ||
        !sameFile(Data.loc.file, S.File))
      return false;
    if (S.Kinds.empty())
      return true;
    for (const std::string &Kind : S.Kinds)
      if (nameIs(Data, Kind.c_str()))
        return true;
    return false;
  }

  void suppress() {
    for (Remark &R : Remarks) {
      if (isQuietRemark(R.data()))
        continue;
      for (const Suppression &S : State.Assertions.Suppressions)
        if (suppresses(S, R.data())) {
          R.arg(SuppressedKey, "");
          break;
        }
    }
  }

  PluginState &State;
  std::vector<Remark> &Remarks;
  const std::vector<Remark> &Evidence;
  clang::DiagnosticsEngine &Diags;
  std::set<std::string> Reported;
};

} // namespace

void checkAssertions(PluginState &State, std::vector<Remark> &Remarks,
                     const std::vector<Remark> &Evidence) {
  // At link time (no compiler) there are no comments to check against.
  if (State.Assertions.empty() || !State.Compiler)
    return;
  Checker(State, Remarks, Evidence).run();
}

bool isQuietRemark(const escape_remark &Data) {
  // A Definition is a record for the driver's join, no finding.
  return nameIs(Data, AssertionName) || nameIs(Data, ESCAPE_DEFINITION_NAME) ||
         escape_remark_arg(&Data, SuppressedKey) != nullptr;
}

} // namespace escape
