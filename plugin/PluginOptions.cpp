//===- PluginOptions.cpp - escape's -fplugin-arg-escape-* settings --------===//

#include "PluginOptions.h"

namespace escape {

const char *pluginArgUsage() {
  return "remarks, warn, verbose, hot, system-headers, embed, yaml=PATH, "
         "yaml=none, heap-limit=BYTES";
}

namespace {

std::string parseHeapLimit(const std::string &Value, PluginOptions &Options) {
  if (Value.empty() || Value.find_first_not_of("0123456789") != Value.npos ||
      Value.size() > 12)
    return "heap-limit needs a number of bytes, not '" + Value + "'";
  Options.HeapLimit = std::stoull(Value);
  return "";
}

} // namespace

std::string parsePluginArg(const std::string &Arg, PluginOptions &Options) {
  if (Arg == "remarks")
    Options.Remarks = true;
  else if (Arg == "warn")
    Options.Warn = true;
  else if (Arg == "verbose")
    Options.Verbose = true;
  else if (Arg == "hot")
    Options.Hot = true;
  else if (Arg == "system-headers")
    Options.SystemHeaders = true;
  else if (Arg == "embed")
    Options.Embed = true;
  else if (Arg.rfind("heap-limit=", 0) == 0)
    return parseHeapLimit(Arg.substr(11), Options);
  else if (Arg == "yaml=none")
    Options.YamlOff = true;
  else if (Arg.rfind("yaml=", 0) == 0 && Arg.size() > 5)
    Options.YamlPath = Arg.substr(5), Options.YamlOff = false;
  else
    return "unknown argument '" + Arg +
           "'; valid arguments: " + pluginArgUsage();
  return "";
}

std::string defaultYamlPath(const std::string &OutputFile) {
  if (OutputFile.empty() || OutputFile == "-" ||
      OutputFile.rfind("/dev/", 0) == 0)
    return "";
  size_t Slash = OutputFile.find_last_of('/');
  size_t Dot = OutputFile.find_last_of('.');
  std::string Stem = OutputFile;
  if (Dot != std::string::npos && (Slash == std::string::npos || Dot > Slash))
    Stem = OutputFile.substr(0, Dot);
  return Stem + ".escape.yaml";
}

} // namespace escape
