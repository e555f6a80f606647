/* The remark model: tags, setters that copy, argument lookup. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
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
      cmocka_unit_test(test_clear_leaves_empty_remark),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
