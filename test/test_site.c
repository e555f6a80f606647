/* The report site's parts that a browser cannot check well: the C/C++
 * highlighter, the escaping of text into HTML and JavaScript, the order by
 * estimated cost, and the markdown format's size limit with flows. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "commands.h"
#include "escape/strbuf.h"
#include "site_escape.h"
#include "site_highlight.h"
#include "site_rank.h"
#include "test_support.h"

/* What writer(out) wrote, malloc'ed. */
typedef struct captured {
  char *text;
  size_t size;
  FILE *out;
} captured;

static FILE *capture_start(captured *c) {
  c->text = NULL;
  c->out = open_memstream(&c->text, &c->size);
  assert_non_null(c->out);
  return c->out;
}

static char *capture_end(captured *c) {
  fclose(c->out);
  return c->text;
}

/* The HTML of lines highlighted in one state, joined by newlines. */
static char *highlight(const char *const *lines, size_t count) {
  captured c;
  FILE *out = capture_start(&c);
  site_highlight state;
  site_highlight_init(&state);
  for (size_t i = 0; i < count; i++) {
    site_highlight_line(out, &state, lines[i], strlen(lines[i]));
    fputc('\n', out);
  }
  return capture_end(&c);
}

static void highlights_tokens(void **state) {
  (void)state;
  const char *lines[] = {
      "#include <stdio.h> // io",
      "static const char *s = \"a\\\"b<\"; int n = 0x1F'00u + 1.5e-3;",
      "x = y / z; c = 'q'; /* open",
      "still */ return sizeof(x);",
  };
  char *html = highlight(lines, 4);
  assert_string_equal(
      html,
      "<span class=p>#include</span> <span class=s>&lt;stdio.h&gt;</span> "
      "<span class=c>// io</span>\n"
      "<span class=k>static</span> <span class=k>const</span> <span "
      "class=t>char</span> *s = <span "
      "class=s>&quot;a\\&quot;b&lt;&quot;</span>; "
      "<span class=t>int</span> n = <span class=n>0x1F&#39;00u</span> + <span "
      "class=n>1.5e-3</span>;\n"
      "x = y / z; c = <span class=s>&#39;q&#39;</span>; <span class=c>/* "
      "open</span>\n"
      "<span class=c>still */</span> <span class=k>return</span> <span "
      "class=k>sizeof</span>(x);\n");
  free(html);
}

static void directive_continues_after_backslash(void **state) {
  (void)state;
  const char *lines[] = {"#define TWICE(x) \\", "  ((x) * 2)", "# if 1"};
  char *html = highlight(lines, 3);
  assert_string_equal(html, "<span class=p>#define</span> TWICE(x) \\\n"
                            "  ((x) * <span class=n>2</span>)\n"
                            "<span class=p># if</span> <span "
                            "class=n>1</span>\n");
  free(html);
}

static void escapes_for_html_and_javascript(void **state) {
  (void)state;
  captured c;
  FILE *out = capture_start(&c);
  site_html(out, "<a href=\"x\">'&'</a>");
  fputc('|', out);
  site_js_string(out, "say \"hi\"\\\n</script>\x01");
  char *text = capture_end(&c);
  assert_string_equal(text, "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;"
                            "/a&gt;|\"say \\\"hi\\\"\\\\\\u000a\\u003c/"
                            "script\\u003e\\u0001\"");
  free(text);
}

static remark_entry entry_with(double cost, int hot, unsigned long long hotness,
                               unsigned line) {
  remark_entry entry;
  memset(&entry, 0, sizeof entry);
  entry.remark.name = "NotInlined";
  entry.remark.loc.file = "a.c";
  entry.remark.loc.line = line;
  entry.remark.has_hotness = hot;
  entry.remark.hotness = hotness;
  entry.cost = cost;
  entry.message = "m";
  return entry;
}

