//===- LocalNames.h - which source variable each alloca is ----------------===//
//
// Before optimization clang's IR has one alloca per local, each with a
// lifetime start at its declaration statement (in declaration order) and,
// when initialized, a store at the variable's name. LocalNames binds allocas
// to variables there, through value handles that follow an alloca when a
// pass replaces it, and answers at the end of optimization. Allocas created
// later (inlined copies) are named from the same evidence, where it is
// unambiguous.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_LOCAL_NAMES_H
#define ESCAPE_LOCAL_NAMES_H

#include "SourceIndex.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/IR/ValueHandle.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace llvm {
class AllocaInst;
class Function;
} // namespace llvm

namespace escape {

struct PluginState;
struct SourceParam;

struct LocalName {
  std::string Name;
  SourcePos Decl;
  bool AddressTaken = false;
  bool IsBlockVar = false; // `__block`: its storage moves to the heap
};

class LocalNames {
public:
  /// Binds the allocas of an unoptimized function to their variables.
  void bind(llvm::Function &F, const PluginState &State);

  /// Makes the bindings that survived optimization available to lookup().
  void finishBinding();

  /// The variables bound to allocas that are in F right now.
  std::vector<std::pair<llvm::AllocaInst *, LocalName>>
  boundIn(const llvm::Function &F) const;

  /// The variable of an alloca at the end of optimization.
  std::optional<LocalName>
  lookup(const llvm::AllocaInst &Slot, const PluginState &State,
         const std::vector<const SourceParam *> &Params) const;

private:
  std::vector<std::pair<llvm::WeakTrackingVH, LocalName>> Bound;
  llvm::DenseMap<const llvm::Value *, unsigned> Index;
};

} // namespace escape

#endif
