//===- LinkTimeOutput.h - the process's link-time remarks, printed and saved
//===//
//
// Collects the remarks of every module a link optimizes (ThinLTO back ends
// run in parallel threads) and, when the process ends, prints them sorted and
// once each as compiler-style `file:line:col: remark: ...` lines on stderr
// (there is no clang DiagnosticsEngine in a linker) and writes them to one
// YAML file. The end of the process is the only point where every ThinLTO
// back end is done; LLVM tools run llvm_shutdown() there (lld also before its
// fast _exit), which destroys the collector.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_LINK_TIME_OUTPUT_H
#define ESCAPE_LINK_TIME_OUTPUT_H

#include "Remark.h"

#include <string>
#include <vector>

namespace escape {

struct LinkTimeSettings {
  bool Print = false;   // ESCAPE_LTO=remarks
  bool Verbose = false; // ESCAPE_LTO=verbose: also Inlined
  std::string YamlPath; // empty: no file
};

/// The settings of this process, from the ESCAPE_LTO and ESCAPE_LTO_YAML
/// environment variables; the YAML file defaults to the -o output's name
/// (`app` -> `app.escape.yaml`).
const LinkTimeSettings &linkTimeSettings();

/// Hands over one module's remarks (thread-safe).
void addLinkTimeRemarks(std::vector<Remark> Remarks);

} // namespace escape

#endif
