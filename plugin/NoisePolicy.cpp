//===- NoisePolicy.cpp - which remarks print only with verbose ------------===//

#include "NoisePolicy.h"

#include "escape/inline_remark.h"
#include "escape/remark_catalog.h"

#include <cstring>

namespace escape {

namespace {

bool hasReason(const escape_remark &Data, const char *Reason) {
  const char *Value = escape_remark_arg(&Data, ESCAPE_KEY_REASON);
  return Value && std::strcmp(Value, Reason) == 0;
}

} // namespace

bool isDefaultNoise(const Remark &R) {
  const escape_remark &Data = R.data();
  const escape_catalog_entry *Entry = escape_catalog_of(&Data);
  if (!Entry)
    return false;
  switch (Entry->kind) {
  case ESCAPE_KIND_NOT_INLINED:
    // A call outside loops to another TU's function is everywhere in a
    // library and its tests; it is worth a look only where it repeats.
    return hasReason(Data,
                     escape_inline_reason_name(ESCAPE_INLINE_NO_DEFINITION)) &&
           !R.isInLoop() && !R.isHot();
  case ESCAPE_KIND_LOCAL_ESCAPES:
  case ESCAPE_KIND_LEAKING_PARAM:
    // LLVM treats every variadic argument as captured: rarely a real keep.
    return hasReason(Data, "varargs");
  default:
    return false;
  }
}

} // namespace escape
