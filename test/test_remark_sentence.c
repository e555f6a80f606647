/* The one sentence of a remark (common/remark_sentence.c): the catalog's
 * rows chosen by their conditions, optional parts and choices, damaged
 * remarks, args a template leaves out, and composing the YAML args so that
 * their concatenation is the printed text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "escape/remark_catalog.h"
#include "escape/remark_sentence.h"

/* A remark of pass "escape" named name, with key/value pairs (NULL-ended). */
static void make(escape_remark *remark, const char *pass, const char *name,
                 const char *const *pairs) {
  escape_remark_init(remark);
  assert_int_equal(
      escape_remark_set(remark, ESCAPE_REMARK_MISSED, pass, name, "f"), 0);
  for (size_t i = 0; pairs[i]; i += 2)
    assert_int_equal(
        escape_remark_add_arg(remark, pairs[i], pairs[i + 1], NULL), 0);
}

static void assert_sentence(const escape_remark *remark, const char *want) {
  escape_strbuf text;
  escape_strbuf_init(&text);
  escape_remark_message(remark, &text);
  assert_string_equal(text.buf ? text.buf : "", want);
  escape_strbuf_release(&text);
}

/* The concatenation of the args' values. */
static void assert_args_read(const escape_remark *remark, const char *want) {
  escape_strbuf text;
  escape_strbuf_init(&text);
  for (size_t i = 0; i < remark->arg_count; i++)
    escape_strbuf_addstr(&text, remark->args[i].value);
  assert_string_equal(text.buf ? text.buf : "", want);
  escape_strbuf_release(&text);
}

static void reason_picks_the_row(void **state) {
  (void)state;
  const char *stored[] = {"Var", "x", "Reason", "stored", NULL};
  const char *call[] = {"Var", "buf",    "Callee", "fill", "ArgNo",
                        "1",   "Reason", "call",   NULL};
  const char *indirect[] = {"Var", "buf", "ArgNo", "2", "Reason", "call", NULL};
  escape_remark r;
  make(&r, "escape", "LocalEscapes", stored);
  assert_sentence(&r, "'x' escapes: address stored to memory, so it lives in "
                      "memory; store the value instead");
  escape_remark_clear(&r);
  make(&r, "escape", "LocalEscapes", call);
  assert_sentence(&r, "'buf' escapes: address passed to 'fill' (argument 1), "
                      "a call that may keep it, so it lives in memory; pass "
                      "a copy or mark the parameter 'noescape'");
  escape_remark_clear(&r);
  make(&r, "escape", "LocalEscapes", indirect);
  assert_sentence(&r, "'buf' escapes: address passed to an indirect callee "
                      "(argument 2), a call that may keep it, so it lives in "
                      "memory; pass a copy or mark the parameter 'noescape'");
  escape_remark_clear(&r);
}

/* A reason no row names falls to the catch-all row, which still says it. */
static void unknown_reason_is_still_said(void **state) {
  (void)state;
  const char *args[] = {"Param", "p", "Reason", "telepathy", NULL};
  escape_remark r;
  make(&r, "escape", "LeakingParam", args);
  assert_sentence(&r, "leaking param: 'p' is compared or converted, which the "
                      "optimizer counts as a capture (telepathy); callers' "
                      "locals passed here escape");
  escape_remark_clear(&r);
}

/* InFunction (a line-0 remark's place) is said in words wherever it sits,
 * and composing keeps it an arg between the words. */
static void in_function_is_said(void **state) {
  (void)state;
  const char *args[] = {"Callee",    "report",     "Caller", "k", "Reason",
                        "recursive", "InFunction", "k",      NULL};
  escape_remark r;
  make(&r, "escape", "NotInlined", args);
  const char *want = "'report' not inlined into 'k' (recursive): the callee "
                     "is recursive (at no single source line: the optimizer "
                     "merged or made this call in 'k'; shown at its "
                     "definition)";
  assert_sentence(&r, want);
  assert_int_equal(escape_remark_compose(&r), 0);
  assert_args_read(&r, want);
  assert_string_equal(escape_remark_arg(&r, ESCAPE_KEY_IN_FUNCTION), "k");
  escape_remark_clear(&r);
}

static void add_at(escape_remark *r, const char *key, const char *value,
                   const char *file, unsigned line) {
  escape_loc loc = {(char *)file, line, 5};
  assert_int_equal(escape_remark_add_arg(r, key, value, file ? &loc : NULL), 0);
}

