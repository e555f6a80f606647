//===- CaptureSite.h - where and how a pointer is captured ----------------===//
//
// Runs LLVM's CaptureTracking on a pointer and keeps the first use that
// captures it, classified the way the remarks explain it: passed to a call
// that may keep it, stored, returned, given to inline asm, or other.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_CAPTURE_SITE_H
#define ESCAPE_CAPTURE_SITE_H

namespace llvm {
class CallBase;
class Instruction;
class LoopInfo;
class Value;
} // namespace llvm

namespace escape {

enum class CaptureReason { None, Call, Stored, Returned, Asm, Other };

struct CaptureSite {
  CaptureReason Reason = CaptureReason::None;
  const llvm::Instruction *At = nullptr; // the capturing instruction
  const llvm::CallBase *Call = nullptr;  // when Reason is Call
  unsigned ArgNo = 0;                    // 1-based, when Reason is Call
};

/// The first capture of Pointer, or a site with Reason None.
CaptureSite findCaptureSite(const llvm::Value *Pointer);

/// True when the capturing instruction lies in a loop of Loops (null Loops:
/// loop depth was not asked for).
bool isInLoop(const CaptureSite &Site, const llvm::LoopInfo *Loops);

/// The YAML `Reason` value: "call", "stored", "returned", "asm", "other".
const char *reasonName(CaptureReason Reason);

} // namespace escape

#endif
