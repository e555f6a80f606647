#include "remark_definitions.h"

#include <stdlib.h>
#include <string.h>

#include "escape/inline_remark.h"
#include "escape/remark_catalog.h"

/* One function's definition: the first parameter remark's place. */
typedef struct definition {
  const char *function;
  const char *file;
  unsigned line;
} definition;

static int compare_definitions(const void *left, const void *right) {
  const definition *a = left, *b = right;
  int diff = strcmp(a->function, b->function);
  if (diff)
    return diff;
  return (a->line > b->line) - (a->line < b->line);
}

static int at_definition(const escape_remark *remark) {
  return remark->function && remark->loc.file && remark->loc.line &&
         (strcmp(remark->name, "LeakingParam") == 0 ||
          strcmp(remark->name, "ParamNoEscape") == 0);
}

static int wants_definition(const escape_remark *remark) {
  const char *reason = escape_remark_arg(remark, ESCAPE_KEY_REASON);
  return strcmp(remark->name, "NotInlined") == 0 && reason &&
         strcmp(reason, escape_inline_reason_name(
                            ESCAPE_INLINE_NO_DEFINITION)) == 0 &&
         escape_remark_arg(remark, ESCAPE_KEY_CALLEE);
}

int remark_definitions_assign(remark_set *set) {
  definition *table = malloc((set->count + 1) * sizeof *table);
  if (!table)
    return -1;
  size_t count = 0;
  for (size_t i = 0; i < set->count; i++) {
    const escape_remark *remark = &set->entries[i]->remark;
    if (at_definition(remark))
      table[count++] =
          (definition){remark->function, remark->loc.file, remark->loc.line};
  }
  qsort(table, count, sizeof *table, compare_definitions);
  for (size_t i = 0; i < set->count && count; i++) {
    remark_entry *entry = set->entries[i];
    if (!wants_definition(&entry->remark))
      continue;
    /* The first of equal names: the lowest line of that function. */
    definition key = {escape_remark_arg(&entry->remark, ESCAPE_KEY_CALLEE),
                      NULL, 0};
    size_t low = 0, high = count;
    while (low < high) {
      size_t mid = low + (high - low) / 2;
      if (strcmp(table[mid].function, key.function) < 0)
        low = mid + 1;
      else
        high = mid;
    }
    if (low < count && strcmp(table[low].function, key.function) == 0) {
      entry->defined_file = table[low].file;
      entry->defined_line = table[low].line;
    }
  }
  free(table);
  return 0;
}