/* {=context}: each InlinedFrom level at its call (the file by its last
 * component), up to InlinedInto; {=loop}: where LoopDepth's loop is.
 * Composing keeps every level an arg with its DebugLoc. */
static void context_names_each_level(void **state) {
  (void)state;
  escape_remark r;
  const char *none[] = {NULL};
  make(&r, "escape", "VarargsInLoop", none);
  add_at(&r, "Callee", "sprintf", NULL, 0);
  add_at(&r, "InlinedFrom", "a", "/src/x.c", 10);
  add_at(&r, "InlinedFrom", "b", "/src/y.c", 30);
  add_at(&r, "InlinedInto", "c", NULL, 0);
  add_at(&r, "LoopDepth", "2", "/src/y.c", 28);
  const char *want = "variadic call to 'sprintf' in 'a', inlined into 'b' at "
                     "x.c:10, inlined into 'c' at y.c:30, in a loop (depth 2) "
                     "at y.c:28: arguments go through va_list and the format "
                     "is parsed on every call; format outside the loop or "
                     "write with fputs/fwrite";
  assert_sentence(&r, want);
  assert_int_equal(escape_remark_compose(&r), 0);
  assert_args_read(&r, want);
  size_t levels = 0;
  for (size_t i = 0; i < r.arg_count; i++)
    if (strcmp(r.args[i].key, "InlinedFrom") == 0) {
      assert_non_null(r.args[i].loc.file);
      levels++;
    }
  assert_int_equal(levels, 2);
  escape_remark_clear(&r);
}

/* Without context the group around {=context} says nothing, and a loop
 * without a place is said without one. */
static void no_context_no_words(void **state) {
  (void)state;
  const char *args[] = {"Callee", "malloc", "LoopDepth", "1", NULL};
  escape_remark r;
  make(&r, "escape", "HeapAllocInLoop", args);
  assert_sentence(&r, "'malloc' allocates in a loop (depth 1): allocate once "
                      "outside the loop and reuse, or use a pool");
  escape_remark_clear(&r);
}

/* A kind whose template places no context still says it, at the end. */
static void context_without_a_place_is_said_last(void **state) {
  (void)state;
  const char *args[] = {"Param", "p", "Reason", "stored", NULL};
  escape_remark r;
  make(&r, "escape", "LeakingParam", args);
  add_at(&r, "InlinedFrom", "helper", "x.c", 7);
  add_at(&r, "InlinedInto", "main", NULL, 0);
  assert_sentence(&r, "leaking param: 'p' is stored to memory; callers' "
                      "locals passed here escape; in 'helper', inlined into "
                      "'main' at x.c:7");
  escape_remark_clear(&r);
}

/* A local of inlined code says whose it is right after its name. */
static void local_context_follows_its_name(void **state) {
  (void)state;
  const char *args[] = {"Var", "x", "Reason", "stored", NULL};
  escape_remark r;
  make(&r, "escape", "LocalEscapes", args);
  add_at(&r, "InlinedFrom", "helper", "x.c", 7);
  add_at(&r, "InlinedInto", "main", NULL, 0);
  assert_sentence(&r, "'x' in 'helper', inlined into 'main' at x.c:7, "
                      "escapes: address stored to memory, so it lives in "
                      "memory; store the value instead");
  escape_remark_clear(&r);
}

static void optional_parts_follow_their_args(void **state) {
  (void)state;
  const char *with[] = {"Callee", "c->encode", "LoopDepth", "2", NULL};
  const char *without[] = {NULL};
  escape_remark r;
  make(&r, "escape", "IndirectCallInLoop", with);
  assert_sentence(&r, "indirect call through 'c->encode' in a loop (depth 2) "
                      "was not devirtualized or inlined; hoist the choice of "
                      "target out of the loop");
  escape_remark_clear(&r);
  make(&r, "escape", "IndirectCallInLoop", without);
  assert_sentence(&r, "indirect call in a loop was not devirtualized or "
                      "inlined; hoist the choice of target out of the loop");
  escape_remark_clear(&r);
}

/* A missing key reads '?'; an arg the template does not use is appended,
 * so nothing the YAML holds is left out of the sentence. */
