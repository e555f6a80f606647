/* The remark set: deduplication by identity across translation units,
 * merging in input order, sorting and fingerprints. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "remark_set.h"

static escape_remark make(const char *name, const char *file, unsigned line,
                          const char *var, const char *cost) {
  escape_remark remark;
  escape_remark_init(&remark);
  escape_remark_set(&remark, ESCAPE_REMARK_MISSED, "escape", name, "f");
  if (file)
    escape_remark_set_loc(&remark, file, line, 2);
  escape_remark_add_arg(&remark, "Var", var, NULL);
  if (cost)
    escape_remark_add_arg(&remark, "Cost", cost, NULL);
  return remark;
}

/* A header remark from three translation units, one of them twice. */
static void counts_translation_units(void **state) {
  (void)state;
  remark_set set;
  remark_set_init(&set);
  escape_remark header = make("LocalEscapes", "h.h", 3, "buf", "5");
  escape_remark same_but_cost = make("LocalEscapes", "h.h", 3, "buf", "7");
  escape_remark other_var = make("LocalEscapes", "h.h", 3, "tmp", NULL);
  assert_int_equal(remark_set_add(&set, &header, "m", 0), 0);
  assert_int_equal(remark_set_add(&set, &header, "m", 0), 0);
  assert_int_equal(remark_set_add(&set, &same_but_cost, "m", 1), 0);
  assert_int_equal(remark_set_add(&set, &header, "m", 2), 0);
  assert_int_equal(remark_set_add(&set, &other_var, "m", 2), 0);
  assert_int_equal(set.count, 2);
  assert_int_equal(set.entries[0]->tu_count, 3);
  assert_int_equal(set.entries[1]->tu_count, 1);
  /* The first one seen is the one kept. */
  assert_string_equal(escape_remark_arg(&set.entries[0]->remark, "Cost"), "5");
  remark_set_release(&set);
  escape_remark_clear(&header);
  escape_remark_clear(&same_but_cost);
  escape_remark_clear(&other_var);
}

/* Many entries make the index grow; every one is found again. */
static void index_grows(void **state) {
  (void)state;
  remark_set set;
  remark_set_init(&set);
  char var[32];
  for (int round = 0; round < 2; round++)
    for (unsigned i = 0; i < 5000; i++) {
      snprintf(var, sizeof var, "v%u", i);
      escape_remark remark = make("LocalEscapes", "x.c", i + 1, var, NULL);
      assert_int_equal(remark_set_add(&set, &remark, "m", (size_t)round), 0);
      escape_remark_clear(&remark);
    }
  assert_int_equal(set.count, 5000);
  for (size_t i = 0; i < set.count; i++)
    assert_int_equal(set.entries[i]->tu_count, 2);
  remark_set_release(&set);
}

/* Two ranges of one file (input 0) and one other file (input 1). */
static void merges_in_input_order(void **state) {
  (void)state;
  remark_set all, part1, part2, other;
  remark_set_init(&all);
  remark_set_init(&part1);
  remark_set_init(&part2);
  remark_set_init(&other);
  escape_remark a = make("LocalEscapes", "h.h", 3, "buf", NULL);
  escape_remark b = make("LeakingParam", "x.c", 9, "p", NULL);
  remark_set_add(&part1, &a, "m", 0);
  remark_set_add(&part2, &a, "m", 0);
  remark_set_add(&part2, &b, "m", 0);
  remark_set_add(&other, &a, "m", 1);
  assert_int_equal(remark_set_merge(&all, &part1, 0), 0);
  assert_int_equal(remark_set_merge(&all, &part2, 0), 0);
  assert_int_equal(remark_set_merge(&all, &other, 1), 0);
  assert_int_equal(part1.count + part2.count + other.count, 0);
  assert_int_equal(all.count, 2);
  assert_int_equal(remark_set_finish(&all), 0);
  /* Sorted by file: h.h before x.c. */
  assert_string_equal(all.entries[0]->remark.loc.file, "h.h");
  assert_int_equal(all.entries[0]->tu_count, 2);
  assert_int_equal(all.entries[1]->tu_count, 1);
  assert_int_equal(strlen(all.entries[0]->fingerprint.text), 16);
  remark_set_release(&all);
  escape_remark_clear(&a);
  escape_remark_clear(&b);
}

/* Without a file, the function tells remarks apart; they sort last. */
static void remarks_without_location(void **state) {
  (void)state;
  remark_set set;
  remark_set_init(&set);
  escape_remark f = make("LocalEscapes", NULL, 0, "w", NULL);
  escape_remark g = make("LocalEscapes", NULL, 0, "w", NULL);
  escape_remark located = make("LocalEscapes", "z.c", 1, "w", NULL);
  escape_remark_set(&g, ESCAPE_REMARK_MISSED, "escape", "LocalEscapes", "g");
  remark_set_add(&set, &g, "m", 0);
  remark_set_add(&set, &f, "m", 0);
  remark_set_add(&set, &located, "m", 0);
  assert_int_equal(set.count, 3);
  assert_int_equal(remark_set_finish(&set), 0);
  assert_string_equal(set.entries[0]->remark.loc.file, "z.c");
  assert_string_equal(set.entries[1]->remark.function, "f");
  assert_string_equal(set.entries[2]->remark.function, "g");
  remark_set_release(&set);
  escape_remark_clear(&f);
  escape_remark_clear(&g);
  escape_remark_clear(&located);
}

static void heat_orders_hottest_first(void **state) {
  (void)state;
  remark_set set;
  remark_set_init(&set);
  escape_remark cold = make("HeapAllocInLoop", "a.c", 1, "x", NULL);
  escape_remark loop = make("HeapAllocInLoop", "a.c", 2, "x", NULL);
  escape_remark deep = make("HeapAllocInLoop", "a.c", 3, "x", NULL);
  escape_remark profiled = make("HeapAllocInLoop", "a.c", 4, "x", NULL);
  escape_remark_add_arg(&loop, "LoopDepth", "1", NULL);
  escape_remark_add_arg(&deep, "LoopDepth", "3", NULL);
  profiled.has_hotness = 1;
  profiled.hotness = 100;
  escape_remark *all[] = {&cold, &loop, &deep, &profiled};
  for (size_t i = 0; i < 4; i++)
    remark_set_add(&set, all[i], "m", 0);
  assert_int_equal(remark_set_finish(&set), 0); /* assigns the costs */
  qsort(set.entries, set.count, sizeof *set.entries, remark_entry_compare_heat);
  assert_int_equal(set.entries[0]->remark.loc.line, 4);
  assert_int_equal(set.entries[1]->remark.loc.line, 3);
  assert_int_equal(set.entries[2]->remark.loc.line, 2);
  assert_int_equal(set.entries[3]->remark.loc.line, 1);
  assert_int_equal(set.entries[1]->loop_depth, 3);
  remark_set_release(&set);
  for (size_t i = 0; i < 4; i++)
    escape_remark_clear(all[i]);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(counts_translation_units),
      cmocka_unit_test(index_grows),
      cmocka_unit_test(merges_in_input_order),
      cmocka_unit_test(remarks_without_location),
      cmocka_unit_test(heat_orders_hottest_first),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
