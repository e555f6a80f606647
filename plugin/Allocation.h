//===- Allocation.h - heap allocation and free calls ----------------------===//
//
// Which calls allocate heap memory (malloc, calloc, realloc, aligned_alloc,
// strdup, strndup, operator new) and how much, and which free it, as
// LLVM's TargetLibraryInfo identifies them.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_ALLOCATION_H
#define ESCAPE_ALLOCATION_H

#include <cstdint>
#include <optional>

namespace llvm {
class CallBase;
class TargetLibraryInfo;
class Value;
} // namespace llvm

namespace escape {

enum class AllocKind { Malloc, Calloc, Realloc, AlignedAlloc, Strdup, New };

struct Allocation {
  AllocKind Kind;
  std::optional<uint64_t> Bytes; // when the size is a constant
};

/// The allocation Call makes, or nothing when it is not an allocation.
std::optional<Allocation> allocationOf(const llvm::CallBase &Call,
                                       const llvm::TargetLibraryInfo &TLI);

/// True when Call frees Pointer (free, operator delete).
bool freesPointer(const llvm::CallBase &Call, const llvm::Value *Pointer,
                  const llvm::TargetLibraryInfo &TLI);

} // namespace escape

#endif
