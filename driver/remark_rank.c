#include "remark_rank.h"

#include <stdlib.h>
#include <string.h>

#include "escape/inline_remark.h"
#include "escape/remark_catalog.h"

/* A guess of a loop's trip count, per nesting level (no profile). */
#define ITERATIONS_PER_LEVEL 8.0
/* Deeper nests are all "very hot"; this keeps the numbers finite. */
#define MAX_COUNTED_DEPTH 8

static double frequency(const escape_remark *remark) {
  if (remark->has_hotness)
    return remark->hotness ? (double)remark->hotness : 1.0;
  unsigned depth = remark_loop_depth(remark);
  if (depth > MAX_COUNTED_DEPTH)
    depth = MAX_COUNTED_DEPTH;
  double weight = 1.0;
  for (unsigned i = 0; i < depth; i++)
    weight *= ITERATIONS_PER_LEVEL;
  return weight;
}

/* 1 for most remarks; up to 2 for a too-costly call whose cost exceeded
 * the threshold by little (a small change gets it inlined). Without Cost
 * (the inliner stopped counting at the threshold) the distance is unknown. */
static double near_miss(const escape_remark *remark) {
  const char *reason = escape_remark_arg(remark, ESCAPE_KEY_REASON);
  const char *cost = escape_remark_arg(remark, ESCAPE_KEY_COST);
  const char *threshold = escape_remark_arg(remark, ESCAPE_KEY_THRESHOLD);
  if (!reason || !cost || !threshold ||
      strcmp(reason, escape_inline_reason_name(ESCAPE_INLINE_TOO_COSTLY)) != 0)
    return 1.0;
  double c = strtod(cost, NULL), t = strtod(threshold, NULL);
  if (t <= 0 || c <= t)
    return 1.0;
  double over = (c - t) / t;
  return over >= 1.0 ? 1.0 : 2.0 - over;
}

double remark_rank_cost(const escape_remark *remark, size_t contexts) {
  return frequency(remark) * (double)(contexts ? contexts : 1) *
         near_miss(remark);
}

static int same_string(const char *a, const char *b) {
  return a && b ? strcmp(a, b) == 0 : a == b;
}

/* Whether b is another context of a's call site. */
static int same_site(const escape_remark *a, const escape_remark *b) {
  return a->loc.file && a->loc.line && same_string(a->loc.file, b->loc.file) &&
         a->loc.line == b->loc.line && a->loc.column == b->loc.column &&
         strcmp(a->name, b->name) == 0 &&
         same_string(escape_remark_arg(a, ESCAPE_KEY_CALLEE),
                     escape_remark_arg(b, ESCAPE_KEY_CALLEE)) &&
         same_string(escape_remark_arg(a, ESCAPE_KEY_REASON),
                     escape_remark_arg(b, ESCAPE_KEY_REASON));
}

void remark_rank_assign(remark_set *set) {
  /* Position order puts the contexts of a site next to each other, except
   * that the message (which names the caller) orders them among other
   * callees' remarks at the same position: look at the whole position. */
  for (size_t i = 0; i < set->count; i++) {
    remark_entry *entry = set->entries[i];
    entry->contexts = 1;
    entry->context_follower = 0;
  }
  for (size_t i = 0; i < set->count; i++) {
    remark_entry *head = set->entries[i];
    if (head->context_follower)
      continue;
    for (size_t j = i + 1; j < set->count; j++) {
      remark_entry *other = set->entries[j];
      if (!same_string(head->remark.loc.file, other->remark.loc.file) ||
          head->remark.loc.line != other->remark.loc.line ||
          head->remark.loc.column != other->remark.loc.column)
        break;
      if (!other->context_follower &&
          same_site(&head->remark, &other->remark)) {
        other->context_follower = 1;
        head->contexts++;
      }
    }
  }
  /* A site costs what its hottest context costs, once per context;
   * followers rank with their head so that sorting keeps them together. */
  for (size_t i = 0; i < set->count; i++) {
    remark_entry *head = set->entries[i];
    if (head->context_follower)
      continue;
    double hottest = remark_rank_cost(&head->remark, 1);
    for (size_t j = i + 1; j < set->count && head->contexts > 1; j++) {
      const remark_entry *other = set->entries[j];
      if (!same_string(head->remark.loc.file, other->remark.loc.file) ||
          head->remark.loc.line != other->remark.loc.line ||
          head->remark.loc.column != other->remark.loc.column)
        break;
      double cost = remark_rank_cost(&other->remark, 1);
      if (other->context_follower && same_site(&head->remark, &other->remark) &&
          cost > hottest)
        hottest = cost;
    }
    head->cost = hottest * (double)head->contexts;
  }
  for (size_t i = 0, head = 0; i < set->count; i++) {
    if (!set->entries[i]->context_follower)
      head = i;
    else
      set->entries[i]->cost = set->entries[head]->cost;
  }
}
