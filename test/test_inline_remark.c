/* The inliner's remarks as escape's Inlined/NotInlined: every reason text of
 * LLVM 19's inliner mapped to SPEC.md's vocabulary, conversion of each
 * remark kind, and the messages users read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "escape/inline_remark.h"
#include "escape/remark_catalog.h"
#include "escape/remark_sentence.h"

typedef struct expected_reason {
  const char *remark_name;
  const char *text;
  const char *reason;
} expected_reason;

/* Every Reason text InlineCost.cpp, InlineFunction.cpp and InlineAdvisor.cpp
 * (LLVM 19.1.7) can put into an inliner remark, and the remark names. */
static const expected_reason expected[] = {
    {"TooCostly", NULL, "too-costly"},
    {"NeverInline", "high cost", "too-costly"},
    {"NeverInline", "Call site analysis is not favorable to inlining.",
     "too-costly"},
    {"NeverInline", "cost over benefit", "too-costly"},
    {"NeverInline", "Cost over threshold.", "too-costly"},
    {"NeverInline", "noinline function attribute", "noinline-attribute"},
    {"NeverInline", "noinline call site attribute", "noinline-attribute"},
    {"NoDefinition", NULL, "no-definition"},
    {"NotInlined", "external or indirect", "no-definition"},
    {"NeverInline", "recursive", "recursive"},
    {"NeverInline", "recursive call", "recursive"},
    {"NeverInline", "recursive and allocates too much stack space",
     "recursive"},
    {"NeverInline", "indirect call", "indirect"},
    {"NeverInline", "varargs", "varargs"},
    {"NeverInline", "contains VarArgs initialized with va_start", "varargs"},
    {"NeverInline", "optnone attribute", "optnone"},
    {"NeverInline", "interposable", "interposable"},
    {"NeverInline", "conflicting attributes", "conflicting-attributes"},
    {"NeverInline", "nullptr definitions incompatible",
     "conflicting-attributes"},
    {"NotInlined", "incompatible GC", "conflicting-attributes"},
    {"NotInlined", "incompatible personality", "conflicting-attributes"},
    {"NeverInline", "unsplited coroutine call", "other"},
    {"NeverInline", "byval arguments without alloca address space", "other"},
    {"NeverInline", "contains indirect branches", "other"},
    {"NeverInline", "indirect branch", "other"},
    {"NeverInline", "blockaddress used outside of callbr", "other"},
    {"NeverInline", "exposes returns-twice attribute", "other"},
    {"NeverInline", "exposes returns twice", "other"},
    {"NeverInline", "disallowed inlining of @llvm.icall.branch.funnel",
     "other"},
    {"NeverInline", "disallowed inlining of @llvm.localescape", "other"},
    {"NeverInline", "uninlinable intrinsic", "other"},
    {"NeverInline", "dynamic alloca", "other"},
    {"NeverInline", "noduplicate", "other"},
    {"NeverInline", "stacksize", "other"},
    {"NotInlined", "We don't inline callbr yet.", "other"},
    {"NotInlined", "unsupported operand bundle", "other"},
    {"NotInlined", "convergent call needs convergencectrl operand", "other"},
    {"NotInlined", "catch in cleanup funclet", "other"},
    {"NotInlined", "SEH in cleanup funclet", "other"},
    {"NeverInline", "something a later LLVM says", "other"},
    {"IncreaseCostInOtherContexts", NULL, "other"},
};

static void test_every_reason_text_maps(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
    escape_inline_reason reason = escape_inline_reason_classify(
        expected[i].remark_name, expected[i].text);
    assert_string_equal(escape_inline_reason_name(reason), expected[i].reason);
  }
}

static void test_inline_passes(void **state) {
  (void)state;
  assert_true(escape_inline_pass("inline"));
  assert_true(escape_inline_pass("always-inline"));
  assert_true(escape_inline_pass("module-inline"));
  assert_true(escape_inline_pass("main-cgscc-inline"));
  assert_false(escape_inline_pass("inline-cost"));
  assert_false(escape_inline_pass("-inline"));
  assert_false(escape_inline_pass("gvn"));
  assert_false(escape_inline_pass(NULL));
}

