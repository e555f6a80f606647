#include "remark_place.h"

#include <string.h>

static int same_string(const char *a, const char *b) {
  return a && b ? strcmp(a, b) == 0 : a == b;
}

/* The line of the InFunction arg when it is in the remark's file. */
static unsigned function_arg_line(const escape_remark *remark) {
  for (size_t i = 0; i < remark->arg_count; i++) {
    const escape_arg *arg = &remark->args[i];
    if (strcmp(arg->key, REMARK_PLACE_FUNCTION_KEY) == 0 && arg->loc.line &&
        same_string(arg->loc.file, remark->loc.file))
      return arg->loc.line;
  }
  return 0;
}

/* The first line of a remark of the same function in the same file. */
static unsigned first_line_of_function(const remark_set *set,
                                       const escape_remark *remark) {
  unsigned first = 0;
  for (size_t i = 0; i < set->count; i++) {
    const escape_remark *other = &set->entries[i]->remark;
    if (other->loc.line && (!first || other->loc.line < first) &&
        same_string(other->function, remark->function) &&
        same_string(other->loc.file, remark->loc.file))
      first = other->loc.line;
  }
  return first;
}

void remark_place_line_zero(remark_set *set) {
  for (size_t i = 0; i < set->count; i++) {
    remark_entry *entry = set->entries[i];
    const escape_remark *remark = &entry->remark;
    if (!remark->loc.file || remark->loc.line || !remark->function)
      continue;
    entry->display_line = function_arg_line(remark);
    if (!entry->display_line)
      entry->display_line = first_line_of_function(set, remark);
  }
}

int remark_place_moved(const remark_entry *entry) {
  return entry->remark.loc.line == 0 && entry->display_line != 0;
}
