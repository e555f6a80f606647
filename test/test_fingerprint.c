/* Fingerprints: the same remark keeps its fingerprint when unrelated lines
 * move it, and different remarks get different ones. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fingerprint.h"

static escape_remark make(const char *name, const char *file,
                          const char *function, const char *var,
                          const char *cost) {
  escape_remark remark;
  escape_remark_init(&remark);
  escape_remark_set(&remark, ESCAPE_REMARK_MISSED, "escape", name, function);
  escape_remark_set_loc(&remark, file, 10, 3);
  escape_remark_add_arg(&remark, "Var", var, NULL);
  escape_remark_add_arg(&remark, "String", " escapes", NULL);
  if (cost)
    escape_remark_add_arg(&remark, "Cost", cost, NULL);
  return remark;
}

static void key_args_are_named_and_not_numbers(void **state) {
  (void)state;
  escape_arg var = {"Var", "buf", {0}}, text = {"String", "x", {0}},
             cost = {"Cost", "-15", {0}}, depth = {"LoopDepth", "2", {0}},
             argno = {"ArgNo", "this", {0}};
  assert_true(fingerprint_is_key_arg(&var));
  assert_false(fingerprint_is_key_arg(&text));
  assert_false(fingerprint_is_key_arg(&cost));
  assert_false(fingerprint_is_key_arg(&depth));
  assert_true(fingerprint_is_key_arg(&argno));
}

static void base_ignores_position_and_measurements(void **state) {
  (void)state;
  escape_remark a = make("LocalEscapes", "x.c", "f", "buf", "10");
  escape_remark b = make("LocalEscapes", "x.c", "f", "buf", "99");
  escape_remark_set_loc(&b, "x.c", 250, 7);
  assert_true(fingerprint_base(&a) == fingerprint_base(&b));
  escape_remark others[] = {
      make("LeakingParam", "x.c", "f", "buf", NULL),
      make("LocalEscapes", "y.c", "f", "buf", NULL),
      make("LocalEscapes", "x.c", "g", "buf", NULL),
      make("LocalEscapes", "x.c", "f", "tmp", NULL),
  };
  for (size_t i = 0; i < 4; i++) {
    assert_true(fingerprint_base(&a) != fingerprint_base(&others[i]));
    escape_remark_clear(&others[i]);
  }
  escape_remark_clear(&a);
  escape_remark_clear(&b);
}

/* A flow chain follows the callees' bodies; the finding is the same with
 * or without it (a chain completed across translation units, a callee
 * changed). */
static void base_ignores_flow_chain(void **state) {
  (void)state;
  escape_remark a = make("LocalEscapes", "x.c", "f", "buf", NULL);
  escape_remark b = make("LocalEscapes", "x.c", "f", "buf", NULL);
  escape_loc at = {"util.c", 20, 5};
  escape_remark_add_arg(&b, "Hop", "keep", &at);
  escape_remark_add_arg(&b, "HopArgNo", "this", NULL);
  escape_remark_add_arg(&b, "Store", "global 'g_last'", &at);
  escape_remark_add_arg(&b, "FlowEnd", "returned", &at);
  assert_true(fingerprint_base(&a) == fingerprint_base(&b));
  escape_remark_clear(&a);
  escape_remark_clear(&b);
}

/* Two remarks share a base (same local name in two loops of f); a third
 * is different. Shifting all lines keeps every fingerprint; the numbering
 * follows the order in the function. */
static void occurrence_numbers_follow_position(void **state) {
  (void)state;
  fingerprint_item first = {7, 10, 3, ""}, second = {7, 20, 3, ""},
                   other = {8, 15, 1, ""};
  fingerprint_item *items[] = {&second, &other, &first};
  assert_int_equal(fingerprint_assign(items, 3), 0);
  char before[3][FINGERPRINT_LEN + 1];
  strcpy(before[0], first.text);
  strcpy(before[1], second.text);
  strcpy(before[2], other.text);
  assert_int_equal(strlen(first.text), FINGERPRINT_LEN);
  assert_string_not_equal(first.text, second.text);
  assert_string_not_equal(first.text, other.text);
  first.line += 5, second.line += 5, other.line += 5;
  assert_int_equal(fingerprint_assign(items, 3), 0);
  assert_string_equal(first.text, before[0]);
  assert_string_equal(second.text, before[1]);
  assert_string_equal(other.text, before[2]);
  /* The remark that was first is the one that comes first now. */
  first.line = 30;
  assert_int_equal(fingerprint_assign(items, 3), 0);
  assert_string_equal(second.text, before[0]);
  assert_string_equal(first.text, before[1]);
}

static void empty_list_is_fine(void **state) {
  (void)state;
  assert_int_equal(fingerprint_assign(NULL, 0), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(key_args_are_named_and_not_numbers),
      cmocka_unit_test(base_ignores_position_and_measurements),
      cmocka_unit_test(base_ignores_flow_chain),
      cmocka_unit_test(occurrence_numbers_follow_position),
      cmocka_unit_test(empty_list_is_fine),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
