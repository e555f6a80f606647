//===- EmbeddedRemarks.h - the remarks inside the object file -------------===//
//
// With `embed`, the compile's YAML also goes into a section `.escape.remarks`
// of the object, flagged SHF_EXCLUDE so linkers drop it: cached (ccache,
// sccache) and distributed (distcc, icecream) builds return only the object,
// and the remarks travel with it. The section holds records:
//   "ESCREMK1", u32 encoding (0 YAML, 1 zlib), u32 0, u64 payload size,
//   u64 YAML size, payload
// all little-endian; `ld -r` concatenates records of merged objects.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_EMBEDDED_REMARKS_H
#define ESCAPE_EMBEDDED_REMARKS_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace llvm {
class Module;
} // namespace llvm

namespace escape {

/// One section record for Yaml, compressed when that is smaller.
std::string makeRemarksRecord(llvm::StringRef Yaml);

/// Adds Yaml's record to M as a section that the linker drops.
void embedRemarks(llvm::Module &M, llvm::StringRef Yaml);

} // namespace escape

#endif
