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
      {"HeapPromoted", ESCAPE_REMARK_MISSED, 0, "the local's declaration",
       "Var, Reason", "a local lives in heap memory instead of on the stack",
       "The compiler had to put the local into memory that is allocated on "
       "the heap. Reason coroutine-frame: in a C++20 coroutine, the local "
       "lives across a suspend point (co_await, co_yield), so it is stored "
       "in the coroutine frame, which operator new allocates because the "
       "optimizer could not elide the allocation. Reason block: a __block "
       "variable (-fblocks) is moved to the heap when a block that captures "
       "it is copied (reported when a block capturing it may escape). This "
       "is Go's 'moved to heap'. Coroutine locals are named when they kept "
       "a stack slot until CoroSplit (their address is taken); locals the "
       "optimizer had already put in registers are spilled into the frame "
       "as values that cannot be named without debug variables.",
       "task<int> sum(reader &r) {\n"
       "  int total = 0;                /* lives across co_await: heap */\n"
       "  while (auto v = co_await r.next())\n"
       "    total += *v;\n"
       "  co_return total;\n"
       "}\n",
       "/* keep state that crosses suspend points small, or compute it after\n"
       "   the last co_await; make the coroutine's lifetime visible to the\n"
       "   caller (awaited directly) so the frame allocation can be elided "
       "*/\n"},
      {"HeapToStack", ESCAPE_REMARK_MISSED, 0, "the allocation call",
       "Callee, Bytes",
       "a small heap allocation never leaves the function: it could be a "
       "stack object",
       "malloc, calloc, aligned_alloc or operator new of a constant size "
       "(up to 4096 bytes; -fplugin-arg-escape-heap-limit=N changes it) "
       "whose pointer is never captured (only read, written and passed to "
       "functions that do not keep it) and that is freed on every path out "
       "of the function. A stack array or a local object gives the same "
       "behaviour without the allocator's cost and without the risk of a "
       "leak. Allocations the optimizer already removed are not reported.",
       "void print_id(int id) {\n"
       "  char *buf = malloc(64);        /* HeapToStack: 64 bytes */\n"
       "  snprintf(buf, 64, \"#%d\", id);\n"
       "  puts(buf);\n"
       "  free(buf);\n"
       "}\n",
       "void print_id(int id) {\n"
       "  char buf[64];\n"
       "  snprintf(buf, sizeof buf, \"#%d\", id);\n"
       "  puts(buf);\n"
       "}\n"},
      {"HeapAllocInLoop", ESCAPE_REMARK_MISSED, 0, "the call",
       "Callee, LoopDepth", "memory is allocated inside a loop",
       "malloc, calloc, realloc, strdup, strndup, aligned_alloc or operator "
       "new is called on every iteration (LoopDepth is the loop nesting "
       "depth). Each call costs an allocator round trip and often a free "
       "later. For realloc growing the same buffer, the buffer grows one "
       "step at a time: pre-size it or grow it geometrically. Otherwise "
       "allocate once before the loop and reuse the memory, or use a pool.",
       "for (size_t i = 0; i < n; i++) {\n"
       "  char *line = malloc(len + 1);  /* HeapAllocInLoop */\n"
       "  render(line, items[i]);\n"
       "  emit(line);\n"
       "  free(line);\n"
       "}\n",
       "char *line = malloc(len + 1);\n"
       "for (size_t i = 0; i < n; i++) {\n"
       "  render(line, items[i]);\n"
       "  emit(line);\n"
       "}\n"
       "free(line);\n"},
      {"VarargsInLoop", ESCAPE_REMARK_MISSED, 0, "the call",
       "Callee, LoopDepth",
       "a variadic function (printf family, own log(fmt, ...)) is called in "
       "a loop",
       "Arguments of a variadic call go through a va_list, a format string "
       "is parsed again on every call, and the call cannot be inlined: "
       "C's equivalent of Go's boxing of fmt arguments. In a hot loop, "
       "write with fputs/fwrite or a small non-variadic formatter, or "
       "format once outside the loop. glibc's redirections (__printf_chk, "
       "__isoc99_sscanf) are shown by their source names.",
       "for (int i = 0; i < n; i++)\n"
       "  printf(\"%d\\n\", v[i]);          /* VarargsInLoop */\n",
       "char buf[16];\n"
       "for (int i = 0; i < n; i++) {\n"
       "  size_t len = format_int(buf, v[i]); /* no format parsing */\n"
       "  buf[len++] = '\\n';\n"
       "  fwrite(buf, 1, len, stdout);\n"
       "}\n"},
      {"IndirectCallInLoop", ESCAPE_REMARK_MISSED, 0, "the call",
       "LoopDepth, Callee",
       "a call through a function pointer or a virtual call is left inside "
       "a loop",
       "The optimizer could not turn the call into a direct one "
       "(devirtualize it, or propagate the function pointer), so it can "
       "neither inline it nor optimize across it, and the indirect branch "
       "costs a prediction on every iteration. Callee names the "
       "function-pointer expression (C) or the virtual member function "
       "(C++) when the source shows it.",
       "for (size_t i = 0; i < n; i++)\n"
       "  out[i] = op(in[i]);           /* op is a parameter: indirect */\n",
       "/* hoist the choice out of the loop: one loop per known operation,\n"
       "   or make the operation a static inline function the caller\n"
       "   passes by name (a macro or a switch outside the loop) */\n"
       "switch (kind) {\n"
       "case SCALE: for (size_t i = 0; i < n; i++) out[i] = scale(in[i]); "
       "break;\n"
       "case CLAMP: for (size_t i = 0; i < n; i++) out[i] = clamp(in[i]); "
       "break;\n"
       "}\n"},
      {"Inlined", ESCAPE_REMARK_PASSED, 1, "the call site",
       "Callee, Caller, Cost, Threshold, Detail, LoopDepth",
       "a call was inlined",
       "The inliner copied the callee's body into the caller at this call "
       "site. Cost and Threshold are the inliner's own numbers; an "
       "always_inline callee has none (Detail says why it was inlined). "
       "Shown only with -fplugin-arg-escape-verbose, like Go's -m 'inlining "
       "call to'.",
       "static int sq(int x) { return x * x; }\n"
       "int f(int y) { return sq(y) + 1; }  /* 'sq' inlined into 'f' */\n",
       "/* nothing to fix */\n"},
      {"NotInlined", ESCAPE_REMARK_MISSED, 0, "the call site",
       "Callee, Caller, Reason, Cost, Threshold, Detail, LoopDepth",
       "a call was not inlined, and why",
       "The inliner kept the call. Reason is too-costly (Cost exceeded "
       "Threshold; within 25% is a near miss), noinline-attribute, "
       "no-definition (the body is in another translation unit: define it "
       "static inline in a header, or build with -flto), recursive, "
       "indirect, varargs (the callee uses va_start), optnone (the caller "
       "is optnone), interposable (the definition may be replaced at link "
       "time: make it static, or build with -fno-semantic-interposition), "
       "conflicting-attributes (target features, sanitizers), or other; "
       "Detail carries the compiler's own text. Calls to functions declared "
       "only in system headers are not reported. LoopDepth is set when the "
       "call sits in a loop.",
       "int parse_item(struct parser *p);  /* defined in item.c */\n"
       "int parse(struct parser *p) {\n"
       "  while (more(p))\n"
       "    parse_item(p);                  /* NotInlined: no-definition */\n"
       "  return 0;\n"
       "}\n",
       "/* item.h: the body where every caller sees it */\n"
       "static inline int parse_item(struct parser *p) { ... }\n"
       "/* or keep it in item.c and build with -flto */\n"},
      {"Assertion", ESCAPE_REMARK_ANALYSIS, 0, "the assertion's line",
       "Assertion, State, Detail",
       "a source assertion (// escape: inline|noescape|noalloc) and its state",
       "Not a finding: the record of a `// escape:` comment or an "
       "`annotate(\"escape: inline\")` attribute that locks an optimization "
       "in. State is held (!Passed), violated (!Missed; the compile failed "
       "with an error naming the verdict, which Detail repeats) or stale "
       "(!Analysis; nothing on that line to check, and Detail says why). "
       "Left out of reports unless --assertions is given; see "
       "docs/assertions.md.",
       "static int sq(int x) { return x * x; }\n"
       "int f(int y) {\n"
       "  return sq(y) + 1; // escape: inline\n"
       "}\n",
       "/* nothing to fix while it holds; when violated, restore what made\n"
       "   the optimizer decide as asserted, or drop the assertion */\n"},
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
