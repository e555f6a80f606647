#include "site_rank.h"

#include <string.h>

#include "remark_flow.h"

/* A loop is assumed to run 8 times: what the static estimate multiplies by
 * for each level of nesting (capped so that the product cannot overflow). */
enum { ASSUMED_TRIPS = 8, MAX_DEPTH = 16 };

unsigned site_inline_contexts(const escape_remark *remark) {
  unsigned count = 0;
  for (size_t i = 0; i < remark->arg_count; i++)
    if (strcmp(remark->args[i].key, REMARK_FLOW_CONTEXT_KEY) == 0)
      count++;
  return count;
}

static unsigned long long static_cost(const remark_entry *entry) {
  unsigned depth =
      entry->loop_depth < MAX_DEPTH ? entry->loop_depth : MAX_DEPTH;
  unsigned long long cost = 1;
  for (unsigned i = 0; i < depth; i++)
    cost *= ASSUMED_TRIPS;
  return cost * (site_inline_contexts(&entry->remark) + 1);
}

unsigned long long site_cost(const remark_entry *entry) {
  if (entry->remark.has_hotness)
    return entry->remark.hotness;
  return static_cost(entry);
}

static int compare_strings(const char *a, const char *b) {
  if (!a || !b)
    return a ? -1 : b ? 1 : 0;
  return strcmp(a, b);
}

int site_compare(const void *left, const void *right) {
  const remark_entry *a = *(remark_entry *const *)left;
  const remark_entry *b = *(remark_entry *const *)right;
  if (a->remark.has_hotness != b->remark.has_hotness)
    return a->remark.has_hotness ? -1 : 1;
  unsigned long long cost_a = site_cost(a), cost_b = site_cost(b);
  if (cost_a != cost_b)
    return cost_a > cost_b ? -1 : 1;
  int by_file = compare_strings(a->remark.loc.file, b->remark.loc.file);
  if (by_file)
    return by_file;
  if (a->remark.loc.line != b->remark.loc.line)
    return a->remark.loc.line < b->remark.loc.line ? -1 : 1;
  if (a->remark.loc.column != b->remark.loc.column)
    return a->remark.loc.column < b->remark.loc.column ? -1 : 1;
  int by_name = compare_strings(a->remark.name, b->remark.name);
  return by_name ? by_name : compare_strings(a->message, b->message);
}
