//===- HeapAllocInLoop.cpp - allocation on every iteration ----------------===//
//
// malloc, calloc, realloc, strdup/strndup, aligned_alloc or operator new
// left inside a loop after optimization: an allocator round trip per
// iteration, and for realloc a buffer that grows one step at a time.
//
//===----------------------------------------------------------------------===//

#include "Allocation.h"
#include "Analyses.h"
#include "CallRemark.h"
#include "RemarkSink.h"
#include "escape/remark_catalog.h"

#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"

#include <utility>

using namespace llvm;

namespace escape {

void analyzeHeapAllocInLoop(const FunctionContext &Context) {
  forEachCallToDeclaration(
      Context, [&](const CallBase &Call, const TargetLibraryInfo &TLI) {
        if (!allocationOf(Call, TLI))
          return;
        unsigned Depth = loopDepthOf(Context, Call);
        if (Depth == 0)
          return;
        Remark R = callRemark(ESCAPE_KIND_HEAP_ALLOC_IN_LOOP, Context, Call);
        addCallee(R, Call);
        addLoopDepth(R, Context, Call);
        Context.Sink.add(std::move(R));
      });
}

} // namespace escape