/* An LLVM inliner remark with args key=value pairs, NULL-terminated. */
static void make_llvm(escape_remark *remark, escape_remark_type type,
                      const char *pass, const char *name, const char **args) {
  escape_remark_init(remark);
  assert_int_equal(escape_remark_set(remark, type, pass, name, "caller"), 0);
  assert_int_equal(escape_remark_set_loc(remark, "x.c", 12, 7), 0);
  for (size_t i = 0; args[i]; i += 2)
    assert_int_equal(escape_remark_add_arg(remark, args[i], args[i + 1], NULL),
                     0);
}

static void assert_message(const escape_remark *remark, const char *text) {
  escape_strbuf message;
  escape_strbuf_init(&message);
  escape_remark_message(remark, &message);
  assert_string_equal(message.buf, text);
  escape_strbuf_release(&message);
}

/* LLVM's remark of a call rejected at cost 412, threshold 225. */
static const char *too_costly_args[] = {
    "String",    "'",
    "Callee",    "parse_item",
    "String",    "' not inlined into '",
    "Caller",    "parse",
    "String",    "' because too costly to inline ",
    "String",    "(cost=",
    "Cost",      "412",
    "String",    ", threshold=",
    "Threshold", "225",
    "String",    ")",
    NULL};

/* The facts are the converted remark's named args without its words:
 * composing them gives what the converter gives. */
static void test_facts_compose_to_the_conversion(void **state) {
  (void)state;
  escape_remark in, facts, converted;
  make_llvm(&in, ESCAPE_REMARK_MISSED, "inline", "TooCostly", too_costly_args);
  escape_remark_init(&facts);
  escape_remark_init(&converted);
  assert_int_equal(escape_inline_remark_facts(&in, 0, &facts), 1);
  for (size_t i = 0; i < facts.arg_count; i++)
    assert_string_not_equal(facts.args[i].key, "String");
  assert_null(escape_remark_arg(&facts, "Cost"));
  assert_int_equal(escape_inline_remark_convert_counted(&in, 0, &converted), 1);
  assert_int_equal(escape_remark_compose(&facts), 0);
  assert_int_equal(facts.arg_count, converted.arg_count);
  for (size_t i = 0; i < facts.arg_count; i++) {
    assert_string_equal(facts.args[i].key, converted.args[i].key);
    assert_string_equal(facts.args[i].value, converted.args[i].value);
  }
  escape_remark_clear(&in);
  escape_remark_clear(&facts);
  escape_remark_clear(&converted);
}

static void test_too_costly_converts_with_numbers(void **state) {
  (void)state;
  escape_remark in, out;
  make_llvm(&in, ESCAPE_REMARK_MISSED, "inline", "TooCostly", too_costly_args);
  escape_remark_init(&out);
  assert_int_equal(escape_inline_remark_convert(&in, &out), 1);
  assert_int_equal(out.type, ESCAPE_REMARK_MISSED);
  assert_string_equal(out.pass, "escape");
  assert_string_equal(out.name, "NotInlined");
  assert_string_equal(out.function, "caller");
  assert_string_equal(out.loc.file, "x.c");
  assert_int_equal(out.loc.line, 12);
  assert_int_equal(out.loc.column, 7);
  assert_string_equal(escape_remark_arg(&out, "Callee"), "parse_item");
  assert_string_equal(escape_remark_arg(&out, "Caller"), "parse");
  assert_string_equal(escape_remark_arg(&out, "Reason"), "too-costly");
  assert_string_equal(escape_remark_arg(&out, "Cost"), "412");
  assert_string_equal(escape_remark_arg(&out, "Threshold"), "225");
  assert_null(escape_remark_arg(&out, "Detail"));
  assert_message(&out,
                 "'parse_item' not inlined into 'parse' (too-costly): cost 412 "
                 "exceeds threshold 225 (by 187)");
  escape_remark_clear(&in);
  escape_remark_clear(&out);
}

/* Without verbose the inliner stops counting at the threshold: the count it
 * reached is not the cost, and the sentence claims no distance. */
