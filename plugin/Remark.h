//===- Remark.h - one finding on its way to diagnostics and YAML ----------===//
//
// Owns an escape_remark (the plain C model shared with the driver) plus what
// printing needs: the clang location for the caret and whether the site is in
// a loop. Analyses build these; the RemarkSink prints and writes them.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_REMARK_H_PLUGIN
#define ESCAPE_REMARK_H_PLUGIN

#include "SourceIndex.h"
#include "escape/remark.h"
#include "escape/remark_catalog.h"
#include "escape/remark_writer.h"
#include "escape/strbuf.h"

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace clang {
class SourceManager;
} // namespace clang

namespace llvm {
class DILocation;
}

namespace escape {

/// Loc's file with its directory when the file is relative: the path the
/// remarks' DebugLocs carry.
std::string sourcePath(const llvm::DILocation &Loc);

/// Where clang puts the caret for File:Line:Column (column 0: the line's
/// start), as it does for -Rpass; invalid for line 0 or a file it does not
/// know.
clang::SourceLocation clangLocation(const char *File, unsigned Line,
                                    unsigned Column, clang::SourceManager &SM);

class Remark {
public:
  /// A remark of Kind (its Name and type from the catalog) in Function.
  Remark(escape_remark_kind Kind, llvm::StringRef Function);
  /// Takes over Data (left empty), a remark built elsewhere.
  explicit Remark(escape_remark &&Data);
  Remark(Remark &&Other) noexcept;
  Remark &operator=(Remark &&Other) noexcept;
  Remark(const Remark &) = delete;
  Remark &operator=(const Remark &) = delete;
  ~Remark();

  /// Gives the remark another YAML tag than its kind's, for a kind whose
  /// tag carries a state (an Assertion: held, violated, stale).
  Remark &retype(escape_remark_type Type);
  /// Places the remark at a source declaration.
  Remark &at(const SourcePos &Pos);
  /// Places the remark at an instruction's debug location.
  Remark &at(const llvm::DILocation *Loc);
  /// Appends `- Key: Value`.
  Remark &arg(llvm::StringRef Key, llvm::StringRef Value);
  /// Appends `- Key: Value` with the DebugLoc of a declaration.
  Remark &arg(llvm::StringRef Key, llvm::StringRef Value, const SourcePos &Pos);
  /// Appends `- Key: Value` with an instruction's DebugLoc.
  Remark &arg(llvm::StringRef Key, llvm::StringRef Value,
              const llvm::DILocation *Loc);
  /// Sets the instruction the remark is about when it is not where the
  /// remark is placed (at() sets it too): its inlined-at chain is the
  /// remark's context (plugin/InlineContext.h).
  Remark &site(const llvm::DILocation *Loc);
  /// Marks the remark's site as in a loop (kept by the `hot` filter).
  Remark &inLoop(bool InLoop);
  /// Sets the profile count of the remark's site (PGO) and whether the
  /// profile summary counts it as hot (kept by the `hot` filter).
  Remark &hotness(uint64_t Count, bool Hot);
  /// Sets where clang prints the remark, for remarks placed by DebugLoc.
  void placeForPrinting(clang::SourceLocation Loc, bool InSystemHeader);
  /// Moves the remark's own DebugLoc to Loc, keeping its site (and so the
  /// inlined-at context built from it).
  void relocate(const llvm::DILocation &Loc);
  /// Puts the catalog's sentence into the args (as `String` pieces between
  /// the named ones), so the YAML spells out what clang prints.
  void compose();
  /// Renames every file the remark names (its DebugLoc and its args').
  void mapFiles(llvm::function_ref<std::string(llvm::StringRef)> Map);

  const escape_remark &data() const { return Data; }
  clang::SourceLocation printLocation() const { return PrintLoc; }
  const llvm::DILocation *siteLocation() const { return Site; }
  bool isInLoop() const { return InLoop; }
  bool isHot() const { return Hot; }
  bool isInSystemHeader() const { return InSystemHeader; }
  /// False when memory ran out while building it.
  bool isComplete() const { return Complete; }
  /// Appends to Out all that the remark holds (its data, site, places and
  /// flags) so that two remarks append the same bytes only when they are
  /// the same: the RemarkSink skips a remark it was given before.
  void appendIdentity(std::string &Out) const;

private:
  escape_remark Data;
  clang::SourceLocation PrintLoc;
  const llvm::DILocation *Site = nullptr;
  bool InLoop = false;
  bool Hot = false;
  bool InSystemHeader = false;
  bool Complete = true;
};

/// Sorts Remarks by place, name, function and arguments, so output is
/// stable, and keeps one of each set of identical remarks.
void sortAndDeduplicateRemarks(std::vector<Remark> &Remarks);

/// Writes Remarks through Writer and commits (aborts on error); false with
/// a message in Error. A null Writer is an error already in Error.
bool writeRemarks(escape_remark_writer *Writer,
                  const std::vector<Remark> &Remarks, escape_strbuf &Error);

} // namespace escape

#endif