static void ranks_by_profile_then_estimate(void **state) {
  (void)state;
  remark_entry plain = entry_with(1, 0, 0, 1);
  remark_entry deep = entry_with(64, 0, 0, 9);
  remark_entry shallow = entry_with(8.4, 0, 0, 5);
  remark_entry cold_profile = entry_with(512, 1, 1, 7);
  remark_entry hot_profile = entry_with(1, 1, 5000, 8);
  assert_int_equal(site_cost(&deep), 64);
  assert_int_equal(site_cost(&shallow), 8);
  assert_int_equal(site_cost(&hot_profile), 5000);
  remark_entry *order[] = {&plain, &deep, &shallow, &cold_profile,
                           &hot_profile};
  qsort(order, 5, sizeof order[0], site_compare);
  assert_ptr_equal(order[0], &hot_profile);
  assert_ptr_equal(order[1], &cold_profile);
  assert_ptr_equal(order[2], &deep);
  assert_ptr_equal(order[3], &shallow);
  assert_ptr_equal(order[4], &plain);
}

/* A remark with a long path, a long name and a long flow. */
static void long_remark(escape_remark *remark, const char *file, size_t i) {
  escape_strbuf var;
  escape_strbuf_init(&var);
  escape_strbuf_addf(&var, "v%zu_", i);
  for (int k = 0; k < 400; k++)
    escape_strbuf_addstr(&var, "long_name_");
  escape_remark_init(remark);
  escape_remark_set(remark, ESCAPE_REMARK_MISSED, "escape", "LocalEscapes",
                    "f");
  escape_remark_set_loc(remark, file, (unsigned)i + 1, 3);
  escape_remark_add_arg(remark, "Var", var.buf, NULL);
  escape_remark_add_arg(remark, "Reason", "call", NULL);
  for (unsigned hop = 0; hop < 30; hop++) {
    escape_loc loc = {(char *)file, 1000 + hop, 1};
    escape_remark_add_arg(remark, hop % 2 ? "InlinedFrom" : "Hop", var.buf,
                          &loc);
  }
  escape_remark_add_arg(remark, "LoopDepth", "3", NULL);
  escape_strbuf_release(&var);
}

static void markdown_stays_under_the_comment_limit(void **state) {
  (void)state;
  char *dir = test_make_temp_dir();
  char *yaml = test_path(dir, "big.escape.yaml");
  escape_strbuf file;
  escape_strbuf_init(&file);
  escape_strbuf_addstr(&file, "/src");
  for (int k = 0; k < 300; k++)
    escape_strbuf_addstr(&file, "/deeply_nested_dir");
  enum { COUNT = 200 };
  escape_remark *remarks = calloc(COUNT, sizeof *remarks);
  for (size_t i = 0; i < COUNT; i++) {
    escape_strbuf_reset(&file);
    escape_strbuf_addstr(&file, "/src");
    for (int k = 0; k < 300; k++)
      escape_strbuf_addstr(&file, "/deeply_nested_dir");
    escape_strbuf_addf(&file, "/file%zu.c", i);
    long_remark(&remarks[i], file.buf, i);
  }
  test_write_remarks(yaml, remarks, COUNT);
  for (size_t i = 0; i < COUNT; i++)
    escape_remark_clear(&remarks[i]);
  free(remarks);
  const char *argv[] = {"report", "--format", "markdown", yaml, NULL};
  test_run run = test_run_command(cmd_report_to, argv);
  assert_int_equal(run.exit_code, 0);
  assert_true(strlen(run.out) < 65536);
  assert_non_null(strstr(run.out, "#### Hottest remarks (20 of 200)"));
  assert_non_null(strstr(run.out, "<summary>Why: the flow and context"));
  assert_non_null(strstr(run.out, "  - inlined from `"));
  assert_non_null(strstr(run.out, "  - … 25 more\n"));
  /* Paths keep their end: the file's name. */
  assert_non_null(strstr(run.out, "_dir/deeply_nested_dir/file0.c:1`"));
  assert_non_null(strstr(run.out, "| `…"));
  test_run_release(&run);
  escape_strbuf_release(&file);
  test_remove_dir(dir);
  free(yaml);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(highlights_tokens),
      cmocka_unit_test(directive_continues_after_backslash),
      cmocka_unit_test(escapes_for_html_and_javascript),
      cmocka_unit_test(ranks_by_profile_then_estimate),
      cmocka_unit_test(markdown_stays_under_the_comment_limit),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