static void test_too_costly_without_full_count(void **state) {
  (void)state;
  const char *args[] = {"Callee", "f",         "Caller", "g", "Cost",
                        "250",    "Threshold", "225",    NULL};
  escape_remark in, out;
  make_llvm(&in, ESCAPE_REMARK_MISSED, "inline", "TooCostly", args);
  escape_remark_init(&out);
  assert_int_equal(escape_inline_remark_convert_counted(&in, 0, &out), 1);
  assert_string_equal(escape_remark_arg(&out, "Reason"), "too-costly");
  assert_null(escape_remark_arg(&out, "Cost"));
  assert_string_equal(escape_remark_arg(&out, "Threshold"), "225");
  assert_message(&out, "'f' not inlined into 'g' (too-costly): cost over "
                       "threshold 225 (counting stopped there; verbose "
                       "counts it all)");
  escape_remark_clear(&out);
  /* Counted to the end, the same remark says by how much. */
  escape_remark_init(&out);
  assert_int_equal(escape_inline_remark_convert_counted(&in, 1, &out), 1);
  assert_string_equal(escape_remark_arg(&out, "Cost"), "250");
  escape_remark_clear(&in);
  escape_remark_clear(&out);
}

/* An inlined call's cost is below the threshold, so it is always complete. */
static void test_inlined_cost_is_complete(void **state) {
  (void)state;
  const char *args[] = {"Callee", "sq",        "Caller", "f", "Cost",
                        "-30",    "Threshold", "337",    NULL};
  escape_remark in, out;
  make_llvm(&in, ESCAPE_REMARK_PASSED, "inline", "Inlined", args);
  escape_remark_init(&out);
  assert_int_equal(escape_inline_remark_convert_counted(&in, 0, &out), 1);
  assert_message(&out, "'sq' inlined into 'f' (cost -30, threshold 337)");
  escape_remark_clear(&in);
  escape_remark_clear(&out);
}

static void test_near_miss_is_said(void **state) {
  (void)state;
  const char *args[] = {"Callee", "f",         "Caller", "g", "Cost",
                        "250",    "Threshold", "225",    NULL};
  escape_remark in, out;
  make_llvm(&in, ESCAPE_REMARK_MISSED, "inline", "TooCostly", args);
  escape_remark_init(&out);
  assert_int_equal(escape_inline_remark_convert(&in, &out), 1);
  assert_message(&out,
                 "'f' not inlined into 'g' (too-costly): cost 250 exceeds "
                 "threshold 225 (by 25, a near miss: a little less "
                 "work in the callee would get it inlined)");
  escape_remark_clear(&in);
  escape_remark_clear(&out);
}

static void test_never_inline_keeps_compiler_text(void **state) {
  (void)state;
  const char *args[] = {"String", "'",
                        "Callee", "helper",
                        "String", "' not inlined into '",
                        "Caller", "main",
                        "String", "' because it should never be inlined ",
                        "String", "(cost=never)",
                        "String", ": ",
                        "Reason", "noinline call site attribute",
                        NULL};
  escape_remark in, out;
  make_llvm(&in, ESCAPE_REMARK_MISSED, "inline", "NeverInline", args);
  escape_remark_init(&out);
  assert_int_equal(escape_inline_remark_convert(&in, &out), 1);
  assert_string_equal(escape_remark_arg(&out, "Reason"), "noinline-attribute");
  assert_string_equal(escape_remark_arg(&out, "Detail"),
                      "noinline call site attribute");
  assert_null(escape_remark_arg(&out, "Cost"));
  assert_message(&out, "'helper' not inlined into 'main' "
                       "(noinline-attribute): the call site is marked "
                       "noinline (LLVM: noinline call site attribute)");
  escape_remark_clear(&in);
  escape_remark_clear(&out);
}

static void test_no_definition_says_what_to_do(void **state) {
  (void)state;
  const char *args[] = {"Callee", "parse_item",
                        "String", " will not be inlined into ",
                        "Caller", "parse",
                        "String", " because its definition is unavailable",
                        NULL};
  escape_remark in, out;
  make_llvm(&in, ESCAPE_REMARK_MISSED, "inline", "NoDefinition", args);
  escape_remark_init(&out);
  assert_int_equal(escape_inline_remark_convert(&in, &out), 1);
  assert_string_equal(escape_remark_arg(&out, "Reason"), "no-definition");
  assert_message(&out,
                 "'parse_item' not inlined into 'parse' (no-definition): no "
                 "definition in this translation unit; define it "
                 "static inline in a header, or build with -flto");
  escape_remark_clear(&in);
  escape_remark_clear(&out);
}

