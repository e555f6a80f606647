/* The json, sarif, markdown and html formats of `escape report`: exact
 * JSON, the fields GitHub code scanning requires in SARIF, the markdown
 * tables, and an HTML page that needs no network. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "commands.h"
#include "test_support.h"

typedef struct fixture {
  char *dir;
  char *yaml;
  char *source;
} fixture;

static const char source_text[] = "void fill(char *p);\n"
                                  "int parse(void) {\n"
                                  "  char buf[16];\n"
                                  "  fill(buf);\n"
                                  "  return buf[0] < 'a' && 1 > 0;\n"
                                  "}\n";

/* Two remarks in src.c (one in a loop) and one without a location. */
static int setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  f->dir = test_make_temp_dir();
  f->yaml = test_path(f->dir, "src.escape.yaml");
  f->source = test_path(f->dir, "src.c");
  test_write_file(f->source, source_text);
  escape_remark remarks[3];
  for (size_t i = 0; i < 3; i++)
    escape_remark_init(&remarks[i]);
  escape_remark_set(&remarks[0], ESCAPE_REMARK_MISSED, "escape", "LocalEscapes",
                    "parse");
  escape_remark_set_loc(&remarks[0], f->source, 3, 8);
  escape_remark_add_arg(&remarks[0], "Var", "buf", NULL);
  escape_remark_add_arg(&remarks[0], "Reason", "call", NULL);
  escape_remark_add_arg(&remarks[0], "Callee", "fill", NULL);
  escape_remark_add_arg(&remarks[0], "ArgNo", "1", NULL);
  escape_remark_set(&remarks[1], ESCAPE_REMARK_MISSED, "escape",
                    "VarargsInLoop", "parse");
  escape_remark_set_loc(&remarks[1], f->source, 5, 10);
  escape_remark_add_arg(&remarks[1], "Callee", "log<\"x\">", NULL);
  escape_remark_add_arg(&remarks[1], "LoopDepth", "2", NULL);
  escape_remark_set(&remarks[2], ESCAPE_REMARK_ANALYSIS, "escape",
                    "LeakingParam", "keep");
  escape_remark_add_arg(&remarks[2], "Param", "p|q", NULL);
  test_write_remarks(f->yaml, remarks, 3);
  for (size_t i = 0; i < 3; i++)
    escape_remark_clear(&remarks[i]);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fixture *f = *state;
  test_remove_dir(f->dir);
  free(f->dir);
  free(f->yaml);
  free(f->source);
  free(f);
  return 0;
}

/* Runs `escape report --format FORMAT --root DIR YAML`. */
static test_run report(const fixture *f, const char *format) {
  const char *argv[] = {"report", "--format", format, "--root",
                        f->dir,   f->yaml,    NULL};
  test_run run = test_run_command(cmd_report_to, argv);
  assert_string_equal(run.err, "");
  assert_int_equal(run.exit_code, 0);
  return run;
}

static void assert_contains(const char *text, const char *part) {
  if (!strstr(text, part))
    fail_msg("expected to find\n%s\nin\n%s", part, text);
}

static void json_lists_every_field(void **state) {
  fixture *f = *state;
  test_run run = report(f, "json");
  assert_contains(run.out, "[\n  {\n    \"name\": \"LocalEscapes\",\n"
                           "    \"type\": \"Missed\",\n"
                           "    \"pass\": \"escape\",\n"
                           "    \"file\": \"src.c\",\n"
                           "    \"line\": 3,\n"
                           "    \"column\": 8,\n"
                           "    \"function\": \"parse\",\n"
                           "    \"message\": \"'buf' escapes: address passed "
                           "to 'fill' (argument 1), a call that may keep it, so it "
                           "lives in memory; "
                           "pass a copy or mark the parameter 'noescape'\",\n"
                           "    \"args\": [\n"
                           "      {\n"
                           "        \"key\": \"Var\",\n"
                           "        \"value\": \"buf\"\n"
                           "      },\n");
  assert_contains(run.out, "\"value\": \"log<\\\"x\\\">\"");
  assert_contains(run.out, "    \"file\": null,\n    \"line\": 0,\n");
  assert_contains(run.out, "    \"count\": 1\n  }\n]\n");
  const char *fingerprint = strstr(run.out, "\"fingerprint\": \"");
  assert_non_null(fingerprint);
  assert_int_equal(strspn(fingerprint + 16, "0123456789abcdef"), 16);
  test_run_release(&run);
}

