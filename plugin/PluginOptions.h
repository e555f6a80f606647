//===- PluginOptions.h - escape's -fplugin-arg-escape-* settings ----------===//
//
// The settings a compile gives the plugin, parsed once from the command line
// and read by every analysis and by the remark sink.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_PLUGIN_OPTIONS_H
#define ESCAPE_PLUGIN_OPTIONS_H

#include "escape/remark_catalog.h"

#include <cstdint>
#include <string>
#include <vector>

namespace escape {

struct PluginOptions {
  bool Remarks = false;       // print remarks (-Rescape or `remarks`)
  bool Warn = false;          // print Missed remarks as warnings
  bool Verbose = false;       // also positive verdicts
  bool Hot = false;           // print only remarks in loops / hot code
  bool SystemHeaders = false; // include remarks located in system headers
  bool YamlOff = false;       // yaml=none
  bool Embed = false;         // also store the remarks in the object
  std::string YamlPath;       // yaml=PATH; empty: beside the output
  uint64_t HeapLimit = 4096;  // HeapToStack: largest allocation reported

  /// True when remarks of Kind are reported: the catalog's verbose-only
  /// kinds need `verbose`.
  bool reports(escape_remark_kind Kind) const {
    return Verbose || !escape_catalog_kind(Kind)->verbose_only;
  }
};

/// Parses one `-fplugin-arg-escape-` argument into Options; returns an error
/// message, empty when the argument was valid.
std::string parsePluginArg(const std::string &Arg, PluginOptions &Options);

/// The valid argument spellings, for error messages.
const char *pluginArgUsage();

/// The YAML path for an object path: `x.o` -> `x.escape.yaml`; empty when
/// the output is not a regular file name (`-`, `/dev/null`).
std::string defaultYamlPath(const std::string &OutputFile);

} // namespace escape

#endif
