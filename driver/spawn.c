#define _POSIX_C_SOURCE 200809L
#include "spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* In the child: reports why the program did not start, then exits 127 as
 * a shell does for a command it cannot run. */
static void child_failed(const char *what, const char *name) {
  dprintf(STDERR_FILENO, "escape: error: cannot %s '%s': %s\n", what, name,
          strerror(errno));
  _exit(127);
}

pid_t spawn_start(const char *const *argv, const char *dir, int output_fd) {
  pid_t pid = fork();
  if (pid != 0)
    return pid;
  int null_fd = open("/dev/null", O_RDONLY);
  if (null_fd >= 0) {
    dup2(null_fd, STDIN_FILENO);
    close(null_fd);
  }
  dup2(output_fd, STDOUT_FILENO);
  dup2(output_fd, STDERR_FILENO);
  if (dir && chdir(dir) != 0)
    child_failed("enter directory", dir);
  /* execvp's argv is not const for historical reasons; it is not written. */
  execvp(argv[0], (char *const *)argv);
  child_failed("run", argv[0]);
  return -1;
}

int spawn_exit_code(int wait_status) {
  if (WIFEXITED(wait_status))
    return WEXITSTATUS(wait_status);
  if (WIFSIGNALED(wait_status))
    return 128 + WTERMSIG(wait_status);
  return 1;
}

/* Waits for pid, retrying when a signal interrupts the wait. */
static int wait_for(pid_t pid) {
  int status;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR)
      return -1;
  return spawn_exit_code(status);
}

int spawn_capture(const char *const *argv, size_t limit, escape_strbuf *out) {
  int fds[2];
  if (pipe(fds) != 0)
    return -1;
  pid_t pid = spawn_start(argv, NULL, fds[1]);
  close(fds[1]);
  if (pid < 0) {
    close(fds[0]);
    return -1;
  }
  char chunk[4096];
  ssize_t n;
  /* Read to the end even past the limit, so the child never blocks. */
  while ((n = read(fds[0], chunk, sizeof chunk)) != 0) {
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      break;
    size_t room = limit > out->len ? limit - out->len : 0;
    escape_strbuf_add(out, chunk, (size_t)n < room ? (size_t)n : room);
  }
  close(fds[0]);
  return wait_for(pid);
}

const char **spawn_argv(const string_list *list) {
  const char **argv = malloc((list->count + 1) * sizeof *argv);
  if (!argv)
    return NULL;
  for (size_t i = 0; i < list->count; i++)
    argv[i] = list->items[i];
  argv[list->count] = NULL;
  return argv;
}
