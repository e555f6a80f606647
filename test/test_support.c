#define _POSIX_C_SOURCE 200809L
#include "test_support.h"

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "escape/remark_writer.h"

char *test_make_temp_dir(void) {
  char *dir = strdup("/tmp/escape-test-XXXXXX");
  assert_non_null(dir);
  assert_non_null(mkdtemp(dir));
  return dir;
}

char *test_path(const char *dir, const char *name) {
  size_t len = strlen(dir) + strlen(name) + 2;
  char *path = malloc(len);
  assert_non_null(path);
  snprintf(path, len, "%s/%s", dir, name);
  return path;
}

void test_remove_dir(const char *dir) {
  DIR *stream = opendir(dir);
  if (!stream)
    return;
  struct dirent *entry;
  while ((entry = readdir(stream)) != NULL) {
    if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
      continue;
    char *path = test_path(dir, entry->d_name);
    unlink(path);
    free(path);
  }
  closedir(stream);
  rmdir(dir);
}

void test_write_file(const char *path, const char *text) {
  FILE *file = fopen(path, "wb");
  assert_non_null(file);
  fputs(text, file);
  assert_int_equal(fclose(file), 0);
}

/* Reads an open stream from its start to its end. */
static char *read_stream(FILE *file) {
  size_t len = 0, alloc = 4096;
  char *text = malloc(alloc);
  assert_non_null(text);
  rewind(file);
  size_t n;
  while ((n = fread(text + len, 1, alloc - len - 1, file)) > 0) {
    len += n;
    if (alloc - len - 1 == 0) {
      alloc *= 2;
      text = realloc(text, alloc);
      assert_non_null(text);
    }
  }
  text[len] = '\0';
  return text;
}

char *test_read_file(const char *path) {
  FILE *file = fopen(path, "rb");
  if (!file)
    return NULL;
  char *text = read_stream(file);
  fclose(file);
  return text;
}

size_t test_count_dir_entries(const char *dir) {
  DIR *stream = opendir(dir);
  assert_non_null(stream);
  size_t count = 0;
  struct dirent *entry;
  while ((entry = readdir(stream)) != NULL)
    if (strcmp(entry->d_name, ".") != 0 && strcmp(entry->d_name, "..") != 0)
      count++;
  closedir(stream);
  return count;
}

void test_write_remarks(const char *path, const escape_remark *remarks,
                        size_t count) {
  escape_strbuf err;
  escape_strbuf_init(&err);
  escape_remark_writer *writer = escape_remark_writer_open(path, &err);
  assert_non_null(writer);
  for (size_t i = 0; i < count; i++)
    assert_int_equal(escape_remark_writer_add(writer, &remarks[i], &err), 0);
  assert_int_equal(escape_remark_writer_commit(writer, &err), 0);
  escape_strbuf_release(&err);
}

test_run test_run_command(test_command command, const char **argv) {
  int argc = 0;
  while (argv[argc])
    argc++;
  FILE *out = tmpfile();
  FILE *err = tmpfile();
  assert_non_null(out);
  assert_non_null(err);
  test_run run;
  run.exit_code = command(out, err, argc, argv);
  run.out = read_stream(out);
  run.err = read_stream(err);
  fclose(out);
  fclose(err);
  return run;
}

void test_run_release(test_run *run) {
  free(run->out);
  free(run->err);
  run->out = run->err = NULL;
}
