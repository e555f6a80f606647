/* The reader on LLVM's own files and on broken input: every error names
 * the file and the line, and nothing crashes. */
#define _GNU_SOURCE /* memmem */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "escape/remark_reader.h"
#include "test_support.h"

/* Counts remarks and remembers a few facts about them. */
typedef struct tally {
  size_t count;
  size_t inline_count;
  size_t with_arg_loc;
  size_t hotness_sum;
  char first_name[64];
  char last_arg[64];
} tally;

static int count_remark(const escape_remark *remark, void *data) {
  tally *t = data;
  if (t->count++ == 0)
    snprintf(t->first_name, sizeof t->first_name, "%s", remark->name);
  if (strcmp(remark->pass, "inline") == 0)
    t->inline_count++;
  for (size_t i = 0; i < remark->arg_count; i++)
    t->with_arg_loc += remark->args[i].loc.file != NULL;
  if (remark->has_hotness)
    t->hotness_sum += remark->hotness;
  if (remark->arg_count)
    snprintf(t->last_arg, sizeof t->last_arg, "%s=%s",
             remark->args[remark->arg_count - 1].key,
             remark->args[remark->arg_count - 1].value);
  return 0;
}

/* Reads text as "bad.yaml"; returns the result and the message in err. */
static int read_text(const char *text, tally *t, escape_strbuf *err) {
  memset(t, 0, sizeof *t);
  escape_strbuf_reset(err);
  return escape_remark_read_buffer("bad.yaml", text, strlen(text), count_remark,
                                   t, err);
}

/* Asserts that text fails with a message starting with prefix. */
static void assert_fails_with(const char *text, const char *prefix) {
  tally t;
  escape_strbuf err;
  escape_strbuf_init(&err);
  assert_int_equal(read_text(text, &t, &err), -1);
  if (strncmp(err.buf, prefix, strlen(prefix)) != 0)
    fail_msg("expected an error starting with '%s', got '%s'", prefix, err.buf);
  escape_strbuf_release(&err);
}

/* test/fixtures/llvm-sample.opt.yaml is clang-19 -O2 -g
 * -fsave-optimization-record output for llvm-sample.c: eight passes. */
static void reads_llvm_output(void **state) {
  (void)state;
  tally t = {0};
  escape_strbuf err;
  escape_strbuf_init(&err);
  int result = escape_remark_read_file(
      ESCAPE_TEST_FIXTURES "/llvm-sample.opt.yaml", count_remark, &t, &err);
  assert_string_equal(err.buf, "");
  assert_int_equal(result, 0);
  assert_int_equal(t.count, 26);
  assert_int_equal(t.inline_count, 3);
  assert_string_equal(t.first_name, "NoDefinition");
  assert_true(t.with_arg_loc > 0);
  escape_strbuf_release(&err);
}

static const char llvm_style[] =
    "--- !Passed\n"
    "Pass:            inline\n"
    "Name:            Inlined\n"
    "DebugLoc:        { File: 'a b.c', Line: 4, Column: 78 }\n"
    "Function:        parse\n"
    "Hotness:         300\n"
    "Args:\n"
    "  - Callee:          sq\n"
    "    DebugLoc:        { File: a.c, Line: 3, Column: 0, Extra: [1] }\n"
    "    Unknown:         ignored\n"
    "  - String:          ' inlined into '\n"
    "  - Cost:            '-15030'\n"
    "...\n"
    "--- !Missed\n"
    "Pass: escape\n"
    "Name: LocalEscapes\n"
    "Future: { nested: [ {a: b}, [c] ] }\n"
    "Hotness: 7\n"
    "Args:\n"
    "  - Var: \"b\\u00e9\\n\"\n"
    "...\n";

static void reads_hotness_extra_keys_and_escapes(void **state) {
  (void)state;
  tally t;
  escape_strbuf err;
  escape_strbuf_init(&err);
  assert_int_equal(read_text(llvm_style, &t, &err), 0);
  assert_int_equal(t.count, 2);
  assert_int_equal(t.hotness_sum, 307);
  assert_int_equal(t.with_arg_loc, 1);
  assert_string_equal(t.last_arg, "Var=b\xc3\xa9\n");
  escape_strbuf_release(&err);
}

static void empty_input_has_no_remarks(void **state) {
  (void)state;
  tally t;
  escape_strbuf err;
  escape_strbuf_init(&err);
  assert_int_equal(read_text("", &t, &err), 0);
  assert_int_equal(read_text("# only a comment\n", &t, &err), 0);
  assert_int_equal(t.count, 0);
  escape_strbuf_release(&err);
}

