//===- CaptureSite.h - where and how a pointer is captured ----------------===//
//
// Runs LLVM's CaptureTracking on a pointer and keeps the first use that
// captures it, classified the way the remarks explain it (SPEC "Remarks",
// `Reason`): passed to a call that may keep it, stored, returned, given to
// inline asm, accessed volatile, compared, converted, and so on.
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

/// Declared from the least to the most telling: the most telling capture of
/// a pointer is the one reported.
enum class CaptureReason {
  None,
  Recursive, // only passed back to the function itself
  Other,     // a use CaptureTracking counts without saying why
  UseLimit,  // more uses than CaptureTracking examines
  NullCheck, // compared with null (LLVM 19 counts it, LLVM 22 does not)
  Compared,  // compared with another pointer
  Converted, // converted to an integer
  // From here on a capture says where the pointer went; the first one wins.
  Volatile, // a volatile access through it
  Varargs,  // passed as a variadic argument
  Asm,
  Returned,
  Stored,
  Call,
};

struct CaptureSite {
  CaptureReason Reason = CaptureReason::None;
  const llvm::Instruction *At = nullptr; // the capturing instruction
  const llvm::CallBase *Call = nullptr;  // Call, Varargs, Recursive
  unsigned ArgNo = 0;                    // 1-based, with Call
};

/// The first capture of Pointer, or a site with Reason None.
CaptureSite findCaptureSite(const llvm::Value *Pointer);

/// True when the capturing instruction lies in a loop of Loops (null Loops:
/// loop depth was not asked for).
bool isInLoop(const CaptureSite &Site, const llvm::LoopInfo *Loops);

/// The YAML `Reason` value: "call", "stored", "null-check", ... (SPEC).
const char *reasonName(CaptureReason Reason);

} // namespace escape

#endif
