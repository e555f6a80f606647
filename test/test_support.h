/* Helpers for the unit tests: temporary directories, whole-file reads and
 * running a driver command with its output captured. */
#ifndef ESCAPE_TEST_SUPPORT_H
#define ESCAPE_TEST_SUPPORT_H

#include <stddef.h>
#include <stdio.h>

#include "escape/remark.h"

/* Creates a fresh empty directory under /tmp; returns its malloc'ed path. */
char *test_make_temp_dir(void);

/* Removes the files directly inside dir, then dir itself. */
void test_remove_dir(const char *dir);

/* Returns malloc'ed "dir/name". */
char *test_path(const char *dir, const char *name);

/* Writes text to path, replacing it. */
void test_write_file(const char *path, const char *text);

/* Returns the malloc'ed, NUL-terminated content of path, or NULL. */
char *test_read_file(const char *path);

/* Returns how many entries dir holds besides . and .. */
size_t test_count_dir_entries(const char *dir);

/* Writes remarks to path with the remark writer; fails the test on error. */
void test_write_remarks(const char *path, const escape_remark *remarks,
                        size_t count);

/* A driver command writing to out and err, as cmd_report_to. */
typedef int (*test_command)(FILE *out, FILE *err, int argc, const char **argv);

/* Output of one captured command run. */
typedef struct test_run {
  int exit_code;
  char *out; /* malloc'ed */
  char *err; /* malloc'ed */
} test_run;

/* Runs command with argv (NULL-terminated) and captures its output. */
test_run test_run_command(test_command command, const char **argv);

/* Frees the captured output. */
void test_run_release(test_run *run);

#endif
