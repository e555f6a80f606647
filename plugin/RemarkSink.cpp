//===- RemarkSink.cpp - findings to clang diagnostics and YAML ------------===//

#include "RemarkSink.h"

#include "AssertionCheck.h"
#include "FlowNotes.h"
#include "InlineContext.h"
#include "NoisePolicy.h"
#include "PluginState.h"
#include "ReadableMessage.h"
#include "escape/remark_catalog.h"
#include "escape/remark_sentence.h"
#include "escape/remark_writer.h"
#include "escape/strbuf.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticFrontend.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace escape {

namespace {

/// Where clang should put the caret: the AST location when the remark has
/// one, else the remark's file:line:col looked up as clang does for -Rpass.
clang::SourceLocation locationOf(const Remark &R, clang::SourceManager &SM) {
  if (R.printLocation().isValid())
    return R.printLocation();
  const escape_loc &Loc = R.data().loc;
  return clangLocation(Loc.file, Loc.line, Loc.column, SM);
}

/// A loop remark whose site is system-header code inlined into the user's
/// (std::function's operator new, vector growth) moves to the first call
/// in user code of its inlined-at chain: where the user can act (SPEC
/// "Context"). Returns whether it found one.
bool moveToUserFrame(Remark &R, clang::SourceManager &SM) {
  const escape_catalog_entry *Entry = escape_catalog_of(&R.data());
  if (!Entry || !(Entry->kind == ESCAPE_KIND_HEAP_ALLOC_IN_LOOP ||
                  Entry->kind == ESCAPE_KIND_VARARGS_IN_LOOP ||
                  Entry->kind == ESCAPE_KIND_INDIRECT_CALL_IN_LOOP))
    return false;
  const llvm::DILocation *Site = R.siteLocation();
  for (const llvm::DILocation *At = Site ? Site->getInlinedAt() : nullptr; At;
       At = At->getInlinedAt()) {
    clang::SourceLocation Loc = clangLocation(
        sourcePath(*At).c_str(), At->getLine(), At->getColumn(), SM);
    if (Loc.isInvalid() || SM.isInSystemHeader(Loc))
      continue;
    R.relocate(*At);
    R.placeForPrinting(Loc, false);
    return true;
  }
  return false;
}

/// Where to print a remark whose call has no single source line (LLVM
/// merged the locations of calls from several lines, or a pass made the
/// call): at the definition of the function it is in, as clang does for
/// -Rpass.
clang::SourceLocation enclosingFunction(const Remark &R,
                                        const SourceIndex &Index) {
  const escape_remark &Data = R.data();
  if (!Data.loc.file || Data.loc.line != 0 || !Data.function)
    return {};
  const SourceFunction *Function = Index.findFunction(Data.function);
  return Function ? Function->Loc : clang::SourceLocation();
}

/// A remark at line 0 names the function it is printed at, with the
/// definition's DebugLoc, so that YAML readers place it there too
/// (driver/remark_place.c); the sentence says why it is there.
void addEnclosingFunction(Remark &R, const SourceIndex &Index,
                          clang::SourceManager &SM) {
  const escape_remark &Data = R.data();
  if (!Data.loc.file || Data.loc.line != 0 || !Data.function)
    return;
  const SourceFunction *Function = Index.findFunction(Data.function);
  if (!Function || Function->Loc.isInvalid())
    return;
  clang::PresumedLoc Presumed = SM.getPresumedLoc(Function->Loc);
  if (Presumed.isInvalid())
    return;
  SourcePos Pos;
  Pos.File = Presumed.getFilename();
  Pos.Line = Presumed.getLine();
  Pos.Column = Presumed.getColumn();
  std::string Name = Data.function;
  R.arg(ESCAPE_KEY_IN_FUNCTION, Name, Pos);
}

bool isInlineVerdict(const escape_remark &Data) {
  const escape_catalog_entry *Entry = escape_catalog_of(&Data);
  return Entry && (Entry->kind == ESCAPE_KIND_INLINED ||
                   Entry->kind == ESCAPE_KIND_NOT_INLINED);
}

const char *argOrEmpty(const escape_remark &Data, const char *Key) {
  const char *Value = escape_remark_arg(&Data, Key);
  return Value ? Value : "";
}

/// A call site inside a function that was itself inlined is decided once
/// per caller it ended up in; those verdicts print as one line. The key is
/// what stays the same across contexts.
std::string contextKey(const Remark &R, clang::SourceLocation Loc) {
  const escape_remark &Data = R.data();
  return std::to_string(Loc.getRawEncoding()) + '\0' + Data.name + '\0' +
         argOrEmpty(Data, ESCAPE_KEY_CALLEE) + '\0' +
         argOrEmpty(Data, ESCAPE_KEY_REASON) + '\0' +
         argOrEmpty(Data, ESCAPE_KEY_DETAIL);
}

/// A name only `#line` knows (no such file): as the directive spells it,
/// which is what clang's diagnostics and LLVM's own remarks say, without
/// the compile directory that debug locations were joined with.
std::string withoutCompileDirectory(llvm::StringRef File,
                                    const clang::CompilerInstance &Compiler) {
  llvm::SmallString<256> Directory(
      Compiler.getCodeGenOpts().DebugCompilationDir);
  if (Directory.empty())
    llvm::sys::fs::current_path(Directory);
  llvm::StringRef Relative = File;
  if (!Directory.empty() && Relative.consume_front(Directory) &&
      !Relative.empty() && llvm::sys::path::is_separator(Relative.front()))
    return Relative.drop_front().str();
  return File.str();
}

bool isContextArg(const escape_arg &Arg) {
  return std::strcmp(Arg.key, ESCAPE_KEY_INLINED_FROM) == 0 ||
         std::strcmp(Arg.key, ESCAPE_KEY_INLINED_INTO) == 0;
}

/// The message of a remark in inlined code as if it were not (without its
/// InlinedFrom/InlinedInto args): what its copies in other contexts share.
std::string messageWithoutContext(const escape_remark &Data) {
  std::vector<escape_arg> Args;
  for (size_t I = 0; I < Data.arg_count; ++I)
    if (!isContextArg(Data.args[I]))
      Args.push_back(Data.args[I]);
  escape_remark Plain = Data;
  Plain.args = Args.data();
  Plain.arg_count = Args.size();
  return readableMessage(Plain);
}

/// Where a remark prints and what it says apart from its context; for an
/// inline verdict, what stays the same across the callers it is in.
std::string printKey(const Remark &R, clang::SourceLocation Loc) {
  if (isInlineVerdict(R.data()))
    return contextKey(R, Loc);
  return std::to_string(Loc.getRawEncoding()) + '\0' +
         messageWithoutContext(R.data());
}

/// What tells a remark's contexts apart: a verdict's caller, else the
/// context's words.
std::string contextOf(const Remark &R) {
  if (isInlineVerdict(R.data()))
    return argOrEmpty(R.data(), ESCAPE_KEY_CALLER);
  return readableMessage(R.data());
}

} // namespace

