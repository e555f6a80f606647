#include "escape/remark.h"

#include <stdlib.h>
#include <string.h>

/* Indexed by escape_remark_type; the names LLVM's YAML tags use. */
static const char *const type_tags[] = {
    [ESCAPE_REMARK_PASSED] = "Passed",
    [ESCAPE_REMARK_MISSED] = "Missed",
    [ESCAPE_REMARK_ANALYSIS] = "Analysis",
    [ESCAPE_REMARK_FAILURE] = "Failure",
    [ESCAPE_REMARK_ANALYSIS_FP_COMMUTE] = "AnalysisFPCommute",
    [ESCAPE_REMARK_ANALYSIS_ALIASING] = "AnalysisAliasing",
};

enum { type_count = sizeof type_tags / sizeof type_tags[0] };

const char *escape_remark_type_tag(escape_remark_type type) {
  if ((unsigned)type >= type_count)
    return "Unknown";
  return type_tags[type];
}

int escape_remark_type_from_tag(const char *tag, escape_remark_type *out) {
  for (unsigned i = 0; i < type_count; i++) {
    if (strcmp(type_tags[i], tag) == 0) {
      *out = (escape_remark_type)i;
      return 0;
    }
  }
  return -1;
}

void escape_remark_init(escape_remark *remark) {
  memset(remark, 0, sizeof *remark);
}

/* Returns a malloc'ed copy of s, or NULL for a NULL s or out of memory. */
static char *copy_string(const char *s) {
  if (!s)
    return NULL;
  size_t len = strlen(s) + 1;
  char *copy = malloc(len);
  if (copy)
    memcpy(copy, s, len);
  return copy;
}

/* Replaces *slot by a copy of value; returns 0, or -1 when out of memory. */
static int replace_string(char **slot, const char *value) {
  char *copy = copy_string(value);
  if (value && !copy)
    return -1;
  free(*slot);
  *slot = copy;
  return 0;
}

void escape_arg_release(escape_arg *arg) {
  free(arg->key);
  free(arg->value);
  free(arg->loc.file);
}

void escape_remark_clear(escape_remark *remark) {
  free(remark->pass);
  free(remark->name);
  free(remark->function);
  free(remark->loc.file);
  for (size_t i = 0; i < remark->arg_count; i++)
    escape_arg_release(&remark->args[i]);
  free(remark->args);
  escape_remark_init(remark);
}

int escape_remark_set(escape_remark *remark, escape_remark_type type,
                      const char *pass, const char *name,
                      const char *function) {
  if (replace_string(&remark->pass, pass) != 0 ||
      replace_string(&remark->name, name) != 0 ||
      replace_string(&remark->function, function) != 0)
    return -1;
  remark->type = type;
  return 0;
}

int escape_remark_set_loc(escape_remark *remark, const char *file,
                          unsigned line, unsigned column) {
  if (replace_string(&remark->loc.file, file) != 0)
    return -1;
  remark->loc.line = line;
  remark->loc.column = column;
  return 0;
}

/* Whether an array of count args is full: arrays grow 4, 8, 16, ..., so
 * that a remark's args cost one realloc per doubling, not one per arg. */
static int args_full(size_t count) {
  return count == 0 || (count >= 4 && (count & (count - 1)) == 0);
}

/* Makes room for one more arg; returns 0, or -1 when out of memory. */
static int reserve_arg(escape_remark *remark) {
  size_t count = remark->arg_count;
  if (!args_full(count))
    return 0;
  size_t capacity = count == 0 ? 4 : 2 * count;
  escape_arg *args = realloc(remark->args, capacity * sizeof *args);
  if (!args)
    return -1;
  remark->args = args;
  return 0;
}

int escape_remark_add_arg(escape_remark *remark, const char *key,
                          const char *value, const escape_loc *loc) {
  escape_arg arg = {0};
  arg.key = copy_string(key);
  arg.value = copy_string(value ? value : "");
  if (loc && loc->file) {
    arg.loc = *loc;
    arg.loc.file = copy_string(loc->file);
  }
  if (!arg.key || !arg.value || (loc && loc->file && !arg.loc.file) ||
      reserve_arg(remark) != 0) {
    escape_arg_release(&arg);
    return -1;
  }
  remark->args[remark->arg_count++] = arg;
  return 0;
}

int escape_remark_take_arg(escape_remark *remark, const escape_arg *arg) {
  if (reserve_arg(remark) != 0)
    return -1;
  remark->args[remark->arg_count++] = *arg;
  return 0;
}

const char *escape_remark_arg(const escape_remark *remark, const char *key) {
  for (size_t i = 0; i < remark->arg_count; i++)
    if (strcmp(remark->args[i].key, key) == 0)
      return remark->args[i].value;
  return NULL;
}
