/* The join across translation units done by remark_set_finish
 * (remark_join.h): chains completed from another TU's Definition record and
 * LeakingParam, by linkage name and argument number; ambiguous and missing
 * definitions not joined; cycles cut; NotInlined told where the callee is;
 * the records taken out; fingerprints unchanged. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "escape/remark_catalog.h"
#include "remark_join.h"
#include "remark_set.h"

static escape_loc at(const char *file, unsigned line, unsigned column) {
  return (escape_loc){(char *)file, line, column};
}

/* A record of function defined at file:line with its lists (NULL: none). */
static void add_definition(remark_set *set, const char *function,
                           const char *file, unsigned line,
                           const char *instructions, const char *no_escape,
                           const char *leaks, size_t input) {
  escape_remark r;
  escape_remark_init(&r);
  escape_remark_set(&r, ESCAPE_REMARK_ANALYSIS, "escape", "Definition",
                    function);
  escape_remark_set_loc(&r, file, line, 6);
  escape_remark_add_arg(&r, "Instructions", instructions, NULL);
  if (no_escape)
    escape_remark_add_arg(&r, "NoEscape", no_escape, NULL);
  if (leaks)
    escape_remark_add_arg(&r, "Leaks", leaks, NULL);
  assert_int_equal(remark_set_add(set, &r, "record", input), 0);
  escape_remark_clear(&r);
}

/* A remark captured by a call to callee (argument argno) at file:line;
 * name is LocalEscapes (var) or LeakingParam (param). */
static escape_remark via_call(const char *name, const char *function,
                              const char *file, unsigned line, const char *var,
                              const char *callee, const char *argno) {
  escape_remark r;
  escape_remark_init(&r);
  int local = strcmp(name, "LocalEscapes") == 0;
  escape_remark_set(&r, local ? ESCAPE_REMARK_MISSED : ESCAPE_REMARK_ANALYSIS,
                    "escape", name, function);
  escape_remark_set_loc(&r, file, line, 8);
  escape_loc decl = at(file, line, 8), call = at(file, line + 1, 3);
  escape_remark_add_arg(&r, local ? "Var" : "Param", var, &decl);
  escape_remark_add_arg(&r, "Callee", callee, &call);
  escape_remark_add_arg(&r, "ArgNo", argno, NULL);
  escape_remark_add_arg(&r, "Reason", "call", &call);
  return r;
}

static void add(remark_set *set, escape_remark *r, size_t input) {
  assert_int_equal(remark_set_add(set, r, "message", input), 0);
  escape_remark_clear(r);
}

static const remark_entry *find_entry(const remark_set *set, const char *name,
                                      const char *function) {
  for (size_t i = 0; i < set->count; i++)
    if (strcmp(set->entries[i]->remark.name, name) == 0 &&
        strcmp(set->entries[i]->remark.function, function) == 0)
      return set->entries[i];
  return NULL;
}

static void a_callee_that_keeps_nothing_is_said_loudly(void **state) {
  (void)state;
  remark_set set;
  remark_set_init(&set);
  escape_remark local =
      via_call("LocalEscapes", "parse", "main.c", 10, "buf", "fill", "1");
  add(&set, &local, 0);
  add_definition(&set, "fill", "util.c", 12, "3", "1", NULL, 1);
  assert_int_equal(remark_set_finish(&set), 0);
  assert_int_equal(set.count, 1); /* the record is gone */
  const remark_entry *e = find_entry(&set, "LocalEscapes", "parse");
  assert_non_null(e);
  assert_string_equal(escape_remark_arg(&e->remark, "Defined"), "util.c:12");
  assert_string_equal(escape_remark_arg(&e->remark, "FlowEnd"), "nothing");
  assert_non_null(strstr(e->message, "'fill' (argument 1), defined in "
                                     "util.c:12 (another translation unit), "
                                     "which keeps nothing"));
  assert_non_null(strstr(e->message, "build with -flto=thin"));
  remark_set_release(&set);
}

