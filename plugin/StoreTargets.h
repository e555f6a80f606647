//===- StoreTargets.h - what an assignment writes into, as the source says ===//
//
// Optimized IR knows that a store writes 8 bytes past a parameter, not that
// the source wrote `c->slot`. The AST does: each assignment whose left side
// is a member or element path from a parameter or `this` (`c->slot`,
// `c->a.b`, `c->v[2]`, `c->v[i]`, `r.slot`, `this->m`, `m`) is recorded at
// the operator, where clang puts the store's location, with the byte offset
// the path has, so that a store is named only when the IR agrees
// (StoreDestination.cpp).
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_STORE_TARGETS_H
#define ESCAPE_STORE_TARGETS_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace clang {
class ASTContext;
class BinaryOperator;
class QualType;
} // namespace clang

namespace escape {

/// Type's canonical, unqualified form as an identity that stays comparable
/// after the AST is gone (never dereferenced); null for a null type.
const void *typeIdentity(clang::QualType Type);

/// The left side of one assignment, relative to the pointer it starts from.
struct StoreTarget {
  std::string File; // presumed file name of the operator
  bool FromThis = false;
  /// The parameter the path starts from (its declaration's place), unless
  /// FromThis.
  std::string RootFile;
  unsigned RootLine = 0;
  unsigned RootColumn = 0;
  /// The root's type (typeIdentity): a pointer or reference type.
  const void *RootType = nullptr;
  /// The path after the root: "->slot", ".a.b", "->v[2]", "->v[...]", "[0]";
  /// empty for `*c`.
  std::string Path;
  /// Bytes from the root pointer to what is written, without the variable
  /// index, and for a variable index the element size (else 0): the
  /// address is Root + Offset + k * Stride for some k.
  int64_t Offset = 0;
  uint64_t Stride = 0;
};

/// The assignment's target when it is a path from a parameter or `this`
/// (File left empty for the caller).
std::optional<StoreTarget> storeTargetOf(const clang::BinaryOperator &Assign,
                                         clang::ASTContext &Context);

/// The recorded targets by the line and column of their operator.
class StoreTargets {
public:
  void add(unsigned Line, unsigned Column, StoreTarget Target);
  /// The targets of the assignments whose operator is at Line:Column of
  /// File (several for a macro or a template instantiated twice).
  llvm::SmallVector<const StoreTarget *, 1>
  at(llvm::StringRef File, unsigned Line, unsigned Column) const;

private:
  std::vector<StoreTarget> Targets;
  llvm::DenseMap<std::pair<unsigned, unsigned>, llvm::SmallVector<unsigned, 1>>
      ByOperator;
};

} // namespace escape

#endif
