//===- LinkTimeOutput.cpp - the process's link-time remarks ---------------===//

#include "LinkTimeOutput.h"

#include "PluginOptions.h"
#include "ReadableMessage.h"
#include "escape/remark_catalog.h"
#include "escape/remark_sentence.h"
#include "escape/remark_writer.h"
#include "escape/strbuf.h"

#include "llvm/Demangle/Demangle.h"
#include "llvm/Support/ManagedStatic.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>

namespace escape {

namespace {

/// The -o operand of this process's command line (the linker's output; a
/// pass plugin sees nothing of it otherwise), or "". Only the spellings
/// clang passes to the linker (`-o FILE`) and `--output[=]FILE`: lld also
/// takes single-dash long options (`-omagic`), so `-oFILE` is ambiguous.
std::string outputOfThisProcess() {
  std::ifstream In("/proc/self/cmdline", std::ios::binary);
  std::string All((std::istreambuf_iterator<char>(In)),
                  std::istreambuf_iterator<char>());
  std::vector<std::string> Args;
  for (size_t Start = 0; Start < All.size();) {
    size_t End = All.find('\0', Start);
    if (End == std::string::npos)
      End = All.size();
    Args.push_back(All.substr(Start, End - Start));
    Start = End + 1;
  }
  for (size_t I = 1; I < Args.size(); ++I) {
    const std::string &A = Args[I];
    if ((A == "-o" || A == "--output") && I + 1 < Args.size())
      return Args[I + 1];
    if (A.rfind("--output=", 0) == 0)
      return A.substr(9);
  }
  return "";
}

/// ESCAPE_LTO holds plugin-argument words (`remarks`, `verbose`,
/// `yaml=PATH`, `yaml=none`, separated by commas or spaces), as
/// -fplugin-arg-escape-* takes them; ESCAPE_LTO_YAML=PATH overrides `yaml=`.
/// Environment variables, not -mllvm options: lld parses -mllvm before it
/// loads pass plugins, so an option the plugin registers is unknown there.
LinkTimeSettings readSettings() {
  PluginOptions Options;
  const char *Env = std::getenv("ESCAPE_LTO");
  std::string Words = Env ? Env : "";
  std::replace(Words.begin(), Words.end(), ',', ' ');
  std::istringstream Stream(Words);
  for (std::string Word; Stream >> Word;) {
    std::string Error = parsePluginArg(Word, Options);
    if (!Error.empty())
      std::fprintf(stderr, "warning: escape: ESCAPE_LTO: %s\n", Error.c_str());
  }
  if (const char *Yaml = std::getenv("ESCAPE_LTO_YAML"))
    if (*Yaml) {
      Options.YamlOff = std::strcmp(Yaml, "none") == 0;
      Options.YamlPath = Options.YamlOff ? "" : Yaml;
    }
  LinkTimeSettings Settings;
  Settings.Print = Options.Remarks || Options.Warn;
  Settings.Verbose = Options.Verbose;
  if (!Options.YamlOff)
    Settings.YamlPath = Options.YamlPath.empty()
                            ? defaultYamlPath(outputOfThisProcess())
                            : Options.YamlPath;
  return Settings;
}

const char *flagOf(escape_remark_type Type) {
  switch (Type) {
  case ESCAPE_REMARK_PASSED:
    return "-Rpass=escape";
  case ESCAPE_REMARK_MISSED:
    return "-Rpass-missed=escape";
  default:
    return "-Rpass-analysis=escape";
  }
}

/// Debug locations hold absolute paths at link time; below the current
/// directory they print relative, as the compiler printed them.
std::string relativeToHere(const char *File) {
  char Here[4096];
  if (!getcwd(Here, sizeof Here))
    return File;
  std::string Prefix = std::string(Here) + "/";
  if (std::strncmp(File, Prefix.c_str(), Prefix.size()) == 0)
    return File + Prefix.size();
  return File;
}

class Collection {
public:
  Collection() : Settings(linkTimeSettings()) {}
  ~Collection() { finish(); }

  void add(std::vector<Remark> More) {
    std::lock_guard<std::mutex> Lock(Mutex);
    std::move(More.begin(), More.end(), std::back_inserter(Remarks));
  }

private:
  void finish() {
    sortAndDeduplicateRemarks(Remarks);
    if (Settings.Print)
      print();
    if (!Settings.YamlPath.empty())
      write();
  }

  void print() {
    // A call site inside an inlined function is decided once per caller it
    // ended up in (and ThinLTO modules share linkonce functions): one line.
    std::set<std::string> Printed;
    for (Remark &R : Remarks) {
      const escape_remark &Data = R.data();
      std::string Where = "escape";
      if (Data.loc.file)
        Where = relativeToHere(Data.loc.file) + ":" +
                std::to_string(Data.loc.line) + ":" +
                std::to_string(Data.loc.column);
      std::string Line = Where + ": remark: " + readableMessage(Data) + " [" +
                         flagOf(Data.type) + "]";
      if (Printed.insert(Line).second)
        std::fprintf(stderr, "%s\n", Line.c_str());
    }
    std::fflush(stderr);
  }

  void write() {
    escape_strbuf Error;
    escape_strbuf_init(&Error);
    bool Ok = writeRemarks(
        escape_remark_writer_open(Settings.YamlPath.c_str(), &Error), Remarks,
        Error);
    if (!Ok)
      std::fprintf(stderr,
                   "warning: escape: cannot write link-time remarks: %s (the "
                   "link is unaffected)\n",
                   Error.buf ? Error.buf : "");
    escape_strbuf_release(&Error);
  }

  LinkTimeSettings Settings;
  std::mutex Mutex;
  std::vector<Remark> Remarks;
};

llvm::ManagedStatic<Collection> TheCollection;

} // namespace

const LinkTimeSettings &linkTimeSettings() {
  static const LinkTimeSettings Settings = readSettings();
  return Settings;
}

void addLinkTimeRemarks(std::vector<Remark> Remarks) {
  TheCollection->add(std::move(Remarks));
}

} // namespace escape
