//===- FrontendLoader.cpp - load the frontend action inside clang ---------===//
//
// When libescape.so is loaded into clang (-fplugin=, or -fpass-plugin= on
// clang 22, which loads pass plugins before it creates the frontend
// actions), it loads libescape-frontend.so from its own directory, which
// registers the `escape` plugin action (FrontendHooks.h). In lld or opt,
// where Clang's classes do not exist, it does not.
//
//===----------------------------------------------------------------------===//

#include "FrontendHooks.h"

#include <cstdio>
#include <dlfcn.h>
#include <string>

namespace {

/// Clang's libraries are in this process (the main program or a library
/// loaded globally defines Clang's ASTConsumer).
bool insideClang() {
  return dlsym(RTLD_DEFAULT, "_ZTIN5clang11ASTConsumerE") != nullptr;
}

std::string frontendLibraryPath() {
  Dl_info Info;
  if (!dladdr(reinterpret_cast<void *>(&frontendLibraryPath), &Info) ||
      !Info.dli_fname)
    return "libescape-frontend.so";
  std::string Self = Info.dli_fname;
  size_t Slash = Self.find_last_of('/');
  std::string Dir = Slash == std::string::npos ? "" : Self.substr(0, Slash + 1);
  return Dir + "libescape-frontend.so";
}

// After VersionCheck.cpp's constructor (priority 101): in a clang of another
// major version nothing gets here.
__attribute__((constructor(102))) void loadFrontend() {
  if (!insideClang())
    return;
  std::string Path = frontendLibraryPath();
  void *Library = dlopen(Path.c_str(), RTLD_NOW | RTLD_LOCAL);
  auto *Register = Library
                       ? reinterpret_cast<decltype(&escape_register_frontend)>(
                             dlsym(Library, "escape_register_frontend"))
                       : nullptr;
  // A warning, not an error: the compile goes on unchanged, without the
  // plugin's remarks (the plugin never fails a compile).
  if (!Register) {
    std::fprintf(stderr,
                 "warning: escape: cannot load the frontend action (%s): %s; "
                 "compiling without escape\n",
                 Path.c_str(), dlerror());
    return;
  }
  Register(&escape::frontendHooks());
}

} // namespace
