//===- PluginOptions.cpp - escape's -fplugin-arg-escape-* settings --------===//

#include "PluginOptions.h"

namespace escape {

const char *pluginArgUsage() {
  return "remarks, warn, verbose, hot, system-headers, yaml=PATH, yaml=none";
}

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