std::string RemarkSink::printedName(llvm::StringRef File) {
  auto [It, Inserted] = PrintedNames.try_emplace(File, File.str());
  if (!Inserted)
    return It->second;
  clang::SourceManager &SM = State.Compiler->getSourceManager();
  auto Entry = SM.getFileManager().getOptionalFileRef(File);
  clang::FileID ID = Entry ? SM.translateFile(*Entry) : clang::FileID();
  if (ID.isValid()) {
    clang::PresumedLoc Presumed =
        SM.getPresumedLoc(SM.getLocForStartOfFile(ID));
    if (Presumed.isValid())
      It->second = Presumed.getFilename();
  } else {
    It->second = withoutCompileDirectory(File, *State.Compiler);
  }
  return It->second;
}

void RemarkSink::add(Remark R) {
  // The inliner decides a call again each time it revisits the caller, and
  // mostly says the same: 5 in 12 of duktape.c's remarks are such copies.
  // What follows depends only on the remark, so a copy would come out the
  // same and be deduplicated at the end; it is dropped before the work.
  std::string Identity;
  R.appendIdentity(Identity);
  if (!Added.insert(Identity).second)
    return;
  if (R.printLocation().isInvalid()) {
    clang::SourceManager &SM = State.Compiler->getSourceManager();
    clang::SourceLocation Loc = locationOf(R, SM);
    if (Loc.isInvalid())
      Loc = enclosingFunction(R, State.Index);
    R.placeForPrinting(Loc, Loc.isValid() && SM.isInSystemHeader(Loc));
  }
  if (R.isInSystemHeader() && !State.Options.SystemHeaders &&
      !moveToUserFrame(R, State.Compiler->getSourceManager()))
    return;
  addInlineContext(R, State.SubprogramNames);
  // Debug locations name files relative to the compile's directory; the
  // remarks use the names clang prints, as the AST-placed remarks do.
  R.mapFiles([this](llvm::StringRef File) { return printedName(File); });
  addEnclosingFunction(R, State.Index, State.Compiler->getSourceManager());
  R.compose();
  if (!R.isComplete()) {
    State.internalWarning("out of memory while building a remark");
    return;
  }
  // Inlined verdicts recorded only as evidence for `escape: inline`.
  if (R.data().type == ESCAPE_REMARK_PASSED && !State.Options.Verbose) {
    Evidence.push_back(std::move(R));
    return;
  }
  Remarks.push_back(std::move(R));
}

