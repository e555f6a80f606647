//===- RemarkSink.cpp - findings to clang diagnostics and YAML ------------===//

#include "RemarkSink.h"

#include "PluginState.h"
#include "escape/remark_catalog.h"
#include "escape/remark_message.h"
#include "escape/remark_writer.h"
#include "escape/strbuf.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticFrontend.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/Demangle/Demangle.h"

#include <algorithm>
#include <cstring>
#include <set>
#include <string>
#include <tuple>

namespace escape {

namespace {

int compareText(const char *A, const char *B) {
  return std::strcmp(A ? A : "", B ? B : "");
}

/// Orders remarks by place, then name, then arguments, so output is stable.
int compareRemarks(const escape_remark &A, const escape_remark &B) {
  if (int C = compareText(A.loc.file, B.loc.file))
    return C;
  if (A.loc.line != B.loc.line)
    return A.loc.line < B.loc.line ? -1 : 1;
  if (A.loc.column != B.loc.column)
    return A.loc.column < B.loc.column ? -1 : 1;
  if (int C = compareText(A.name, B.name))
    return C;
  if (int C = compareText(A.function, B.function))
    return C;
  if (A.arg_count != B.arg_count)
    return A.arg_count < B.arg_count ? -1 : 1;
  for (size_t I = 0; I < A.arg_count; ++I) {
    if (int C = compareText(A.args[I].key, B.args[I].key))
      return C;
    if (int C = compareText(A.args[I].value, B.args[I].value))
      return C;
  }
  return 0;
}

/// A C++ symbol as a reader would write it: demangled, without the
/// parameter list that the source line already shows.
std::string readableName(const char *Name) {
  std::string Demangled = llvm::demangle(Name);
  if (Demangled == Name || Demangled.empty() || Demangled.back() != ')')
    return Demangled;
  int Depth = 0;
  for (size_t I = Demangled.size(); I-- > 0;) {
    if (Demangled[I] == ')')
      ++Depth;
    else if (Demangled[I] == '(' && --Depth == 0)
      return Demangled.substr(0, I);
  }
  return Demangled;
}

/// The printed message: the catalog wording with readable callee names.
std::string messageOf(const escape_remark &Data) {
  escape_remark Readable = Data;
  std::vector<escape_arg> Args(Data.args, Data.args + Data.arg_count);
  std::vector<std::string> Names;
  Names.reserve(Args.size());
  for (escape_arg &Arg : Args) {
    if (std::strcmp(Arg.key, ESCAPE_KEY_CALLEE) != 0 &&
        std::strcmp(Arg.key, ESCAPE_KEY_CALLER) != 0)
      continue;
    Names.push_back(readableName(Arg.value));
    Arg.value = Names.back().data();
  }
  Readable.args = Args.data();
  escape_strbuf Text;
  escape_strbuf_init(&Text);
  escape_remark_message(&Readable, &Text);
  std::string Message(Text.buf, Text.len);
  escape_strbuf_release(&Text);
  return Message;
}

/// Where clang should put the caret: the AST location when the remark has
/// one, else the remark's file:line:col looked up as clang does for -Rpass.
clang::SourceLocation locationOf(const Remark &R, clang::SourceManager &SM) {
  if (R.printLocation().isValid())
    return R.printLocation();
  const escape_loc &Loc = R.data().loc;
  if (!Loc.file || Loc.line == 0)
    return {};
  auto File = SM.getFileManager().getOptionalFileRef(Loc.file);
  if (!File)
    return {};
  return SM.translateFileLineCol(*File, Loc.line, Loc.column ? Loc.column : 1);
}

} // namespace

void RemarkSink::add(Remark R) {
  if (R.isInSystemHeader() && !State.Options.SystemHeaders)
    return;
  if (!R.isComplete()) {
    State.internalWarning("out of memory while building a remark");
    return;
  }
  Remarks.push_back(std::move(R));
}

void RemarkSink::finish() {
  sortAndDeduplicate();
  print();
  writeYaml();
}

void RemarkSink::sortAndDeduplicate() {
  // compareRemarks is a total order on content: equal means identical.
  std::sort(Remarks.begin(), Remarks.end(),
            [](const Remark &A, const Remark &B) {
              return compareRemarks(A.data(), B.data()) < 0;
            });
  auto Last = std::unique(Remarks.begin(), Remarks.end(),
                          [](const Remark &A, const Remark &B) {
                            return compareRemarks(A.data(), B.data()) == 0;
                          });
  Remarks.erase(Last, Remarks.end());
}

bool RemarkSink::shouldPrint(const Remark &R) const {
  const PluginOptions &Options = State.Options;
  const clang::CodeGenOptions &CodeGen = State.Compiler->getCodeGenOpts();
  if (Options.Hot && !R.isInLoop())
    return false;
  switch (R.data().type) {
  case ESCAPE_REMARK_MISSED:
    return Options.Remarks || Options.Warn ||
           CodeGen.OptimizationRemarkMissed.patternMatches(ESCAPE_PASS_NAME);
  case ESCAPE_REMARK_ANALYSIS:
    return Options.Remarks ||
           CodeGen.OptimizationRemarkAnalysis.patternMatches(ESCAPE_PASS_NAME);
  case ESCAPE_REMARK_PASSED:
    return Options.Remarks ||
           CodeGen.OptimizationRemark.patternMatches(ESCAPE_PASS_NAME);
  default:
    return false;
  }
}

void RemarkSink::print() {
  clang::DiagnosticsEngine &Diags = State.Compiler->getDiagnostics();
  clang::SourceManager &SM = State.Compiler->getSourceManager();
  std::set<std::string> Printed;
  for (const Remark &R : Remarks) {
    if (!shouldPrint(R))
      continue;
    clang::SourceLocation Loc = locationOf(R, SM);
    std::string Message = messageOf(R.data());
    // The same local reported from several inlined copies prints once.
    if (!Printed.insert(std::to_string(Loc.getRawEncoding()) + Message).second)
      continue;
    switch (R.data().type) {
    case ESCAPE_REMARK_MISSED:
      if (State.Options.Warn)
        Diags.Report(Loc, clang::diag::warn_fe_backend_optimization_failure)
            << Message;
      else
        Diags.Report(Loc,
                     clang::diag::remark_fe_backend_optimization_remark_missed)
            << clang::AddFlagValue(ESCAPE_PASS_NAME) << Message;
      break;
    case ESCAPE_REMARK_ANALYSIS:
      Diags.Report(Loc,
                   clang::diag::remark_fe_backend_optimization_remark_analysis)
          << clang::AddFlagValue(ESCAPE_PASS_NAME) << Message;
      break;
    default:
      Diags.Report(Loc, clang::diag::remark_fe_backend_optimization_remark)
          << clang::AddFlagValue(ESCAPE_PASS_NAME) << Message;
      break;
    }
  }
}

void RemarkSink::writeYaml() {
  if (State.YamlPath.empty())
    return;
  escape_strbuf Error;
  escape_strbuf_init(&Error);
  escape_remark_writer *Writer =
      escape_remark_writer_open(State.YamlPath.c_str(), &Error);
  bool Ok = Writer != nullptr;
  for (size_t I = 0; Ok && I < Remarks.size(); ++I)
    Ok = escape_remark_writer_add(Writer, &Remarks[I].data(), &Error) == 0;
  if (Ok)
    Ok = escape_remark_writer_commit(Writer, &Error) == 0;
  else if (Writer)
    escape_remark_writer_abort(Writer);
  if (!Ok)
    State.internalWarning(std::string("cannot write remarks: ") + Error.buf);
  escape_strbuf_release(&Error);
}

} // namespace escape
