/* The remark catalog: the one table that names escape's remark kinds, their
 * YAML argument keys, and the text `escape explain` and docs/remarks.md show.
 * Adding a remark kind is one row here plus its analysis in plugin/. */
#ifndef ESCAPE_REMARK_CATALOG_H
#define ESCAPE_REMARK_CATALOG_H

#include <stddef.h>
#include <string.h>

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

typedef struct escape_catalog_entry {
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

/* Returns the catalog table and stores its length in *count. */
static inline const escape_catalog_entry *escape_catalog(size_t *count) {
  static const escape_catalog_entry table[] = {
      {"LocalEscapes", ESCAPE_REMARK_MISSED, 0, "the local's declaration",
       "Var, Reason, Callee, ArgNo",
       "a local's address is captured, so the local lives in memory",
       "After optimization the local still has its own stack slot and its "
       "address leaves the optimizer's sight: it is passed to a call that may "
       "keep it (Reason call, with Callee and ArgNo), stored to memory "
       "(stored), returned (returned), given to inline asm (asm), or "
       "converted in a way the optimizer cannot follow (other). Every read "
       "after such a call must reload it from memory and it cannot live in a "
       "register. This is Go's 'moved to heap' for C: the value stays in "
       "memory because its address escaped.",
       "void fill(char *p);            /* defined elsewhere */\n"
       "int parse(void) {\n"
       "  char buf[64];                  /* 'buf' escapes */\n"
       "  fill(buf);\n"
       "  return buf[0];\n"
       "}\n",
       "void fill(char *__attribute__((noescape)) p); /* promise: not kept */\n"
       "/* or make fill visible (static inline in a header, or -flto) so the\n"
       "   optimizer sees that it does not keep the pointer */\n"},
      {"LocalNoEscape", ESCAPE_REMARK_PASSED, 1, "the local's declaration",
       "Var", "a local's address is taken but does not escape",
       "The local's address is used, but only by code that does not keep it "
       "(loads, stores through it, calls whose parameter does not capture). "
       "The optimizer can keep it private and often in registers. Shown only "
       "with -fplugin-arg-escape-verbose, like Go's -m=2 'does not escape'.",
       "void show(const int *p) __attribute__((noescape));\n"
       "int f(int x) { show(&x); return x; }\n",
       "/* nothing to fix: 'x' does not escape */\n"},
      {"LeakingParam", ESCAPE_REMARK_ANALYSIS, 0, "the parameter's declaration",
       "Param, Reason, Callee, ArgNo",
       "a pointer parameter is captured by the function",
       "The function keeps the pointer it was given: it stores it to memory "
       "(Reason stored), returns it (returned), or passes it to a call that "
       "may keep it (call, with Callee and ArgNo; ArgNo is 'this' when it "
       "is the object of a C++ member call); rarely asm or other. Every "
       "caller that passes the address of a local here makes that local "
       "escape. Go calls this 'leaking param'.",
       "static int *last;\n"
       "void remember(int *p) { last = p; }  /* leaking param: 'p' */\n",
       "static int last;\n"
       "void remember(const int *p) { last = *p; }  /* keep the value */\n"},
      {"ParamNoEscape", ESCAPE_REMARK_PASSED, 1, "the parameter's declaration",
       "Param", "a pointer parameter does not escape",
       "The function only reads or writes through the pointer and never "
       "keeps it, so callers may pass the address of a local without making "
       "it escape. Shown only with -fplugin-arg-escape-verbose.",
       "int sum(const int *v, int n);   /* 'v' does not escape */\n",
       "/* nothing to fix */\n"},
  };
  *count = sizeof table / sizeof table[0];
  return table;
}

/* Returns the catalog entry named name, or NULL. */
static inline const escape_catalog_entry *
escape_catalog_find(const char *name) {
  size_t count;
  const escape_catalog_entry *table = escape_catalog(&count);
  for (size_t i = 0; i < count; i++)
    if (strcmp(table[i].name, name) == 0)
      return &table[i];
  return NULL;
}

#ifdef __cplusplus
}
#endif

#endif