/* The fingerprint of a remark in a set without the other TU. */
static void fingerprint_alone(char out[FINGERPRINT_LEN + 1]) {
  remark_set set;
  remark_set_init(&set);
  escape_remark local =
      via_call("LocalEscapes", "parse", "main.c", 10, "buf", "keep", "2");
  add(&set, &local, 0);
  assert_int_equal(remark_set_finish(&set), 0);
  memcpy(out, set.entries[0]->fingerprint.text, FINGERPRINT_LEN + 1);
  assert_null(escape_remark_arg(&set.entries[0]->remark, "Defined"));
  remark_set_release(&set);
}

static void a_leak_elsewhere_continues_the_chain(void **state) {
  (void)state;
  char alone[FINGERPRINT_LEN + 1];
  fingerprint_alone(alone);
  remark_set set;
  remark_set_init(&set);
  escape_remark local =
      via_call("LocalEscapes", "parse", "main.c", 10, "buf", "keep", "2");
  add(&set, &local, 0);
  add_definition(&set, "keep", "util.c", 20, "4", "1", "2=p", 1);
  escape_remark leak;
  escape_remark_init(&leak);
  escape_remark_set(&leak, ESCAPE_REMARK_ANALYSIS, "escape", "LeakingParam",
                    "keep");
  escape_remark_set_loc(&leak, "util.c", 20, 25);
  escape_loc decl = at("util.c", 20, 25), store = at("util.c", 21, 9);
  escape_remark_add_arg(&leak, "Param", "p", &decl);
  escape_remark_add_arg(&leak, "Reason", "stored", &store);
  add(&set, &leak, 1);
  assert_int_equal(remark_set_finish(&set), 0);
  const remark_entry *e = find_entry(&set, "LocalEscapes", "parse");
  assert_non_null(e);
  assert_non_null(strstr(e->message, "'keep' (argument 2), defined in "
                                     "util.c:20 (another translation unit), "
                                     "which stores it into memory at "
                                     "util.c:21"));
  const escape_arg *stored = NULL;
  for (size_t i = 0; i < e->remark.arg_count; i++)
    if (strcmp(e->remark.args[i].key, "Store") == 0)
      stored = &e->remark.args[i];
  assert_non_null(stored);
  assert_int_equal(stored->loc.line, 21);
  /* Completing the chain changes no fingerprint. */
  assert_string_equal(e->fingerprint.text, alone);
  remark_set_release(&set);
}

static void ambiguous_or_unrecorded_is_not_joined(void **state) {
  (void)state;
  remark_set set;
  remark_set_init(&set);
  escape_remark a =
      via_call("LocalEscapes", "f", "main.c", 10, "buf", "twice", "1");
  escape_remark b =
      via_call("LocalEscapes", "g", "main.c", 20, "buf", "fill", "1");
  escape_remark c =
      via_call("LocalEscapes", "h", "main.c", 30, "buf", "nowhere", "1");
  add(&set, &a, 0);
  add(&set, &b, 0);
  add(&set, &c, 0);
  /* Two definitions of one name (two programs): which one is unknown. */
  add_definition(&set, "twice", "one.c", 3, "2", "1", NULL, 1);
  add_definition(&set, "twice", "two.c", 7, "2", "1", NULL, 2);
  /* fill's argument 1 is not a pointer it recorded ('this', unnamed). */
  add_definition(&set, "fill", "util.c", 5, "2", "2", NULL, 1);
  assert_int_equal(remark_set_finish(&set), 0);
  assert_int_equal(set.count, 3);
  for (size_t i = 0; i < set.count; i++) {
    assert_null(escape_remark_arg(&set.entries[i]->remark, "Defined"));
    assert_string_equal(set.entries[i]->message, "message");
  }
  remark_set_release(&set);
}