static void damaged_and_extra_args(void **state) {
  (void)state;
  const char *missing[] = {"Reason", "returned", NULL};
  const char *extra[] = {"Var", "v", "Bytes", "8", NULL};
  escape_remark r;
  make(&r, "escape", "LocalEscapes", missing);
  assert_sentence(&r, "'?' escapes: address returned, so it lives in memory; "
                      "return the value instead");
  escape_remark_clear(&r);
  make(&r, "escape", "LocalNoEscape", extra);
  assert_sentence(&r, "'v' does not escape; Bytes: 8");
  escape_remark_clear(&r);
}

/* Other passes' remarks are their args, as LLVM prints them. */
static void foreign_remark_is_its_args(void **state) {
  (void)state;
  const char *args[] = {"String", "loop not vectorized: ", "Reason", "x", NULL};
  escape_remark r;
  make(&r, "loop-vectorize", "MissedDetails", args);
  assert_sentence(&r, "loop not vectorized: x");
  assert_int_equal(escape_remark_compose(&r), 0);
  assert_int_equal(r.arg_count, 2);
  escape_remark_clear(&r);
}

/* The composed args concatenate to the sentence; the named args keep their
 * order and DebugLoc; composing again changes nothing. */
static void compose_spells_out_the_sentence(void **state) {
  (void)state;
  const char *args[] = {"Caller",    "parse", "Reason", "no-definition",
                        "LoopDepth", "1",     NULL};
  escape_remark r;
  escape_remark_init(&r);
  assert_int_equal(escape_remark_set(&r, ESCAPE_REMARK_MISSED, "escape",
                                     "NotInlined", "parse"),
                   0);
  char file[] = "p.c";
  escape_loc loc = {file, 3, 4};
  assert_int_equal(escape_remark_add_arg(&r, "Callee", "more", &loc), 0);
  for (size_t i = 0; args[i]; i += 2)
    assert_int_equal(escape_remark_add_arg(&r, args[i], args[i + 1], NULL), 0);
  const char *want = "'more' not inlined into 'parse' (no-definition): no "
                     "definition in this translation unit; define it static "
                     "inline in a header, or build with -flto; in a loop "
                     "(depth 1)";
  assert_int_equal(escape_remark_compose(&r), 0);
  assert_args_read(&r, want);
  assert_sentence(&r, want);
  size_t count = r.arg_count;
  assert_int_equal(escape_remark_compose(&r), 0);
  assert_int_equal(r.arg_count, count);
  assert_args_read(&r, want);
  const char *order[] = {"Callee", "Caller", "Reason", "LoopDepth"};
  size_t next = 0;
  for (size_t i = 0; i < r.arg_count; i++) {
    if (strcmp(r.args[i].key, "String") == 0)
      continue;
    assert_string_equal(r.args[i].key, order[next++]);
  }
  assert_int_equal(next, 4);
  assert_string_equal(r.args[1].key, "Callee");
  assert_string_equal(r.args[1].loc.file, "p.c");
  /* No two named args touch: "...no-definition1" cannot happen. */
  for (size_t i = 1; i < r.arg_count; i++)
    assert_false(strcmp(r.args[i - 1].key, "String") != 0 &&
                 strcmp(r.args[i].key, "String") != 0);
  escape_remark_clear(&r);
}

/* Every kind has a catch-all row, so every remark of the catalog reads as
 * its own sentence. */
static void every_kind_has_a_catch_all(void **state) {
  (void)state;
  size_t kinds, rows;
  const escape_catalog_entry *catalog = escape_catalog(&kinds);
  const escape_sentence_row *sentences = escape_sentence_rows(&rows);
  for (size_t k = 0; k < kinds; k++) {
    assert_int_equal(catalog[k].kind, (escape_remark_kind)k);
    int found = 0;
    for (size_t i = 0; i < rows; i++)
      found |= sentences[i].kind == catalog[k].kind && !*sentences[i].match;
    assert_true(found);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(reason_picks_the_row),
      cmocka_unit_test(unknown_reason_is_still_said),
      cmocka_unit_test(in_function_is_said),
      cmocka_unit_test(context_names_each_level),
      cmocka_unit_test(no_context_no_words),
      cmocka_unit_test(context_without_a_place_is_said_last),
      cmocka_unit_test(local_context_follows_its_name),
      cmocka_unit_test(optional_parts_follow_their_args),
      cmocka_unit_test(damaged_and_extra_args),
      cmocka_unit_test(foreign_remark_is_its_args),
      cmocka_unit_test(compose_spells_out_the_sentence),
      cmocka_unit_test(every_kind_has_a_catch_all),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