static int stop_at_first(const escape_remark *remark, void *data) {
  (void)remark;
  (*(int *)data)++;
  return 7;
}

static void callback_can_stop(void **state) {
  (void)state;
  int calls = 0;
  escape_strbuf err;
  escape_strbuf_init(&err);
  assert_int_equal(escape_remark_read_buffer("x", llvm_style,
                                             strlen(llvm_style), stop_at_first,
                                             &calls, &err),
                   7);
  assert_int_equal(calls, 1);
  escape_strbuf_release(&err);
}

static void rejects_syntax_error(void **state) {
  (void)state;
  assert_fails_with("--- !Missed\nPass: escape\nName: a: b\n...\n",
                    "bad.yaml:3: error: mapping values are not allowed");
  assert_fails_with("--- !Missed\nPass: escape\nName: 'unclosed\n...\n",
                    "bad.yaml:4: error: found unexpected document indicator");
  assert_fails_with("--- !Missed\nPass: escape\n  Name: x\n...\n",
                    "bad.yaml:3: error: ");
}

static void rejects_truncated_document(void **state) {
  (void)state;
  assert_fails_with("--- !Missed\nPass: escape\nName: A\n...\n"
                    "--- !Missed\nPass: escape\nName: B\nArgs:\n  - Var: bu",
                    "bad.yaml:5: error: document not terminated");
  assert_fails_with("--- !Missed\nPass: escape\nName: 'cut",
                    "bad.yaml:3: error: ");
  assert_fails_with("--- !Missed\nPass: escape\nName: B\n"
                    "DebugLoc: { File: a.c, Li",
                    "bad.yaml:4: error: ");
}

static void rejects_unknown_tag(void **state) {
  (void)state;
  assert_fails_with("--- !Missed\nPass: p\nName: n\n...\n"
                    "--- !Bogus\nPass: p\nName: n\n...\n",
                    "bad.yaml:5: error: unknown remark type '!Bogus'");
  assert_fails_with("---\nPass: p\nName: n\n...\n",
                    "bad.yaml:2: error: remark has no type tag");
}

static void rejects_bad_numbers(void **state) {
  (void)state;
  assert_fails_with("--- !Missed\nPass: p\nName: n\n"
                    "DebugLoc: { File: a.c, Line: ten, Column: 1 }\n...\n",
                    "bad.yaml:4: error: 'Line' is not an unsigned integer");
  assert_fails_with("--- !Missed\nPass: p\nName: n\n"
                    "DebugLoc: { File: a.c, Line: 1, Column: 99999999999 }\n"
                    "...\n",
                    "bad.yaml:4: error: 'Column' is not an unsigned integer");
  assert_fails_with("--- !Missed\nPass: p\nName: n\nHotness: -1\n...\n",
                    "bad.yaml:4: error: 'Hotness' is not an unsigned");
}

static void rejects_missing_keys(void **state) {
  (void)state;
  assert_fails_with("--- !Missed\nPass: p\nName: n\n...\n"
                    "--- !Missed\nPass: p\nFunction: f\n...\n",
                    "bad.yaml:5: error: remark has no 'Name'");
  assert_fails_with("--- !Missed\nName: n\n...\n",
                    "bad.yaml:1: error: remark has no 'Pass'");
  assert_fails_with("--- !Missed\nPass: p\nName: n\n"
                    "DebugLoc: { Line: 1, Column: 1 }\n...\n",
                    "bad.yaml:4: error: DebugLoc has no File");
  assert_fails_with("--- !Missed\nPass: p\nName: n\nArgs:\n"
                    "  - DebugLoc: { File: a, Line: 1, Column: 1 }\n...\n",
                    "bad.yaml:5: error: argument has no key");
}

static void rejects_wrong_shapes(void **state) {
  (void)state;
  assert_fails_with("--- !Missed\nPass: [p]\nName: n\n...\n",
                    "bad.yaml:2: error: expected a string value for 'Pass'");
  assert_fails_with("--- !Missed\nPass: p\nName: n\nArgs: x\n...\n",
                    "bad.yaml:4: error: expected a sequence");
  assert_fails_with("--- !Missed\nPass: p\nName: n\nArgs:\n  - x\n...\n",
                    "bad.yaml:5: error: expected a '- Key: value' argument");
  assert_fails_with("--- !Missed\nPass: p\nPass: q\nName: n\n...\n",
                    "bad.yaml:3: error: duplicate key 'Pass'");
  assert_fails_with("--- just a string\n...\n",
                    "bad.yaml:1: error: expected a remark mapping");
}

