/* escape scan's pieces: reading compile_commands.json (both forms, errors
 * with their line), the rewritten command, the YAML paths, and how the
 * launcher tells compilers and compile jobs apart. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "compile_db.h"
#include "compile_job.h"
#include "compiler_id.h"
#include "scan_command.h"
#include "scan_paths.h"
#include "test_support.h"

/* Loads text as a database; returns the result, err filled. */
static int load_text(const char *text, compile_db *db, escape_strbuf *err) {
  char *dir = test_make_temp_dir();
  char *path = test_path(dir, "compile_commands.json");
  test_write_file(path, text);
  int result = compile_db_load(path, db, err);
  test_remove_dir(dir);
  free(path);
  free(dir);
  return result;
}

static void reads_both_forms(void **state) {
  (void)state;
  compile_db db;
  escape_strbuf err;
  escape_strbuf_init(&err);
  assert_int_equal(
      load_text("[{\"directory\": \"/b\", \"file\": \"a.c\", \"arguments\": "
                "[\"clang-19\", \"-c\", \"a.c\"]},\n"
                " {\"directory\": \"/b\", \"file\": \"b.c\", \"command\": "
                "\"gcc -DX='\\\"1 2\\\"' -c b.c\"}]",
                &db, &err),
      0);
  assert_int_equal(db.count, 2);
  assert_string_equal(db.entries[0].arguments.items[0], "clang-19");
  assert_int_equal(db.entries[1].arguments.count, 4);
  assert_string_equal(db.entries[1].arguments.items[1], "-DX=\"1 2\"");
  compile_db_release(&db);
  escape_strbuf_release(&err);
}

static void errors_name_file_and_line(void **state) {
  (void)state;
  compile_db db;
  escape_strbuf err;
  escape_strbuf_init(&err);
  assert_int_equal(load_text("[\n{\"directory\": \"/b\",\n  oops}]", &db, &err),
                   -1);
  assert_non_null(strstr(err.buf, "compile_commands.json:3: error: "));
  escape_strbuf_reset(&err);
  assert_int_equal(
      load_text("[{\"directory\": \"/b\", \"file\": \"a.c\"}]", &db, &err), -1);
  assert_non_null(strstr(err.buf, "error: entry 1: neither an \"arguments\""));
  escape_strbuf_reset(&err);
  assert_int_equal(
      load_text("[{\"directory\": \"/b\", \"file\": \"a\", \"command\": "
                "\"cc 'x\"}]",
                &db, &err),
      -1);
  assert_non_null(strstr(err.buf, "entry 1: unterminated single quote"));
  escape_strbuf_release(&err);
}

static void command_drops_build_outputs(void **state) {
  (void)state;
  compile_entry entry = {"/b", "a.c", {NULL, 0, 0}};
  const char *words[] = {"ccache", "clang-19", "-MD",         "-MF", "a.d",
                         "-O2",    "-Rescape", "-c",          "a.c", "-o",
                         "a.o",    "-MTa.o",   "-Wp,-MMD,x.d"};
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    string_list_add(&entry.arguments, words[i]);
  scan_setup setup = {"/p/libescape.so", "verbose", NULL, NULL};
  string_list out;
  string_list_init(&out);
  escape_strbuf note;
  escape_strbuf_init(&note);
  assert_int_equal(scan_command_build(&entry, &setup, "/tmp/1.o",
                                      "/out/a.escape.yaml", &out, &note),
                   0);
  const char *expected[] = {"clang-19",
                            "-O2",
                            "-c",
                            "a.c",
                            "-fplugin=/p/libescape.so",
                            "-fplugin-arg-escape-verbose",
                            "-fplugin-arg-escape-yaml=/out/a.escape.yaml",
                            "-o",
                            "/tmp/1.o"};
  assert_int_equal(out.count, sizeof expected / sizeof expected[0]);
  for (size_t i = 0; i < out.count; i++)
    assert_string_equal(out.items[i], expected[i]);
  string_list_release(&out);
  string_list_release(&entry.arguments);
  escape_strbuf_release(&note);
}

