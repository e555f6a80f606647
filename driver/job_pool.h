/* Runs commands in parallel child processes (fork/exec, waitpid), each
 * with its stdout and stderr in a log file, reporting starts and ends. */
#ifndef ESCAPE_DRIVER_JOB_POOL_H
#define ESCAPE_DRIVER_JOB_POOL_H

#include <stddef.h>

typedef struct pool_job {
  const char **argv;    /* NULL-terminated; argv[0] searched in PATH */
  const char *dir;      /* the working directory */
  const char *log_path; /* receives stdout and stderr */
} pool_job;

typedef struct pool_events {
  void (*started)(void *ctx, size_t index);
  void (*finished)(void *ctx, size_t index, int exit_code);
  void *ctx;
} pool_events;

/* Runs every job, at most parallel at once, in order of index. A job that
 * cannot be started finishes with 127 and the reason in its log. */
void job_pool_run(const pool_job *jobs, size_t count, unsigned parallel,
                  const pool_events *events);

#endif
