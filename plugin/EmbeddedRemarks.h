//===- EmbeddedRemarks.h - the remarks inside the object file -------------===//
//
// With `embed`, the compile's YAML also goes into a section `.escape.remarks`
// of the object, flagged SHF_EXCLUDE so linkers drop it: cached (ccache,
// sccache) and distributed (distcc, icecream) builds return only the object,
// and the remarks travel with it. The record format and its writer are in
// escape/remark_section.h.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_EMBEDDED_REMARKS_H
#define ESCAPE_EMBEDDED_REMARKS_H

#include "llvm/ADT/StringRef.h"

namespace llvm {
class Module;
} // namespace llvm

namespace escape {

/// Adds Yaml's record (compressed when that is smaller) to M as a section
/// that the linker drops; false when memory or zlib failed.
bool embedRemarks(llvm::Module &M, llvm::StringRef Yaml);

} // namespace escape

#endif