static void gcc_without_clang_is_skipped(void **state) {
  (void)state;
  compile_entry entry = {"/b", "a.c", {NULL, 0, 0}};
  string_list_add(&entry.arguments, "g++");
  scan_setup setup = {"/p/libescape.so", NULL, "/x/clang", NULL};
  string_list out;
  string_list_init(&out);
  escape_strbuf note;
  escape_strbuf_init(&note);
  assert_int_equal(scan_command_build(&entry, &setup, "o", "y", &out, &note),
                   1);
  assert_non_null(strstr(note.buf, "'g++' needs clang-"));
  setup.clangxx = "/x/clang++";
  assert_int_equal(scan_command_build(&entry, &setup, "o", "y", &out, &note),
                   0);
  assert_string_equal(out.items[0], "/x/clang++");
  string_list_release(&out);
  string_list_release(&entry.arguments);
  escape_strbuf_release(&note);
}

static void yaml_paths_mirror_sources(void **state) {
  (void)state;
  escape_strbuf path;
  escape_strbuf_init(&path);
  scan_path_absolute("/p/build", "../src/./a.c", &path);
  assert_string_equal(path.buf, "/p/src/a.c");
  assert_string_equal(scan_path_relative("/p", "/p/src/a.c"), "src/a.c");
  assert_string_equal(scan_path_relative("/q", "/p/src/a.c"), "p/src/a.c");
  scan_yaml_path("/out", "src/a.c", 0, &path);
  assert_string_equal(path.buf, "/out/src/a.escape.yaml");
  scan_yaml_path("/out", "v1.2/a", 2, &path);
  assert_string_equal(path.buf, "/out/v1.2/a.2.escape.yaml");
  escape_strbuf_release(&path);
}

static void compilers_by_name(void **state) {
  (void)state;
  compiler_info info = compiler_from_name("/usr/bin/clang++-19");
  assert_int_equal(info.kind, COMPILER_CLANG);
  assert_int_equal(info.major, 19);
  assert_true(info.cxx);
  assert_int_equal(compiler_from_name("x86_64-linux-gnu-gcc-12").kind,
                   COMPILER_GCC);
  assert_int_equal(compiler_from_name("clang-tidy").kind, COMPILER_UNKNOWN);
  assert_int_equal(compiler_from_name("cc").kind, COMPILER_UNKNOWN);
  assert_true(compiler_name_is_compiler("c++"));
  assert_true(compiler_name_is_compiler("clang-19"));
  assert_false(compiler_name_is_compiler("report"));
  info = compiler_from_version_text("Debian clang version 19.1.7 (3)\n", 0);
  assert_int_equal(info.kind, COMPILER_CLANG);
  assert_int_equal(info.major, 19);
  info = compiler_from_version_text("gcc (Debian 12.2.0-14) 12.2.0\n", 0);
  assert_int_equal(info.kind, COMPILER_GCC);
}

static void compile_jobs_only(void **state) {
  (void)state;
  const char *compile[] = {"-O2", "-c", "x.c", "-o", "x.o"};
  const char *assemble[] = {"-S", "x.c"};
  const char *link[] = {"x.o", "-o", "x"};
  const char *preprocess[] = {"-E", "-c", "x.c"};
  const char *deps[] = {"-MM", "-c", "x.c"};
  const char *output_named_c[] = {"x.o", "-o", "-c"};
  assert_true(compile_job_is_compile(5, compile));
  assert_true(compile_job_is_compile(2, assemble));
  assert_false(compile_job_is_compile(3, link));
  assert_false(compile_job_is_compile(3, preprocess));
  assert_false(compile_job_is_compile(3, deps));
  assert_false(compile_job_is_compile(3, output_named_c));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(reads_both_forms),
      cmocka_unit_test(errors_name_file_and_line),
      cmocka_unit_test(command_drops_build_outputs),
      cmocka_unit_test(gcc_without_clang_is_skipped),
      cmocka_unit_test(yaml_paths_mirror_sources),
      cmocka_unit_test(compilers_by_name),
      cmocka_unit_test(compile_jobs_only),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
