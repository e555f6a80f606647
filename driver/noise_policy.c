#include "noise_policy.h"

#include <stdlib.h>

#include "escape/remark_catalog.h"

int noise_policy_hides(const escape_remark *remark) {
  /* The YAML has a remark's Hotness but not the profile's hot threshold:
   * any Hotness counts as hot here (the plugin asks the profile). The
   * name alone picks the entry, so that LLVM's own inliner remarks mapped
   * onto NotInlined follow the policy too. */
  return escape_catalog_is_default_noise(
      escape_catalog_find(remark->name), remark,
      remark->has_hotness || remark_loop_depth(remark) > 0);
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
