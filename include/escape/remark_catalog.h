/* The remark catalog: escape's remark kinds as data, one row each in
 * escape/remark_kinds.def, and the lookups the plugin and the driver use. */
#ifndef ESCAPE_REMARK_CATALOG_H
#define ESCAPE_REMARK_CATALOG_H

#include <stddef.h>

#include "escape/remark.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The pass name every escape remark carries. */
#define ESCAPE_PASS_NAME "escape"

/* YAML argument keys. */
#define ESCAPE_KEY_VAR "Var"
#define ESCAPE_KEY_PARAM "Param"
#define ESCAPE_KEY_REASON "Reason"
#define ESCAPE_KEY_CALLEE "Callee"
#define ESCAPE_KEY_CALLER "Caller"
#define ESCAPE_KEY_ARGNO "ArgNo"
#define ESCAPE_KEY_STRING "String"
#define ESCAPE_KEY_COST "Cost"
#define ESCAPE_KEY_THRESHOLD "Threshold"
#define ESCAPE_KEY_DETAIL "Detail"
#define ESCAPE_KEY_LOOP_DEPTH "LoopDepth"
#define ESCAPE_KEY_BYTES "Bytes"
/* Source assertions (docs/assertions.md): the asserted word, its state
 * (held, violated, stale), and the empty arg that marks a remark
 * suppressed by `// escape: ignore`. */
#define ESCAPE_KEY_ASSERTION "Assertion"
#define ESCAPE_KEY_STATE "State"
#define ESCAPE_KEY_SUPPRESSED "Suppressed"
#define ESCAPE_ASSERTION_NAME "Assertion"
/* The flow of a capture through the callees (SPEC "Why (flow)"), each with
 * its own DebugLoc: a call the pointer is passed on to and its argument, a
 * store that keeps it and what it writes into, or how the chain ends. */
#define ESCAPE_KEY_HOP "Hop"
#define ESCAPE_KEY_HOP_ARGNO "HopArgNo"
#define ESCAPE_KEY_STORE "Store"
#define ESCAPE_KEY_FLOW_END "FlowEnd"
/* The record of a definition with external linkage (docs/driver.md, "Across
 * translation units"): its size, the pointer parameters it does not keep
 * ("1,3") and the ones it keeps ("2=name"). The driver joins translation
 * units with it and adds Defined ("file:line", with that DebugLoc) to a
 * chain or a NotInlined whose callee it is. */
#define ESCAPE_DEFINITION_NAME "Definition"
#define ESCAPE_KEY_INSTRUCTIONS "Instructions"
#define ESCAPE_KEY_NO_ESCAPE "NoEscape"
#define ESCAPE_KEY_LEAKS "Leaks"
#define ESCAPE_KEY_DEFINED "Defined"

/* Where a site in inlined code came from (SPEC "Context"), one level of the
 * inlined-at chain each: the function the code came from, with the DebugLoc
 * of the call it was inlined at; the last one names the function the code
 * now lives in (no DebugLoc). */
#define ESCAPE_KEY_INLINED_FROM "InlinedFrom"
#define ESCAPE_KEY_INLINED_INTO "InlinedInto"

/* One enumerator per ESCAPE_REMARK_KIND row, in catalog order. */
typedef enum escape_remark_kind {
#define ESCAPE_REMARK_KIND(Id, ...) ESCAPE_KIND_##Id,
#include "escape/remark_kinds.def"
  ESCAPE_KIND_COUNT
} escape_remark_kind;

typedef struct escape_catalog_entry {
  escape_remark_kind kind;
  const char *name;        /* remark Name */
  escape_remark_type type; /* document tag */
  int verbose_only;        /* 1: only with -fplugin-arg-escape-verbose */
  const char *location;    /* where DebugLoc points */
  const char *keys;        /* argument keys, comma-separated */
  const char *summary;     /* one line */
  const char *explanation; /* why it matters */
  const char *before;      /* code that gets the remark */
  const char *after;       /* the same code fixed */
} escape_catalog_entry;

/* One ESCAPE_REMARK_SENTENCE row: the template that words a kind's remarks
 * when match holds (syntax in remark_kinds.def). */
typedef struct escape_sentence_row {
  escape_remark_kind kind;
  const char *match;
  const char *text;
} escape_sentence_row;

/* Returns the catalog table (indexed by kind) and stores its length in
 * *count. */
const escape_catalog_entry *escape_catalog(size_t *count);

/* Returns the catalog entry of kind; kind must be below ESCAPE_KIND_COUNT. */
const escape_catalog_entry *escape_catalog_kind(escape_remark_kind kind);

/* Returns the catalog entry named name, or NULL. */
const escape_catalog_entry *escape_catalog_find(const char *name);

struct escape_strbuf;
/* Appends every kind's name, in catalog order, separated by ", " (for
 * the messages that list the valid names). */
void escape_catalog_add_names(struct escape_strbuf *out);

/* Returns the catalog entry of remark when it is one of escape's (pass
 * "escape" and a catalog name), else NULL. */
const escape_catalog_entry *escape_catalog_of(const escape_remark *remark);

/* Whether SPEC's default noise policy holds remark (of catalog entry
 * entry, may be NULL) back from printing and the default report: a
 * no-definition NotInlined neither in a loop nor hot, a varargs capture. */
int escape_catalog_is_default_noise(const escape_catalog_entry *entry,
                                    const escape_remark *remark,
                                    int in_loop_or_hot);

/* Returns every sentence row, in catalog order, and stores the count. */
const escape_sentence_row *escape_sentence_rows(size_t *count);

#ifdef __cplusplus
}
#endif

#endif
