//===- SourceIndex.h - source names and places for optimized IR -----------===//
//
// What the IR at the end of optimization no longer says: the names and
// declaration places of locals and parameters. Built from the AST before code
// generation; looked up with the debug locations clang gives each local's
// lifetime start (the declaration statement) and initializing store (the
// variable's name), and by function name for parameters.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_SOURCE_INDEX_H
#define ESCAPE_SOURCE_INDEX_H

#include "StoreTargets.h"

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace clang {
class ASTContext;
}

namespace escape {

/// A place in the source as diagnostics and debug locations name it.
struct SourcePos {
  std::string File; // presumed file name, as in the debug info
  unsigned Line = 0;
  unsigned Column = 0;
  clang::SourceLocation Loc; // for printing with caret
  bool InSystemHeader = false;
};

/// A local variable declared in a statement.
struct SourceVar {
  std::string Name;
  SourcePos Decl;            // the name in the declaration
  uint64_t SizeInBytes = 0;  // 0 when unknown (VLA, dependent)
  bool AddressTaken = false; // `&v`, array decay, member call, reference
  bool IsBlockVar = false;   // `__block` (-fblocks)
  const void *Key = nullptr; // the VarDecl, while building
};

/// How many IR arguments a source parameter becomes.
enum class ArgShape { One, Record, Unknown };

struct SourceParam {
  std::string Name; // empty for unnamed parameters
  SourcePos Decl;
  bool IsPointer = false; // pointer or reference in the source
  ArgShape Shape = ArgShape::Unknown;
  uint64_t SizeInBytes = 0;
  bool AddressTaken = false;
  /// typeIdentity of its type, for StoreTargets.
  const void *Type = nullptr;
  const void *Key = nullptr; // the ParmVarDecl, while building
};

struct SourceFunction {
  std::vector<SourceParam> Params;
  bool IsInstanceMethod = false;
  /// typeIdentity of `this` (instance methods), for StoreTargets.
  const void *ThisType = nullptr;
  clang::SourceLocation Loc; // the definition's name, for printing
};

/// The target of a call the source makes indirectly, as the source names
/// it: the member function's IR name or the pointer expression, and the
/// macro whose expansion spelled the call (empty when none).
struct SourceCallee {
  std::string Callee;
  std::string Macro;
};

class SourceIndex {
public:
  /// Walks the translation unit and records every local, parameter and
  /// function definition.
  void build(clang::ASTContext &Context);

  /// The local whose name is at Line:Column of File (an initializing store).
  const SourceVar *findByName(llvm::StringRef File, unsigned Line,
                              unsigned Column) const;

  /// The locals declared by the statement starting at Line:Column of File
  /// (a lifetime start), in declaration order.
  llvm::SmallVector<const SourceVar *, 2>
  findByStatement(llvm::StringRef File, unsigned Line, unsigned Column) const;

  /// The local that a load or store at Line:Column of File reads or
  /// assigns (`v` in an expression, the `=` of `v = ...`), for locals
  /// declared inside a switch, where clang starts no lifetime; or null.
  const SourceVar *findByReference(llvm::StringRef File, unsigned Line,
                                   unsigned Column) const;

  /// The definition whose IR name is Name, or null.
  const SourceFunction *findFunction(llvm::StringRef Name) const;

  /// True when the IR function Name is a non-static member function (its
  /// first argument is `this`), defined here or only called here.
  bool isInstanceMethod(llvm::StringRef Name) const;

  /// True when the IR function Name is called in the source and every
  /// declaration of it is the user's: not in a system header, not a
  /// builtin. Library functions, and calls the optimizer made up (memset,
  /// puts for printf), are not: the user cannot give them a body.
  bool isActionableCallee(llvm::StringRef Name) const;

  /// For the call at Line:Column of File that the source makes through a
  /// function pointer or a virtual member function: the member function's
  /// IR name, or the pointer expression; an empty Callee when unknown.
  SourceCallee indirectCallee(llvm::StringRef File, unsigned Line,
                              unsigned Column) const;

  /// The assignments of a pointer to a path from a parameter or `this`.
  const StoreTargets &storeTargets() const { return Stores; }

  // Used while building.
  void addVar(SourceVar Var, const SourcePos &Statement);
  void addFunction(const std::string &IRName, const SourceFunction &Function);
  /// Records that the expression at Pos reads or assigns the local Key.
  void addReference(const SourcePos &Pos, const void *Key);
  void addInstanceMethod(const std::string &IRName);
  void addCallee(const std::string &IRName, bool InSystemHeader);
  void addIndirectCall(const SourcePos &Call, SourceCallee Callee);
  void addStoreTarget(const SourcePos &Operator, StoreTarget Target);
  /// Marks the variables and parameters whose declarations are in Taken.
  void markAddressTaken(const llvm::DenseSet<const void *> &Taken);

private:
  using Key = std::pair<unsigned, unsigned>;
  std::vector<SourceVar> Vars;
  std::vector<std::string> VarStatementFiles;
  llvm::DenseMap<Key, llvm::SmallVector<unsigned, 1>> ByName;
  llvm::DenseMap<Key, llvm::SmallVector<unsigned, 1>> ByStatement;
  llvm::DenseMap<Key, llvm::SmallVector<unsigned, 1>> ByReference;
  llvm::DenseMap<const void *, unsigned> VarIds; // while building
  llvm::StringMap<SourceFunction> Functions;
  llvm::StringSet<> InstanceMethods;
  llvm::StringMap<bool> CalleeInSystemHeader;
  struct IndirectCall {
    std::string File;
    SourceCallee Callee;
  };
  llvm::DenseMap<Key, llvm::SmallVector<IndirectCall, 1>> IndirectCalls;
  StoreTargets Stores;
};

/// True when two file names from different sources (presumed names, debug
/// info file names) denote the same file.
bool sameFile(llvm::StringRef A, llvm::StringRef B);

} // namespace escape

#endif
