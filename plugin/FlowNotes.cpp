//===- FlowNotes.cpp - one clang note per hop of a flow chain -------------===//

#include "FlowNotes.h"

#include "ReadableMessage.h"
#include "Remark.h"
#include "escape/remark_catalog.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"

#include <cstring>
#include <string>

namespace escape {

namespace {

/// The function code of InlinedFrom arg I was inlined into: the next
/// level's function, or the InlinedInto function after the last level.
std::string inlinedInto(const escape_remark &Data, size_t I) {
  for (size_t J = I + 1; J < Data.arg_count; ++J)
    if (std::strcmp(Data.args[J].key, ESCAPE_KEY_INLINED_FROM) == 0 ||
        std::strcmp(Data.args[J].key, ESCAPE_KEY_INLINED_INTO) == 0)
      return readableName(Data.args[J].value);
  return "?";
}

/// The note for one step, or empty when Arg is no step of a chain.
std::string noteFor(const escape_remark &Data, size_t I) {
  const escape_arg &Arg = Data.args[I];
  if (std::strcmp(Arg.key, ESCAPE_KEY_INLINED_FROM) == 0)
    return "'" + readableName(Arg.value) + "' inlined into '" +
           inlinedInto(Data, I) + "' here";
  if (std::strcmp(Arg.key, ESCAPE_KEY_HOP) == 0) {
    std::string Text = "passed on to '" + readableName(Arg.value) + "'";
    // The composed sentence puts `String` pieces between a hop and its
    // argument number.
    for (size_t J = I + 1; J < Data.arg_count; ++J) {
      if (std::strcmp(Data.args[J].key, ESCAPE_KEY_STRING) == 0)
        continue;
      if (std::strcmp(Data.args[J].key, ESCAPE_KEY_HOP_ARGNO) == 0)
        Text += std::string(" (argument ") + Data.args[J].value + ")";
      break;
    }
    return Text + " here";
  }
  if (std::strcmp(Arg.key, ESCAPE_KEY_STORE) == 0)
    return std::string("stored into ") + Arg.value + " here";
  if (std::strcmp(Arg.key, ESCAPE_KEY_FLOW_END) == 0)
    return std::string("the flow ends here: ") + Arg.value;
  return {};
}

} // namespace

void printFlowNotes(const Remark &R, clang::DiagnosticsEngine &Diags,
                    clang::SourceManager &SM) {
  const escape_remark &Data = R.data();
  for (size_t I = 0; I < Data.arg_count; ++I) {
    std::string Note = noteFor(Data, I);
    clang::SourceLocation Loc =
        clangLocation(Data.args[I].loc.file, Data.args[I].loc.line,
                      Data.args[I].loc.column, SM);
    if (Note.empty() || Loc.isInvalid())
      continue;
    unsigned ID = Diags.getCustomDiagID(clang::DiagnosticsEngine::Note, "%0");
    Diags.Report(Loc, ID) << Note;
  }
}

} // namespace escape