static void test_other_reason_shows_detail(void **state) {
  (void)state;
  const char *args[] = {"Callee",         "f", "Caller", "g", "Reason",
                        "dynamic alloca", NULL};
  escape_remark in, out;
  make_llvm(&in, ESCAPE_REMARK_MISSED, "inline", "NeverInline", args);
  escape_remark_init(&out);
  assert_int_equal(escape_inline_remark_convert(&in, &out), 1);
  assert_string_equal(escape_remark_arg(&out, "Reason"), "other");
  assert_string_equal(escape_remark_arg(&out, "Detail"), "dynamic alloca");
  assert_message(&out, "'f' not inlined into 'g' (other): dynamic alloca");
  escape_remark_clear(&in);
  escape_remark_clear(&out);
}

static void test_inlined_and_always_inline(void **state) {
  (void)state;
  const char *cost[] = {"Callee", "sq",        "Caller", "f", "Cost",
                        "-30",    "Threshold", "337",    NULL};
  const char *always[] = {"Callee", "ai",
                          "Caller", "f",
                          "String", "(cost=always)",
                          "String", ": ",
                          "Reason", "always inline attribute",
                          NULL};
  escape_remark in, out;
  make_llvm(&in, ESCAPE_REMARK_PASSED, "inline", "Inlined", cost);
  escape_remark_init(&out);
  assert_int_equal(escape_inline_remark_convert(&in, &out), 1);
  assert_int_equal(out.type, ESCAPE_REMARK_PASSED);
  assert_string_equal(out.name, "Inlined");
  assert_message(&out, "'sq' inlined into 'f' (cost -30, threshold 337)");
  escape_remark_clear(&in);
  escape_remark_clear(&out);
  make_llvm(&in, ESCAPE_REMARK_PASSED, "inline", "AlwaysInline", always);
  escape_remark_init(&out);
  assert_int_equal(escape_inline_remark_convert(&in, &out), 1);
  assert_string_equal(out.name, "Inlined");
  assert_string_equal(escape_remark_arg(&out, "Detail"),
                      "always inline attribute");
  assert_message(&out, "'ai' inlined into 'f': always inline attribute");
  escape_remark_clear(&in);
  escape_remark_clear(&out);
}

static void test_non_verdicts_are_skipped(void **state) {
  (void)state;
  const char *args[] = {"Callee", "f", "InlineResult", "recursive", NULL};
  escape_remark in, out;
  make_llvm(&in, ESCAPE_REMARK_MISSED, "inline-cost", "NeverInline", args);
  escape_remark_init(&out);
  assert_int_equal(escape_inline_remark_convert(&in, &out), 0);
  escape_remark_clear(&in);
  make_llvm(&in, ESCAPE_REMARK_MISSED, "gvn", "LoadClobbered", args);
  assert_int_equal(escape_inline_remark_convert(&in, &out), 0);
  escape_remark_clear(&in);
  make_llvm(&in, ESCAPE_REMARK_ANALYSIS, "inline", "Whatever", args);
  assert_int_equal(escape_inline_remark_convert(&in, &out), 0);
  escape_remark_clear(&in);
  escape_remark_clear(&out);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_reason_text_maps),
      cmocka_unit_test(test_inline_passes),
      cmocka_unit_test(test_too_costly_converts_with_numbers),
      cmocka_unit_test(test_near_miss_is_said),
      cmocka_unit_test(test_too_costly_without_full_count),
      cmocka_unit_test(test_inlined_cost_is_complete),
      cmocka_unit_test(test_never_inline_keeps_compiler_text),
      cmocka_unit_test(test_no_definition_says_what_to_do),
      cmocka_unit_test(test_other_reason_shows_detail),
      cmocka_unit_test(test_inlined_and_always_inline),
      cmocka_unit_test(test_non_verdicts_are_skipped),
      cmocka_unit_test(test_facts_compose_to_the_conversion),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
