//===- RemarkSink.h - findings to clang diagnostics and YAML --------------===//
//
// Collects the remarks of one compile, then prints the ones the user asked
// for as clang remarks or warnings (sorted, each once) and writes all of them
// to the YAML file atomically.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_REMARK_SINK_H
#define ESCAPE_REMARK_SINK_H

#include "Remark.h"
#include "escape/remark_writer.h"
#include "escape/strbuf.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"

#include <string>
#include <vector>

namespace escape {

struct PluginState;

class RemarkSink {
public:
  explicit RemarkSink(PluginState &State) : State(State) {}

  /// Keeps R unless it lies in a system header and those are not wanted,
  /// or the same remark was added before.
  void add(Remark R);

  /// Prints and writes everything collected.
  void finish();

  /// The YAML stream of everything collected, as the file holds it; false
  /// when it could not be built.
  bool yaml(std::string &Out) const;

private:
  void sortAndDeduplicate();
  void print();
  void writeYaml();
  bool writeAll(escape_remark_writer *Writer, escape_strbuf &Error) const;
  bool shouldPrint(const Remark &R) const;
  /// The name clang's diagnostics use for File (cached).
  std::string printedName(llvm::StringRef File);

  PluginState &State;
  std::vector<Remark> Remarks;
  std::vector<Remark> Evidence; // positive verdicts for assertions only
  llvm::StringMap<std::string> PrintedNames;
  llvm::StringSet<> Added; // Remark::appendIdentity of each remark added
};

} // namespace escape

#endif
