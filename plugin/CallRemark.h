//===- CallRemark.h - remarks placed at a call ----------------------------===//
//
// The loop remarks and HeapToStack sit at the call the fix is about, name
// the callee as the source does, and carry the call's loop depth.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_CALL_REMARK_H
#define ESCAPE_CALL_REMARK_H

#include "Remark.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

namespace llvm {
class BasicBlock;
class CallBase;
class LoopInfo;
class TargetLibraryInfo;
} // namespace llvm

namespace escape {

struct FunctionContext;

/// A remark of Kind at Call, in Context's function.
Remark callRemark(escape_remark_kind Kind, const FunctionContext &Context,
                  const llvm::CallBase &Call);

/// Appends `Callee` with the direct callee's source name; false for an
/// indirect call.
bool addCallee(Remark &R, const llvm::CallBase &Call);

/// The loop nesting depth of Call (0 outside loops).
unsigned loopDepthOf(const FunctionContext &Context,
                     const llvm::CallBase &Call);

/// Appends `LoopDepth` with the DebugLoc of where the innermost loop around
/// Block starts (when LLVM knows it) and marks the remark as in a loop;
/// nothing outside loops.
void addLoopDepth(Remark &R, const llvm::LoopInfo &Loops,
                  const llvm::BasicBlock &Block);

/// addLoopDepth for Call in Context's function.
void addLoopDepth(Remark &R, const FunctionContext &Context,
                  const llvm::CallBase &Call);

/// Calls Visit(Call, TLI) for each call in Context's function to a
/// declared function (the library calls HeapToStack and HeapAllocInLoop
/// look for); the library info is computed only when there is one.
void forEachCallToDeclaration(
    const FunctionContext &Context,
    llvm::function_ref<void(const llvm::CallBase &,
                            const llvm::TargetLibraryInfo &)>
        Visit);

} // namespace escape

#endif
