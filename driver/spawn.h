/* Runs programs without a shell (fork + execvp), for the launcher's
 * compiler probe and scan's worker pool. */
#ifndef ESCAPE_DRIVER_SPAWN_H
#define ESCAPE_DRIVER_SPAWN_H

#include <sys/types.h>

#include "escape/strbuf.h"
#include "string_list.h"

/* Starts argv[0] (searched in PATH) with argv in dir (NULL: the current
 * directory), stdin from /dev/null, stdout and stderr to output_fd.
 * Returns the child's pid, or -1 with errno set. A program that cannot be
 * started exits 127 after writing why to output_fd. */
pid_t spawn_start(const char *const *argv, const char *dir, int output_fd);

/* Turns a waitpid status into an exit code as a shell reports it: the
 * exit status, or 128 + the signal number. */
int spawn_exit_code(int wait_status);

/* Runs argv to the end with its stdout and stderr captured into out (at
 * most limit bytes kept); returns its exit code, or -1 with errno set. */
int spawn_capture(const char *const *argv, size_t limit, escape_strbuf *out);

/* A NULL-terminated argv (malloc'ed; the strings stay the list's) for
 * the words of list, or NULL when out of memory. */
const char **spawn_argv(const string_list *list);

#endif
