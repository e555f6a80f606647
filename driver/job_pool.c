#define _POSIX_C_SOURCE 200809L
#include "job_pool.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "spawn.h"

typedef struct running_job {
  pid_t pid;
  size_t index;
} running_job;

/* Starts job index; returns its pid, or -1 after reporting it finished. */
static pid_t start_job(const pool_job *job, size_t index,
                       const pool_events *events) {
  events->started(events->ctx, index);
  /* O_CLOEXEC: other jobs' children must not hold this log open. */
  int fd = open(job->log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  pid_t pid = fd < 0 ? -1 : spawn_start(job->argv, job->dir, fd);
  if (pid < 0) {
    const char *why = strerror(errno);
    if (fd >= 0)
      dprintf(fd, "escape: error: cannot start '%s': %s\n", job->argv[0], why);
    events->finished(events->ctx, index, 127);
  }
  if (fd >= 0)
    close(fd);
  return pid;
}

/* Waits for any child of ours; returns its slot in running, or -1. */
static int reap_one(running_job *running, unsigned active, int *exit_code) {
  int status;
  pid_t pid;
  while ((pid = waitpid(-1, &status, 0)) < 0)
    if (errno != EINTR)
      return -1;
  for (unsigned slot = 0; slot < active; slot++)
    if (running[slot].pid == pid) {
      *exit_code = spawn_exit_code(status);
      return (int)slot;
    }
  return -2; /* a child that is not a job (none expected): wait again */
}

void job_pool_run(const pool_job *jobs, size_t count, unsigned parallel,
                  const pool_events *events) {
  if (parallel == 0)
    parallel = 1;
  running_job one;
  running_job *running = calloc(parallel, sizeof *running);
  if (!running) /* out of memory: one job at a time still works */
    running = &one, parallel = 1;
  unsigned active = 0;
  size_t next = 0;
  while (next < count || active > 0) {
    while (next < count && active < parallel) {
      pid_t pid = start_job(&jobs[next], next, events);
      if (pid > 0)
        running[active++] = (running_job){pid, next};
      next++;
    }
    if (active == 0)
      continue;
    int exit_code = 0;
    int slot = reap_one(running, active, &exit_code);
    if (slot == -1)
      break; /* no children left: cannot happen while active > 0 */
    if (slot >= 0) {
      events->finished(events->ctx, running[slot].index, exit_code);
      running[slot] = running[--active];
    }
  }
  if (running != &one)
    free(running);
}
