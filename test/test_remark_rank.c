/* Ranking, grouping and placement done by remark_set_finish: the estimated
 * cost (loop depth, hotness, contexts, near-miss size), one call site's
 * inlined contexts grouped behind the first, line-0 remarks placed at
 * their function, and C++ names demangled for display only. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "name_demangle.h"
#include "remark_rank.h"
#include "remark_set.h"

static escape_remark not_inlined(const char *caller, unsigned line,
                                 const char *reason) {
  escape_remark remark;
  escape_remark_init(&remark);
  escape_remark_set(&remark, ESCAPE_REMARK_MISSED, "escape", "NotInlined",
                    caller);
  escape_remark_set_loc(&remark, "x.c", line, line ? 3 : 0);
  escape_remark_add_arg(&remark, "Callee", "g", NULL);
  escape_remark_add_arg(&remark, "Caller", caller, NULL);
  escape_remark_add_arg(&remark, "Reason", reason, NULL);
  return remark;
}

static void cost_weighs_depth_hotness_and_near_misses(void **state) {
  (void)state;
  escape_remark flat = not_inlined("f", 1, "noinline-attribute");
  assert_true(remark_rank_cost(&flat, 1) == 1.0);
  assert_true(remark_rank_cost(&flat, 3) == 3.0);
  escape_remark_add_arg(&flat, "LoopDepth", "2", NULL);
  assert_true(remark_rank_cost(&flat, 1) == 64.0);
  flat.has_hotness = 1;
  flat.hotness = 5000;
  assert_true(remark_rank_cost(&flat, 2) == 10000.0);
  escape_remark near = not_inlined("f", 1, "too-costly");
  escape_remark_add_arg(&near, "Cost", "110", NULL);
  escape_remark_add_arg(&near, "Threshold", "100", NULL);
  escape_remark far = not_inlined("f", 1, "too-costly");
  escape_remark_add_arg(&far, "Cost", "900", NULL);
  escape_remark_add_arg(&far, "Threshold", "100", NULL);
  assert_true(remark_rank_cost(&near, 1) > remark_rank_cost(&far, 1));
  assert_true(remark_rank_cost(&far, 1) == 1.0);
  /* Counting stopped at the threshold (no verbose): no distance is known,
   * so no near-miss weight. */
  escape_remark uncounted = not_inlined("f", 1, "too-costly");
  escape_remark_add_arg(&uncounted, "Threshold", "100", NULL);
  assert_true(remark_rank_cost(&uncounted, 1) == 1.0);
  escape_remark_clear(&uncounted);
  escape_remark_clear(&flat);
  escape_remark_clear(&near);
  escape_remark_clear(&far);
}

static void contexts_of_a_site_group_behind_the_first(void **state) {
  (void)state;
  remark_set set;
  remark_set_init(&set);
  escape_remark in_a = not_inlined("a", 5, "noinline-attribute");
  escape_remark in_b = not_inlined("b", 5, "noinline-attribute");
  escape_remark in_c = not_inlined("c", 5, "noinline-attribute");
  escape_remark other = not_inlined("a", 9, "noinline-attribute");
  escape_remark *all[] = {&in_c, &other, &in_a, &in_b};
  for (size_t i = 0; i < 4; i++)
    assert_int_equal(remark_set_add(&set, all[i], all[i]->function, 0), 0);
  assert_int_equal(remark_set_finish(&set), 0);
  assert_int_equal(set.count, 4); /* the set keeps every context */
  assert_string_equal(set.entries[0]->remark.function, "a");
  assert_int_equal(set.entries[0]->contexts, 3);
  assert_false(set.entries[0]->context_follower);
  assert_true(set.entries[1]->context_follower);
  assert_true(set.entries[2]->context_follower);
  assert_int_equal(set.entries[3]->contexts, 1);
  assert_true(set.entries[0]->cost == 3.0);
  assert_true(set.entries[3]->cost == 1.0);
  remark_set_release(&set);
  for (size_t i = 0; i < 4; i++)
    escape_remark_clear(all[i]);
}

static void line_zero_goes_to_its_function(void **state) {
  (void)state;
  remark_set set;
  remark_set_init(&set);
  escape_remark merged = not_inlined("k", 0, "noinline-attribute");
  escape_remark later = not_inlined("k", 30, "too-costly");
  escape_remark first = not_inlined("k", 26, "recursive");
  escape_remark alone = not_inlined("m", 0, "noinline-attribute");
  escape_remark placed = not_inlined("p", 0, "noinline-attribute");
  escape_loc definition = {"x.c", 40, 1};
  escape_remark_add_arg(&placed, "InFunction", "p", &definition);
  escape_remark *all[] = {&merged, &later, &first, &alone, &placed};
  for (size_t i = 0; i < 5; i++)
    remark_set_add(&set, all[i], "m", 0);
  assert_int_equal(remark_set_finish(&set), 0);
  for (size_t i = 0; i < set.count; i++) {
    const remark_entry *entry = set.entries[i];
    const char *function = entry->remark.function;
    if (entry->remark.loc.line)
      assert_int_equal(entry->display_line, entry->remark.loc.line);
    else if (strcmp(function, "k") == 0)
      assert_int_equal(entry->display_line, 26);
    else if (strcmp(function, "p") == 0)
      assert_int_equal(entry->display_line, 40);
    else
      assert_int_equal(entry->display_line, 0); /* unknown: said so */
  }
  remark_set_release(&set);
  for (size_t i = 0; i < 5; i++)
    escape_remark_clear(all[i]);
}

static void names_demangle_for_display_only(void **state) {
  (void)state;
  char *name = name_demangle("_ZL9siphash24PKvmPK6sipkey");
  assert_string_equal(name, "siphash24");
  free(name);
  name = name_demangle("_ZNK2ns3Box3getEv");
  assert_string_equal(name, "ns::Box::get");
  free(name);
  assert_null(name_demangle("parse"));
  assert_null(name_demangle("_Zgarbage"));
  remark_set set;
  remark_set_init(&set);
  escape_remark remark = not_inlined("_Z1bPN2ns3BoxE", 2, "other");
  remark_set_add(&set, &remark, "m", 0);
  assert_int_equal(remark_set_finish(&set), 0);
  assert_string_equal(set.entries[0]->remark.function, "_Z1bPN2ns3BoxE");
  assert_string_equal(remark_entry_function(set.entries[0]), "b");
  remark_set_release(&set);
  escape_remark_clear(&remark);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(cost_weighs_depth_hotness_and_near_misses),
      cmocka_unit_test(contexts_of_a_site_group_behind_the_first),
      cmocka_unit_test(line_zero_goes_to_its_function),
      cmocka_unit_test(names_demangle_for_display_only),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
