//===- LocalNames.h - which source variable each alloca is ----------------===//
//
// Before optimization clang's IR has one alloca per local, each with a
// lifetime start at its declaration statement (in declaration order) and,
// when initialized, a store at the variable's name. LocalNames binds allocas
// to variables there, through value handles that follow an alloca when a
// pass replaces it, and answers at the end of optimization. Allocas created
// later (inlined copies, pieces of split aggregates) are traced back to the
// unoptimized alloca they came from: every instruction that uses them
// keeps the scope, line and column of the source expression it was cloned
// from, and only the original's uses had those places. Where that is
// ambiguous, the remark says nothing rather than guess. The same places
// say whose local a copy is: a use in the code of the variable's own
// function carries the inlined-at chain of the copy (plugin/InlineContext.h).
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_LOCAL_NAMES_H
#define ESCAPE_LOCAL_NAMES_H

#include "SourceIndex.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/IR/ValueHandle.h"

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace llvm {
class AllocaInst;
class Argument;
class DILocation;
class DISubprogram;
class Function;
class Metadata;
} // namespace llvm

namespace escape {

struct PluginState;
struct SourceParam;

struct LocalName {
  std::string Name;
  SourcePos Decl;
  bool AddressTaken = false;
  bool IsBlockVar = false; // `__block`: its storage moves to the heap
  /// A place in the code of the variable's own function where the slot is
  /// used: in a copy that the inliner made, its inlined-at chain is the
  /// local's context. Null when no such place is known for certain.
  const llvm::DILocation *Home = nullptr;
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

  /// The source parameter of an argument at the end of optimization, when
  /// a pass that rewrote the signature (dead-argument elimination,
  /// argument promotion) moved the argument into the new function; null
  /// otherwise.
  const SourceParam *paramOf(const llvm::Argument &Arg) const;

  /// The variable of an alloca at the end of optimization.
  std::optional<LocalName>
  lookup(const llvm::AllocaInst &Slot, const PluginState &State,
         const std::vector<const SourceParam *> &Params) const;

private:
  /// The unoptimized alloca a later one was copied from, by the places of
  /// its uses; its name, if it had one.
  std::optional<LocalName> fromOrigin(const llvm::AllocaInst &Slot) const;
  void recordUses(const llvm::AllocaInst &Slot,
                  const std::optional<LocalName> &Name);

  std::vector<std::pair<llvm::WeakTrackingVH, LocalName>> Bound;
  /// Arguments of the unoptimized definitions; the handles follow an
  /// argument when a pass replaces its function with a new signature.
  std::vector<std::pair<llvm::WeakTrackingVH, const SourceParam *>> Arguments;
  llvm::DenseMap<const llvm::Value *, const SourceParam *> ArgumentIndex;
  llvm::DenseMap<const llvm::Value *, unsigned> Index;
  /// Per unoptimized alloca, its variable (none when unnamed) and the
  /// function it was declared in.
  struct Origin {
    std::optional<LocalName> Name;
    const llvm::DISubprogram *Program = nullptr;
  };
  std::vector<Origin> Origins;
  /// Scope, line, column and shape of a use (see placeOf) → the
  /// unoptimized allocas used there.
  using UsePlace =
      std::tuple<const llvm::Metadata *, unsigned, unsigned, uint64_t>;
  llvm::DenseMap<UsePlace, llvm::SmallVector<unsigned, 1>> UsedAt;
};

} // namespace escape

#endif