static void a_cycle_across_units_is_cut(void **state) {
  (void)state;
  remark_set set;
  remark_set_init(&set);
  escape_remark ping =
      via_call("LeakingParam", "ping", "main.c", 10, "p", "pong", "1");
  escape_remark pong =
      via_call("LeakingParam", "pong", "util.c", 40, "p", "ping", "1");
  add(&set, &ping, 0);
  add(&set, &pong, 1);
  add_definition(&set, "ping", "main.c", 10, "2", NULL, "1=p", 0);
  add_definition(&set, "pong", "util.c", 40, "2", NULL, "1=p", 1);
  assert_int_equal(remark_set_finish(&set), 0);
  const remark_entry *e = find_entry(&set, "LeakingParam", "ping");
  assert_non_null(e);
  assert_string_equal(escape_remark_arg(&e->remark, "Hop"), "ping");
  assert_string_equal(escape_remark_arg(&e->remark, "FlowEnd"), "cycle");
  assert_non_null(strstr(e->message, "which leads back into a cycle (chain "
                                     "cut)"));
  remark_set_release(&set);
}

static escape_remark no_definition(const char *callee, unsigned line) {
  escape_remark r;
  escape_remark_init(&r);
  escape_remark_set(&r, ESCAPE_REMARK_MISSED, "escape", "NotInlined", "main");
  escape_remark_set_loc(&r, "main.c", line, 3);
  escape_remark_add_arg(&r, "Callee", callee, NULL);
  escape_remark_add_arg(&r, "Caller", "main", NULL);
  escape_remark_add_arg(&r, "Reason", "no-definition", NULL);
  return r;
}

static void not_inlined_says_where_and_what_fits(void **state) {
  (void)state;
  remark_set set;
  remark_set_init(&set);
  escape_remark small = no_definition("small", 5);
  escape_remark large = no_definition("large", 6);
  escape_remark none = no_definition("nowhere", 7);
  add(&set, &small, 0);
  add(&set, &large, 0);
  add(&set, &none, 0);
  add_definition(&set, "small", "lib/a.c", 12, "9", NULL, NULL, 1);
  add_definition(&set, "large", "lib/b.c", 1234, "400", NULL, NULL, 1);
  assert_int_equal(remark_set_finish(&set), 0);
  assert_int_equal(set.count, 3);
  assert_string_equal(set.entries[0]->message,
                      "'small' not inlined into 'main' (no-definition): "
                      "defined in lib/a.c:12 (another translation unit): "
                      "-flto=thin can inline it, or, as it is small (9 IR "
                      "instructions), move it into a header as 'static "
                      "inline'");
  assert_string_equal(set.entries[1]->message,
                      "'large' not inlined into 'main' (no-definition): "
                      "defined in lib/b.c:1234 (another translation unit): "
                      "-flto=thin can inline it");
  assert_string_equal(set.entries[2]->message, "message");
  remark_set_release(&set);
}

/* libexpat's xmltok_ns.c, included twice: XmlGetUtf8InternalEncoding and
 * ...NS are defined at one place, and are two definitions. */
static void two_functions_at_one_place_are_two(void **state) {
  (void)state;
  remark_set set;
  remark_set_init(&set);
  escape_remark plain = no_definition("Get", 5);
  escape_remark ns = no_definition("GetNS", 6);
  add(&set, &plain, 0);
  add(&set, &ns, 0);
  add_definition(&set, "Get", "ns.c", 9, "1", NULL, NULL, 1);
  add_definition(&set, "GetNS", "ns.c", 9, "1", NULL, NULL, 1);
  assert_int_equal(remark_set_finish(&set), 0);
  assert_int_equal(set.count, 2);
  for (size_t i = 0; i < set.count; i++)
    assert_string_equal(escape_remark_arg(&set.entries[i]->remark, "Defined"),
                        "ns.c:9");
  remark_set_release(&set);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(a_callee_that_keeps_nothing_is_said_loudly),
      cmocka_unit_test(a_leak_elsewhere_continues_the_chain),
      cmocka_unit_test(ambiguous_or_unrecorded_is_not_joined),
      cmocka_unit_test(a_cycle_across_units_is_cut),
      cmocka_unit_test(not_inlined_says_where_and_what_fits),
      cmocka_unit_test(two_functions_at_one_place_are_two),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
