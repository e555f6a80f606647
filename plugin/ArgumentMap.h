//===- ArgumentMap.h - IR arguments to source parameters ------------------===//
//
// Clang lowers parameters by the target's ABI: `sret` and `this` come first,
// small records may become several arguments. This maps each IR argument of
// a definition back to its source parameter where that is certain, and to
// nothing where it is not, so no remark ever names the wrong parameter.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_ARGUMENT_MAP_H
#define ESCAPE_ARGUMENT_MAP_H

#include <vector>

namespace llvm {
class Function;
}

namespace escape {

struct PluginState;
struct SourceParam;

/// One entry per IR argument of F: its source parameter, or null.
std::vector<const SourceParam *> mapArguments(const llvm::Function &F,
                                              const PluginState &State);

} // namespace escape

#endif