static void sarif_has_what_code_scanning_requires(void **state) {
  fixture *f = *state;
  test_run run = report(f, "sarif");
  assert_contains(run.out, "\"version\": \"2.1.0\"");
  assert_contains(run.out, "\"$schema\": "
                           "\"https://json.schemastore.org/sarif-2.1.0.json\"");
  assert_contains(run.out, "\"driver\": {\n"
                           "          \"name\": \"escape\",\n"
                           "          \"version\": \"");
  assert_contains(run.out, "\"informationUri\": \"https://");
  assert_contains(run.out, "\"id\": \"LocalEscapes\",\n"
                           "              \"name\": \"LocalEscapes\",\n"
                           "              \"shortDescription\": {\n"
                           "                \"text\": \"a local's address "
                           "is captured, so the local lives in memory\"");
  assert_contains(run.out, "\"fullDescription\": {");
  assert_contains(run.out, "\"help\": {\n                \"text\": ");
  assert_contains(run.out, "\"markdown\": ");
  assert_contains(run.out, "\"ruleId\": \"LocalEscapes\",\n"
                           "          \"ruleIndex\": 0,\n"
                           "          \"level\": \"warning\",\n"
                           "          \"message\": {\n"
                           "            \"text\": \"'buf' escapes");
  assert_contains(run.out, "\"artifactLocation\": {\n"
                           "                  \"uri\": \"src.c\"\n"
                           "                },\n"
                           "                \"region\": {\n"
                           "                  \"startLine\": 3,\n"
                           "                  \"startColumn\": 8\n");
  assert_contains(run.out, "\"partialFingerprints\": {\n"
                           "            \"escapeFingerprint/v1\": \"");
  /* The remark without a file has no place in code scanning. */
  assert_null(strstr(run.out, "\"ruleId\": \"LeakingParam\""));
  test_run_release(&run);
}

static void markdown_has_summary_and_top_remarks(void **state) {
  fixture *f = *state;
  test_run run = report(f, "markdown");
  assert_contains(run.out, "### escape: 3 remarks\n\n"
                           "| Remark | Count | Meaning |\n"
                           "|---|---:|---|\n"
                           "| `LeakingParam` | 1 | a pointer parameter is "
                           "captured by the function |\n"
                           "| `LocalEscapes` | 1 | a local's address is "
                           "captured, so the local lives in memory |\n");
  assert_contains(run.out, "#### Hottest remarks (3 of 3)\n");
  /* The loop remark comes first; '|' in a cell is escaped. */
  assert_contains(run.out, "|---|---|---|---|\n| `src.c:5` | "
                           "`VarargsInLoop` |");
  assert_contains(run.out, "| loop depth 2 |\n");
  assert_contains(run.out, "'p\\|q'");
  test_run_release(&run);
}

static void html_is_self_contained_with_sources(void **state) {
  fixture *f = *state;
  test_run run = report(f, "html");
  assert_int_equal(strncmp(run.out, "<!DOCTYPE html>\n", 16), 0);
  assert_contains(run.out, "<style>");
  assert_contains(run.out, "<script>");
  const char *bad[] = {"src=\"http", "href=\"http", "src=http",
                       "href=http",  "@import",     "url("};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    if (strstr(run.out, bad[i]))
      fail_msg("the page loads something: %s", bad[i]);
  /* Escaped text, the hottest remark first, the source beside remarks. */
  assert_contains(run.out, "log&lt;&quot;x&quot;&gt;");
  const char *loop = strstr(run.out, "<td>loop depth 2</td>");
  const char *other = strstr(run.out, "<td></td><td><a href=\"#f0-l3\">");
  assert_non_null(loop);
  assert_non_null(other);
  assert_true(loop < other);
  assert_contains(run.out, "<span id=\"f0-l3\"><span class=ln>3</span>  char "
                           "buf[16];</span>\n<span class=\"r Missed\">"
                           "LocalEscapes: &#39;buf&#39; escapes");
  assert_contains(run.out, "return buf[0] &lt; &#39;a&#39; &amp;&amp; 1 "
                           "&gt; 0;");
  assert_contains(run.out, "</html>\n");
  test_run_release(&run);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(json_lists_every_field),
      cmocka_unit_test(sarif_has_what_code_scanning_requires),
      cmocka_unit_test(markdown_has_summary_and_top_remarks),
      cmocka_unit_test(html_is_self_contained_with_sources),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
