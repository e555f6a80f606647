//===- VersionCheck.cpp - refuse to run inside another LLVM ---------------===//
//
// LLVM and Clang have no stable C++ ABI across major versions: a plugin
// built against 19 that runs inside clang-22 would crash somewhere in the
// optimizer. Usually the dynamic loader already refuses it (a symbol the
// plugin needs is missing, and clang prints "unable to load plugin ...:
// undefined symbol: ..."); when it does load, this check runs before any of
// the plugin's C++ code is used and stops with one clear error. It asks the
// host through LLVM's C API, whose ABI is stable.
//
//===----------------------------------------------------------------------===//

#include "llvm-c/Core.h"
#include "llvm/Config/llvm-config.h"

#include <cstdio>
#include <cstdlib>

namespace {

// Priority 101 puts this constructor before every other static initializer
// of the library (C++ globals such as cl::opt and the plugin registry run
// later), so that nothing ABI-dependent has run yet.
__attribute__((constructor(101))) void checkHostVersion() {
  unsigned Major = 0, Minor = 0, Patch = 0;
  LLVMGetVersion(&Major, &Minor, &Patch);
  if (Major == LLVM_VERSION_MAJOR)
    return;
  std::fprintf(stderr,
               "error: escape: this libescape.so was built for LLVM %d and "
               "cannot run in a tool of LLVM %u.%u.%u; use the plugin built "
               "for clang-%u (cmake -DLLVM_DIR=$(llvm-config-%u --cmakedir))\n",
               LLVM_VERSION_MAJOR, Major, Minor, Patch, Major, Major);
  // Inside the dynamic loader: no exit handlers, nothing of LLVM's.
  std::_Exit(1);
}

} // namespace
