#include "remark_flow.h"

#include <string.h>

#include "escape/remark_catalog.h"

static int same_place(const escape_loc *a, const escape_loc *b) {
  return a->file && b->file && strcmp(a->file, b->file) == 0 &&
         a->line == b->line && a->column == b->column;
}

/* An arg with a place of its own: not the remark's (a Var at the
 * declaration the remark is at says nothing new). */
static int points_elsewhere(const escape_remark *remark,
                            const escape_arg *arg) {
  return arg->loc.file && !same_place(&arg->loc, &remark->loc);
}

int remark_flow_is_context(const escape_remark *remark, const escape_arg *arg) {
  return strcmp(arg->key, REMARK_FLOW_CONTEXT_KEY) == 0 &&
         points_elsewhere(remark, arg);
}

const char *remark_flow_inlined_into(const escape_remark *remark, size_t i) {
  for (size_t j = i + 1; j < remark->arg_count; j++)
    if (strcmp(remark->args[j].key, REMARK_FLOW_CONTEXT_KEY) == 0 ||
        strcmp(remark->args[j].key, ESCAPE_KEY_INLINED_INTO) == 0)
      return remark->args[j].value;
  return NULL;
}

/* The loop's place (LoopDepth's DebugLoc) is where the site is, not a step
 * that leads to it: the sentence says it, no chain shows it. */
static int is_loop_place(const escape_arg *arg) {
  return strcmp(arg->key, ESCAPE_KEY_LOOP_DEPTH) == 0;
}

int remark_flow_is_hop(const escape_remark *remark, const escape_arg *arg) {
  return strcmp(arg->key, REMARK_FLOW_CONTEXT_KEY) != 0 &&
         !is_loop_place(arg) && points_elsewhere(remark, arg);
}

int remark_flow_any(const escape_remark *remark) {
  for (size_t i = 0; i < remark->arg_count; i++)
    if (!is_loop_place(&remark->args[i]) &&
        points_elsewhere(remark, &remark->args[i]))
      return 1;
  return 0;
}

int remark_flow_is_new_step(const escape_remark *remark, size_t i) {
  if (!remark_flow_is_hop(remark, &remark->args[i]))
    return 0;
  for (size_t j = 0; j < i; j++)
    if (remark_flow_is_hop(remark, &remark->args[j]) &&
        same_place(&remark->args[j].loc, &remark->args[i].loc))
      return 0;
  return 1;
}

int remark_flow_has_chain(const escape_remark *remark) {
  for (size_t i = 0; i < remark->arg_count; i++) {
    const char *key = remark->args[i].key;
    if (strcmp(key, ESCAPE_KEY_HOP) == 0 ||
        strcmp(key, ESCAPE_KEY_STORE) == 0 ||
        strcmp(key, ESCAPE_KEY_FLOW_END) == 0 ||
        strcmp(key, ESCAPE_KEY_DEFINED) == 0)
      return 1;
  }
  return 0;
}
