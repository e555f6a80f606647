//===- Remark.cpp - one finding on its way to diagnostics and YAML --------===//

#include "Remark.h"

#include "escape/remark_sentence.h"

#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

namespace escape {

Remark::Remark(escape_remark_kind Kind, llvm::StringRef Function) {
  const escape_catalog_entry *Entry = escape_catalog_kind(Kind);
  escape_remark_init(&Data);
  Complete = escape_remark_set(&Data, Entry->type, ESCAPE_PASS_NAME,
                               Entry->name, Function.str().c_str()) == 0;
}

Remark &Remark::retype(escape_remark_type Type) {
  Data.type = Type;
  return *this;
}

Remark::Remark(escape_remark &&Other) : Data(Other) {
  escape_remark_init(&Other);
}

Remark::Remark(Remark &&Other) noexcept
    : Data(Other.Data), PrintLoc(Other.PrintLoc), Site(Other.Site),
      InLoop(Other.InLoop), Hot(Other.Hot),
      InSystemHeader(Other.InSystemHeader), Complete(Other.Complete) {
  escape_remark_init(&Other.Data);
}

Remark &Remark::operator=(Remark &&Other) noexcept {
  if (this == &Other)
    return *this;
  escape_remark_clear(&Data);
  Data = Other.Data;
  PrintLoc = Other.PrintLoc;
  Site = Other.Site;
  InLoop = Other.InLoop;
  Hot = Other.Hot;
  InSystemHeader = Other.InSystemHeader;
  Complete = Other.Complete;
  escape_remark_init(&Other.Data);
  return *this;
}

Remark::~Remark() { escape_remark_clear(&Data); }

Remark &Remark::at(const SourcePos &Pos) {
  PrintLoc = Pos.Loc;
  InSystemHeader = Pos.InSystemHeader;
  Complete &=
      escape_remark_set_loc(&Data, Pos.File.c_str(), Pos.Line, Pos.Column) == 0;
  return *this;
}

namespace {

/// The file of a debug location as a path that names it from anywhere:
/// DIFile names are relative to the DIFile's directory, not to the current
/// one. The RemarkSink turns it into the name clang prints.

} // namespace

std::string sourcePath(const llvm::DILocation &Loc) {
  llvm::StringRef File = Loc.getFilename();
  if (File.empty() || llvm::sys::path::is_absolute(File) ||
      Loc.getDirectory().empty())
    return File.str();
  llvm::SmallString<256> Path(Loc.getDirectory());
  llvm::sys::path::append(Path, File);
  return std::string(Path);
}

clang::SourceLocation clangLocation(const char *File, unsigned Line,
                                    unsigned Column, clang::SourceManager &SM) {
  if (!File || Line == 0)
    return {};
  auto Entry = SM.getFileManager().getOptionalFileRef(File);
  if (!Entry)
    return {};
  return SM.translateFileLineCol(*Entry, Line, Column ? Column : 1);
}

Remark &Remark::at(const llvm::DILocation *Loc) {
  if (!Loc)
    return *this;
  Site = Loc;
  Complete &= escape_remark_set_loc(&Data, sourcePath(*Loc).c_str(),
                                    Loc->getLine(), Loc->getColumn()) == 0;
  return *this;
}

Remark &Remark::arg(llvm::StringRef Key, llvm::StringRef Value) {
  Complete &= escape_remark_add_arg(&Data, Key.str().c_str(),
                                    Value.str().c_str(), nullptr) == 0;
  return *this;
}

Remark &Remark::arg(llvm::StringRef Key, llvm::StringRef Value,
                    const SourcePos &Pos) {
  std::string File = Pos.File;
  escape_loc Loc{File.data(), Pos.Line, Pos.Column};
  Complete &= escape_remark_add_arg(&Data, Key.str().c_str(),
                                    Value.str().c_str(), &Loc) == 0;
  return *this;
}

Remark &Remark::arg(llvm::StringRef Key, llvm::StringRef Value,
                    const llvm::DILocation *DL) {
  if (!DL)
    return arg(Key, Value);
  std::string File = sourcePath(*DL);
  escape_loc Loc{File.data(), DL->getLine(), DL->getColumn()};
  Complete &= escape_remark_add_arg(&Data, Key.str().c_str(),
                                    Value.str().c_str(), &Loc) == 0;
  return *this;
}

Remark &Remark::site(const llvm::DILocation *Loc) {
  Site = Loc;
  return *this;
}

void Remark::compose() { Complete &= escape_remark_compose(&Data) == 0; }

void Remark::relocate(const llvm::DILocation &Loc) {
  Complete &= escape_remark_set_loc(&Data, sourcePath(Loc).c_str(),
                                    Loc.getLine(), Loc.getColumn()) == 0;
}

void Remark::placeForPrinting(clang::SourceLocation Loc, bool InSystem) {
  PrintLoc = Loc;
  InSystemHeader = InSystem;
}

void Remark::mapFiles(llvm::function_ref<std::string(llvm::StringRef)> Map) {
  if (Data.loc.file) {
    std::string File = Map(Data.loc.file);
    Complete &= escape_remark_set_loc(&Data, File.c_str(), Data.loc.line,
                                      Data.loc.column) == 0;
  }
  for (size_t I = 0; I < Data.arg_count; ++I) {
    escape_loc &Loc = Data.args[I].loc;
    if (!Loc.file)
      continue;
    std::string File = Map(Loc.file);
    char *Copy = strdup(File.c_str());
    if (!Copy) {
      Complete = false;
      continue;
    }
    free(Loc.file);
    Loc.file = Copy;
  }
}

Remark &Remark::hotness(uint64_t Count, bool IsHot) {
  Data.has_hotness = 1;
  Data.hotness = Count;
  Hot = IsHot;
  return *this;
}

Remark &Remark::inLoop(bool Value) {
  InLoop = Value;
  return *this;
}

namespace {

/// Appends whether Text is there and then Text with its terminating NUL,
/// which no C string holds within: the bytes of several texts in a row tell
/// where each one ends, and a missing text from an empty one.
void appendText(std::string &Out, const char *Text) {
  Out += Text ? '\1' : '\0';
  if (Text)
    Out.append(Text, std::strlen(Text) + 1);
}

template <typename T> void appendBytes(std::string &Out, const T &Value) {
  Out.append(reinterpret_cast<const char *>(&Value), sizeof Value);
}

void appendLoc(std::string &Out, const escape_loc &Loc) {
  appendText(Out, Loc.file);
  appendBytes(Out, Loc.line);
  appendBytes(Out, Loc.column);
}

} // namespace

void Remark::appendIdentity(std::string &Out) const {
  appendBytes(Out, Data.type);
  appendText(Out, Data.pass);
  appendText(Out, Data.name);
  appendText(Out, Data.function);
  appendLoc(Out, Data.loc);
  appendBytes(Out, Data.has_hotness);
  appendBytes(Out, Data.hotness);
  appendBytes(Out, Data.arg_count);
  for (size_t I = 0; I < Data.arg_count; ++I) {
    appendText(Out, Data.args[I].key);
    appendText(Out, Data.args[I].value);
    appendLoc(Out, Data.args[I].loc);
  }
  appendBytes(Out, PrintLoc.getRawEncoding());
  appendBytes(Out, Site);
  char Flags = (InLoop ? 1 : 0) | (Hot ? 2 : 0) | (InSystemHeader ? 4 : 0) |
               (Complete ? 8 : 0);
  Out += Flags;
}

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

} // namespace

void sortAndDeduplicateRemarks(std::vector<Remark> &Remarks) {
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

bool writeRemarks(escape_remark_writer *Writer,
                  const std::vector<Remark> &Remarks, escape_strbuf &Error) {
  bool Ok = Writer != nullptr;
  for (size_t I = 0; Ok && I < Remarks.size(); ++I)
    Ok = escape_remark_writer_add(Writer, &Remarks[I].data(), &Error) == 0;
  if (Ok)
    Ok = escape_remark_writer_commit(Writer, &Error) == 0;
  else if (Writer)
    escape_remark_writer_abort(Writer);
  return Ok;
}

} // namespace escape
