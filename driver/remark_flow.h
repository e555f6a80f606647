/* The args of a remark that point elsewhere, as the report formats show
 * them: its inlined-at context (InlinedFrom, with the call site's
 * DebugLoc) and its flow (the other args with a DebugLoc of their own
 * elsewhere than the remark: the hops of a why-chain, the capture site;
 * not the loop's place, LoopDepth's DebugLoc). */
#ifndef ESCAPE_DRIVER_REMARK_FLOW_H
#define ESCAPE_DRIVER_REMARK_FLOW_H

#include "escape/remark.h"

/* The arg key of one inlined-at context. */
#define REMARK_FLOW_CONTEXT_KEY "InlinedFrom"

/* Whether arg is one of remark's inlined-at contexts. */
int remark_flow_is_context(const escape_remark *remark, const escape_arg *arg);

/* The function the code of context args[i] was inlined into: the next
 * level's InlinedFrom, else the InlinedInto; NULL when neither follows. */
const char *remark_flow_inlined_into(const escape_remark *remark, size_t i);

/* Whether arg is a hop of remark's flow. */
int remark_flow_is_hop(const escape_remark *remark, const escape_arg *arg);

/* Whether args[i] is a hop at a place no earlier hop has (the Reason at
 * its call's place is not a step of its own). */
int remark_flow_is_new_step(const escape_remark *remark, size_t i);

/* Whether the remark has a why-chain beyond its own call: a hop, a store,
 * an end or a definition in another translation unit. */
int remark_flow_has_chain(const escape_remark *remark);

/* Whether the remark has a context or a hop. */
int remark_flow_any(const escape_remark *remark);

#endif