static void rejects_binary_garbage(void **state) {
  (void)state;
  char garbage[4096];
  unsigned seed = 12345;
  for (size_t i = 0; i < sizeof garbage - 1; i++) {
    seed = seed * 1103515245u + 12345u;
    garbage[i] = (char)((seed >> 16) & 0xFF);
    if (garbage[i] == '\0')
      garbage[i] = '\x01';
  }
  garbage[sizeof garbage - 1] = '\0';
  assert_fails_with(garbage, "bad.yaml:1: error: ");
  assert_fails_with("--- !Missed\nPass: p\nName: caf\xe9\n...\n",
                    "bad.yaml:3: error: invalid");
  assert_fails_with("\x7f"
                    "ELF\x02\x01\x01",
                    "bad.yaml:1: error: ");
}

/* Nesting deeper than any stack would allow if skipping were recursive. */
static void skips_deep_nesting(void **state) {
  (void)state;
  size_t depth = 10000;
  char *text = malloc(2 * depth + 128);
  assert_non_null(text);
  char *p = text + sprintf(text, "--- !Missed\nPass: p\nName: n\nDeep: ");
  memset(p, '[', depth);
  memset(p + depth, ']', depth);
  strcpy(p + 2 * depth, "\n...\n");
  tally t;
  escape_strbuf err;
  escape_strbuf_init(&err);
  assert_int_equal(read_text(text, &t, &err), 0);
  assert_int_equal(t.count, 1);
  escape_strbuf_release(&err);
  free(text);
}

static void reports_unreadable_file(void **state) {
  (void)state;
  tally t = {0};
  escape_strbuf err;
  escape_strbuf_init(&err);
  assert_int_equal(escape_remark_read_file("/nonexistent/x.escape.yaml",
                                           count_remark, &t, &err),
                   -1);
  assert_string_equal(err.buf, "/nonexistent/x.escape.yaml: error: cannot "
                               "open: No such file or directory");
  escape_strbuf_reset(&err);
  assert_int_equal(escape_remark_read_file("/", count_remark, &t, &err), -1);
  assert_string_equal(err.buf, "/: error: cannot read: Is a directory");
  escape_strbuf_release(&err);
}

static int inline_only(const char *pass, void *ctx) {
  (void)ctx;
  return strcmp(pass, "inline") == 0;
}

/* Reads text with options; returns the result, counts in t, message in err. */
static int read_with(const char *text, const escape_read_options *options,
                     tally *t, escape_strbuf *err) {
  memset(t, 0, sizeof *t);
  escape_strbuf_reset(err);
  return escape_remark_read_buffer_with("bad.yaml", text, strlen(text), options,
                                        count_remark, t, err);
}

static void delivers_only_wanted_passes(void **state) {
  (void)state;
  tally t = {0};
  escape_strbuf err;
  escape_strbuf_init(&err);
  escape_read_options options = {.want_pass = inline_only};
  assert_int_equal(
      escape_remark_read_file_with(ESCAPE_TEST_FIXTURES "/llvm-sample.opt.yaml",
                                   &options, count_remark, &t, &err),
      0);
  assert_int_equal(t.count, 3);
  assert_int_equal(t.inline_count, 3);
  escape_strbuf_release(&err);
}

/* The glance at a document's text: a document it turns down is not
 * parsed (so not delivered, and its errors go unseen), one of a shape
 * other than LLVM's is never shown to it, and line numbers of later
 * errors still count the skipped lines. */
static int no_name_b(const char *text, size_t len, void *ctx) {
  ++*(int *)ctx;
  return !memmem(text, len, "\nName: B\n", 9);
}

