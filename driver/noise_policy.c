#include "noise_policy.h"

#include <stdlib.h>
#include <string.h>

#include "escape/inline_remark.h"
#include "escape/remark_catalog.h"

static int has_reason(const escape_remark *remark, const char *reason) {
  const char *value = escape_remark_arg(remark, ESCAPE_KEY_REASON);
  return value && strcmp(value, reason) == 0;
}

int noise_policy_hides(const escape_remark *remark) {
  if (strcmp(remark->name, "NotInlined") == 0)
    return has_reason(remark,
                      escape_inline_reason_name(ESCAPE_INLINE_NO_DEFINITION)) &&
           !remark->has_hotness && remark_loop_depth(remark) == 0;
  if (strcmp(remark->name, "LocalEscapes") == 0 ||
      strcmp(remark->name, "LeakingParam") == 0)
    return has_reason(remark, "varargs");
  return 0;
}

size_t noise_policy_apply(remark_set *set) {
  size_t kept = 0;
  for (size_t i = 0; i < set->count; i++) {
    remark_entry *entry = set->entries[i];
    if (noise_policy_hides(&entry->remark))
      free(entry);
    else
      set->entries[kept++] = entry;
  }
  size_t removed = set->count - kept;
  set->count = kept;
  return removed;
}
