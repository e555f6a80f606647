/* `escape annotate`: the listing with markers and carets, remark files
 * found beside the source, and errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "commands.h"
#include "escape/strbuf.h"
#include "test_support.h"

typedef struct fixture {
  char *dir;
  char *source; /* dir/x.c */
  char *yaml;   /* dir/x.escape.yaml */
} fixture;

static int setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  f->dir = test_make_temp_dir();
  f->source = test_path(f->dir, "x.c");
  f->yaml = test_path(f->dir, "x.escape.yaml");
  test_write_file(f->source, "void fill(char *p);\n"
                             "int parse(void) {\n"
                             "\tchar buf[16];\n"
                             "  fill(buf);\n"
                             "  return buf[0];\n"
                             "}\n");
  escape_remark remarks[3];
  for (size_t i = 0; i < 3; i++)
    escape_remark_init(&remarks[i]);
  escape_remark_set(&remarks[0], ESCAPE_REMARK_MISSED, "escape", "LocalEscapes",
                    "parse");
  escape_remark_set_loc(&remarks[0], f->source, 3, 7);
  escape_remark_add_arg(&remarks[0], "Var", "buf", NULL);
  escape_remark_add_arg(&remarks[0], "Reason", "stored", NULL);
  escape_remark_set(&remarks[1], ESCAPE_REMARK_PASSED, "escape",
                    "LocalNoEscape", "parse");
  escape_remark_set_loc(&remarks[1], f->source, 3, 2);
  escape_remark_add_arg(&remarks[1], "Var", "tmp", NULL);
  /* Another file's remark is not shown. */
  escape_remark_set(&remarks[2], ESCAPE_REMARK_ANALYSIS, "escape",
                    "LeakingParam", "g");
  escape_remark_set_loc(&remarks[2], "other.c", 1, 1);
  escape_remark_add_arg(&remarks[2], "Param", "p", NULL);
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
  free(f->source);
  free(f->yaml);
  free(f);
  return 0;
}

static char *expected_listing(const fixture *f) {
  escape_strbuf out;
  escape_strbuf_init(&out);
  escape_strbuf_addf(&out, "< %s\n", f->source);
  escape_strbuf_addstr(
      &out, "1     | void fill(char *p);\n"
            "2     | int parse(void) {\n"
            "3 MP  | \tchar buf[16];\n"
            "      | \t^ LocalNoEscape: 'tmp' does not escape\n"
            "      | \t     ^ LocalEscapes: 'buf' escapes: address stored to "
            "memory, so it lives in memory; store the value instead\n"
            "4     |   fill(buf);\n"
            "5     |   return buf[0];\n"
            "6     | }\n");
  return escape_strbuf_detach(&out);
}

static void finds_remarks_beside_the_source(void **state) {
  fixture *f = *state;
  const char *argv[] = {"annotate", f->source, NULL};
  test_run run = test_run_command(cmd_annotate_to, argv);
  char *expected = expected_listing(f);
  assert_string_equal(run.err, "");
  assert_string_equal(run.out, expected);
  assert_int_equal(run.exit_code, 0);
  free(expected);
  test_run_release(&run);
}

static void reads_the_given_yaml(void **state) {
  fixture *f = *state;
  const char *argv[] = {"annotate",     "--yaml",  f->dir, "--name",
                        "LocalEscapes", f->source, NULL};
  test_run run = test_run_command(cmd_annotate_to, argv);
  assert_non_null(strstr(run.out, "3 M   | \tchar buf[16];\n"));
  assert_null(strstr(run.out, "LocalNoEscape"));
  assert_int_equal(run.exit_code, 0);
  test_run_release(&run);
}

static void errors_exit_2(void **state) {
  fixture *f = *state;
  const char *missing[] = {"annotate", "/nonexistent.c", NULL};
  test_run run = test_run_command(cmd_annotate_to, missing);
  assert_int_equal(run.exit_code, 2);
  assert_string_equal(run.err, "escape: /nonexistent.c: error: cannot open: "
                               "No such file or directory\n");
  test_run_release(&run);
  const char *bad_yaml[] = {"annotate", "--yaml", "/nonexistent.yaml",
                            f->source, NULL};
  run = test_run_command(cmd_annotate_to, bad_yaml);
  assert_int_equal(run.exit_code, 2);
  assert_string_equal(run.out, "");
  test_run_release(&run);
  const char *two[] = {"annotate", f->source, f->source, NULL};
  run = test_run_command(cmd_annotate_to, two);
  assert_int_equal(run.exit_code, 2);
  assert_non_null(strstr(run.err, "usage: escape annotate"));
  test_run_release(&run);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(finds_remarks_beside_the_source),
      cmocka_unit_test(reads_the_given_yaml),
      cmocka_unit_test(errors_exit_2),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