void RemarkSink::finish() {
  sortAndDeduplicate();
  checkAssertions(State, Remarks, Evidence);
  print();
  writeYaml();
}

void RemarkSink::sortAndDeduplicate() { sortAndDeduplicateRemarks(Remarks); }

bool RemarkSink::shouldPrint(const Remark &R) const {
  const PluginOptions &Options = State.Options;
  const clang::CodeGenOptions &CodeGen = State.Compiler->getCodeGenOpts();
  if (Options.Hot && !R.isInLoop() && !R.isHot())
    return false;
  if (isQuietRemark(R.data()))
    return false;
  if (!Options.Verbose && isDefaultNoise(R))
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
  // The remarks of one site in several inlined contexts (a verdict in each
  // caller, a loop remark in each inlined copy) print as one line that
  // shows the first context and says how many there are; the same local
  // reported from several inlined copies prints once.
  std::map<std::string, std::set<std::string>> Contexts;
  for (const Remark &R : Remarks)
    if (shouldPrint(R))
      Contexts[printKey(R, locationOf(R, SM))].insert(contextOf(R));
  std::set<std::string> Printed;
  for (const Remark &R : Remarks) {
    if (!shouldPrint(R))
      continue;
    clang::SourceLocation Loc = locationOf(R, SM);
    std::string Key = printKey(R, Loc);
    if (!Printed.insert(Key).second)
      continue;
    std::string Message = readableMessage(R.data());
    size_t Count = Contexts[Key].size();
    if (Count > 1)
      Message += " (in " + std::to_string(Count) + " contexts)";
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
    printFlowNotes(R, Diags, SM);
  }
}

bool RemarkSink::writeAll(escape_remark_writer *Writer,
                          escape_strbuf &Error) const {
  return writeRemarks(Writer, Remarks, Error);
}

bool RemarkSink::yaml(std::string &Out) const {
  char *Buffer = nullptr;
  size_t Size = 0;
  FILE *Stream = open_memstream(&Buffer, &Size);
  if (!Stream)
    return false;
  escape_strbuf Error;
  escape_strbuf_init(&Error);
  bool Ok = writeAll(escape_remark_writer_open_stream(Stream, &Error), Error);
  Ok &= std::fclose(Stream) == 0;
  if (Ok)
    Out.assign(Buffer, Size);
  std::free(Buffer);
  escape_strbuf_release(&Error);
  return Ok;
}

void RemarkSink::writeYaml() {
  if (State.YamlPath.empty())
    return;
  escape_strbuf Error;
  escape_strbuf_init(&Error);
  bool Ok = writeAll(escape_remark_writer_open(State.YamlPath.c_str(), &Error),
                     Error);
  if (!Ok)
    State.internalWarning(std::string("cannot write remarks: ") + Error.buf);
  escape_strbuf_release(&Error);
}

} // namespace escape