static void skips_documents_the_glance_turns_down(void **state) {
  (void)state;
  tally t;
  escape_strbuf err;
  escape_strbuf_init(&err);
  int glances = 0;
  escape_read_options options = {.want_document = no_name_b,
                                 .want_document_ctx = &glances};
  const char *text = "--- !Missed\nPass: p\nName: A\n...\n"
                     "--- !Missed\nPass: p\nName: B\nArgs: [\n...\n"
                     "--- !Missed\n'Pass': p\nName: B\n...\n"
                     "--- !Missed\nPass: p\nName: C\n...\n";
  assert_int_equal(read_with(text, &options, &t, &err), 0);
  assert_int_equal(t.count, 3); /* A, the quoted-key B, C */
  assert_int_equal(glances, 3);
  text = "--- !Missed\nPass: p\nName: B\n...\n"
         "--- !Missed\nPass: p\nName: [\n...\n";
  assert_int_equal(read_with(text, &options, &t, &err), -1);
  assert_string_equal(err.buf,
                      "bad.yaml:7: error: expected a string value for 'Name'");
  escape_strbuf_release(&err);
}

/* Skipped documents still count for the line numbers of later errors, and
 * a skipped-looking document with a bad tag is still rejected. */
static void errors_after_skipped_documents_name_the_input_line(void **state) {
  (void)state;
  tally t;
  escape_strbuf err;
  escape_strbuf_init(&err);
  escape_read_options options = {.want_pass = inline_only};
  const char *text = "--- !Missed\nPass: gvn\nName: A\n...\n"
                     "--- !Missed\nPass: gvn\nName: B\n...\n"
                     "--- !Missed\nPass: inline\nName: a: b\n...\n";
  assert_int_equal(read_with(text, &options, &t, &err), -1);
  assert_string_equal(err.buf,
                      "bad.yaml:11: error: mapping values are not allowed in "
                      "this context");
  text = "--- !Missed\nPass: gvn\nName: A\n...\n"
         "--- !Bogus\nPass: gvn\nName: B\n...\n";
  assert_int_equal(read_with(text, &options, &t, &err), -1);
  assert_string_equal(err.buf,
                      "bad.yaml:5: error: unknown remark type '!Bogus'");
  text = "--- !Missed\nPass: gvn\nName: A\n...\n"
         "--- !Missed\nPass: gvn\nName: B\nArgs:\n  - S: x";
  assert_int_equal(read_with(text, &options, &t, &err), -1);
  assert_string_equal(err.buf, "bad.yaml:5: error: document not terminated by "
                               "'...' (truncated file?)");
  escape_strbuf_release(&err);
}

/* Reading [0, cut) and [cut, end) finds every remark exactly once, for
 * every cut, and an error names the same line from either range. */
static void ranges_partition_the_documents(void **state) {
  (void)state;
  char *text = test_read_file(ESCAPE_TEST_FIXTURES "/llvm-sample.opt.yaml");
  assert_non_null(text);
  size_t len = strlen(text);
  escape_strbuf err;
  escape_strbuf_init(&err);
  for (size_t cut = 1; cut < len; cut += 7) {
    tally first, second;
    escape_read_options a = {.end = cut}, b = {.begin = cut};
    assert_int_equal(read_with(text, &a, &first, &err), 0);
    assert_int_equal(read_with(text, &b, &second, &err), 0);
    assert_int_equal(first.count + second.count, 26);
  }
  const char *broken = "--- !Missed\nPass: p\nName: A\n...\n"
                       "--- !Missed\nPass: p\nName: B\n...\n"
                       "--- !Missed\nPass: p\nName: [\n...\n";
  tally t;
  escape_read_options tail = {.begin = 20};
  assert_int_equal(read_with(broken, &tail, &t, &err), -1);
  assert_int_equal(t.count, 1);
  assert_int_equal(strncmp(err.buf, "bad.yaml:11: error: ", 20), 0);
  escape_strbuf_release(&err);
  free(text);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(reads_llvm_output),
      cmocka_unit_test(reads_hotness_extra_keys_and_escapes),
      cmocka_unit_test(empty_input_has_no_remarks),
      cmocka_unit_test(callback_can_stop),
      cmocka_unit_test(rejects_syntax_error),
      cmocka_unit_test(rejects_truncated_document),
      cmocka_unit_test(rejects_unknown_tag),
      cmocka_unit_test(rejects_bad_numbers),
      cmocka_unit_test(rejects_missing_keys),
      cmocka_unit_test(rejects_wrong_shapes),
      cmocka_unit_test(rejects_binary_garbage),
      cmocka_unit_test(skips_deep_nesting),
      cmocka_unit_test(reports_unreadable_file),
      cmocka_unit_test(delivers_only_wanted_passes),
      cmocka_unit_test(errors_after_skipped_documents_name_the_input_line),
      cmocka_unit_test(skips_documents_the_glance_turns_down),
      cmocka_unit_test(ranges_partition_the_documents),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
