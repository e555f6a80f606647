/* The remark model: tags, setters that copy, argument lookup and growth. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "escape/remark.h"

static void test_tags_round_trip(void **state) {
  (void)state;
  const escape_remark_type types[] = {ESCAPE_REMARK_PASSED,
                                      ESCAPE_REMARK_MISSED,
                                      ESCAPE_REMARK_ANALYSIS,
                                      ESCAPE_REMARK_FAILURE,
                                      ESCAPE_REMARK_ANALYSIS_FP_COMMUTE,
                                      ESCAPE_REMARK_ANALYSIS_ALIASING};
  for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
    escape_remark_type parsed;
    const char *tag = escape_remark_type_tag(types[i]);
    assert_int_equal(escape_remark_type_from_tag(tag, &parsed), 0);
    assert_int_equal(parsed, types[i]);
  }
  assert_string_equal(escape_remark_type_tag(ESCAPE_REMARK_MISSED), "Missed");
}

static void test_unknown_tag_is_rejected(void **state) {
  (void)state;
  escape_remark_type parsed;
  assert_int_equal(escape_remark_type_from_tag("Bogus", &parsed), -1);
  assert_int_equal(escape_remark_type_from_tag("!Missed", &parsed), -1);
  assert_int_equal(escape_remark_type_from_tag("", &parsed), -1);
}

static void test_setters_copy_strings(void **state) {
  (void)state;
  char pass[] = "escape", file[] = "x.c", key[] = "Var", value[] = "buf";
  escape_remark remark;
  escape_remark_init(&remark);
  assert_int_equal(escape_remark_set(&remark, ESCAPE_REMARK_MISSED, pass,
                                     "LocalEscapes", "parse"),
                   0);
  assert_int_equal(escape_remark_set_loc(&remark, file, 10, 8), 0);
  escape_loc loc = {file, 12, 3};
  assert_int_equal(escape_remark_add_arg(&remark, key, value, &loc), 0);
  assert_int_equal(escape_remark_add_arg(&remark, "ArgNo", "1", NULL), 0);
  pass[0] = file[0] = key[0] = value[0] = '#';
  assert_string_equal(remark.pass, "escape");
  assert_string_equal(remark.loc.file, "x.c");
  assert_int_equal(remark.loc.line, 10);
  assert_int_equal(remark.loc.column, 8);
  assert_int_equal(remark.arg_count, 2);
  assert_string_equal(remark.args[0].key, "Var");
  assert_string_equal(remark.args[0].loc.file, "x.c");
  assert_int_equal(remark.args[0].loc.line, 12);
  assert_null(remark.args[1].loc.file);
  escape_remark_clear(&remark);
}

static void test_arg_lookup(void **state) {
  (void)state;
  escape_remark remark;
  escape_remark_init(&remark);
  escape_remark_add_arg(&remark, "String", "a", NULL);
  escape_remark_add_arg(&remark, "Callee", "fill", NULL);
  escape_remark_add_arg(&remark, "Callee", "second", NULL);
  assert_string_equal(escape_remark_arg(&remark, "Callee"), "fill");
  assert_null(escape_remark_arg(&remark, "Var"));
  escape_remark_clear(&remark);
}

/* The arg array grows in doublings: every arg stays where it was put, past
 * each growth, and a taken arg keeps its very strings. */
static void test_many_args_and_a_taken_one(void **state) {
  (void)state;
  escape_remark remark;
  escape_remark_init(&remark);
  char key[16], value[16];
  for (int i = 0; i < 33; i++) {
    snprintf(key, sizeof key, "K%d", i);
    snprintf(value, sizeof value, "v%d", i);
    escape_loc loc = {key, (unsigned)i, 1};
    assert_int_equal(escape_remark_add_arg(&remark, key, value, &loc), 0);
  }
  char *taken_key = strdup("Taken"), *taken_value = strdup("t");
  escape_arg taken = {taken_key, taken_value, {NULL, 0, 0}};
  assert_int_equal(escape_remark_take_arg(&remark, &taken), 0);
  assert_int_equal(remark.arg_count, 34);
  for (int i = 0; i < 33; i++) {
    snprintf(key, sizeof key, "K%d", i);
    snprintf(value, sizeof value, "v%d", i);
    assert_string_equal(remark.args[i].key, key);
    assert_string_equal(remark.args[i].value, value);
    assert_string_equal(remark.args[i].loc.file, key);
    assert_int_equal(remark.args[i].loc.line, i);
  }
  assert_ptr_equal(remark.args[33].key, taken_key);
  assert_ptr_equal(remark.args[33].value, taken_value);
  escape_remark_clear(&remark); /* frees the taken strings too */
}

static void test_clear_leaves_empty_remark(void **state) {
  (void)state;
  escape_remark remark;
  escape_remark_init(&remark);
  escape_remark_set(&remark, ESCAPE_REMARK_PASSED, "p", "n", NULL);
  escape_remark_set(&remark, ESCAPE_REMARK_ANALYSIS, "p2", "n2", "f");
  assert_int_equal(remark.type, ESCAPE_REMARK_ANALYSIS);
  assert_string_equal(remark.pass, "p2");
  escape_remark_add_arg(&remark, "K", NULL, NULL);
  assert_string_equal(remark.args[0].value, "");
  escape_remark_clear(&remark);
  assert_null(remark.pass);
  assert_null(remark.args);
  assert_int_equal(remark.arg_count, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_tags_round_trip),
      cmocka_unit_test(test_unknown_tag_is_rejected),
      cmocka_unit_test(test_setters_copy_strings),
      cmocka_unit_test(test_arg_lookup),
      cmocka_unit_test(test_many_args_and_a_taken_one),
      cmocka_unit_test(test_clear_leaves_empty_remark),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
