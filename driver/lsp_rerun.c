#define _XOPEN_SOURCE 700 /* mkdtemp, strdup */
#include "lsp_rerun.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compiler_id.h"
#include "plugin_flags.h"
#include "plugin_path.h"
#include "scan_command.h"
#include "spawn.h"

/* Polls this often while a compile runs. */
enum { RUNNING_POLL_MS = 50 };

static char *find_clang(const char *name, const char *fallback) {
  char *found = compiler_find(name);
  return found ? found : compiler_find(fallback);
}

int lsp_rerun_init(lsp_rerun *rerun, unsigned parallel, escape_strbuf *err) {
  memset(rerun, 0, sizeof *rerun);
  rerun->parallel = parallel ? parallel : 1;
  escape_strbuf plugin;
  escape_strbuf_init(&plugin);
  int result = plugin_path_find(&plugin, err);
  if (result == 0)
    rerun->plugin = escape_strbuf_detach(&plugin);
  escape_strbuf_release(&plugin);
  rerun->clang =
      find_clang("clang-" ESCAPE_LLVM_MAJOR_TEXT, ESCAPE_LLVM_BINDIR "/clang");
  rerun->clangxx = find_clang("clang++-" ESCAPE_LLVM_MAJOR_TEXT,
                              ESCAPE_LLVM_BINDIR "/clang++");
  return result;
}

static void release_job(lsp_rerun_job *job) {
  free(job->source);
  free(job->yaml);
  free(job->partial);
  free(job->object);
  free(job->log);
  free(job->dir);
  path_list_release(&job->command);
}

void lsp_rerun_release(lsp_rerun *rerun) {
  for (size_t i = 0; i < rerun->count; i++) {
    lsp_rerun_job *job = &rerun->jobs[i];
    if (job->pid > 0) {
      kill(job->pid, SIGTERM);
      waitpid(job->pid, NULL, 0);
    }
    unlink(job->yaml);
    unlink(job->partial);
    unlink(job->object);
    unlink(job->log);
    release_job(job);
  }
  if (rerun->cache_dir)
    rmdir(rerun->cache_dir);
  free(rerun->cache_dir);
  free(rerun->jobs);
  free(rerun->plugin);
  free(rerun->clang);
  free(rerun->clangxx);
  memset(rerun, 0, sizeof *rerun);
}

static lsp_rerun_job *find_job(const lsp_rerun *rerun, const char *source) {
  for (size_t i = 0; i < rerun->count; i++)
    if (strcmp(rerun->jobs[i].source, source) == 0)
      return &rerun->jobs[i];
  return NULL;
}

/* The private cache directory, made on first use. */
static int cache_dir(lsp_rerun *rerun, escape_strbuf *err) {
  if (rerun->cache_dir)
    return 0;
  escape_strbuf dir;
  escape_strbuf_init(&dir);
  const char *tmp = getenv("TMPDIR");
  escape_strbuf_addf(&dir, "%s/escape-lsp-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp(dir.buf)) {
    escape_strbuf_addf(err, "%s: %s", dir.buf, strerror(errno));
    escape_strbuf_release(&dir);
    return -1;
  }
  rerun->cache_dir = escape_strbuf_detach(&dir);
  return 0;
}

/* A new job for source, with its files named by its index. */
static lsp_rerun_job *add_job(lsp_rerun *rerun, const char *source) {
  lsp_rerun_job *jobs =
      realloc(rerun->jobs, (rerun->count + 1) * sizeof *rerun->jobs);
  if (!jobs)
    return NULL;
  rerun->jobs = jobs;
  lsp_rerun_job *job = &jobs[rerun->count];
  memset(job, 0, sizeof *job);
  path_list_init(&job->command);
  escape_strbuf name;
  escape_strbuf_init(&name);
  escape_strbuf_addf(&name, "%s/%zu", rerun->cache_dir, rerun->count);
  job->source = strdup(source);
  job->yaml = malloc(name.len + 16);
  job->partial = malloc(name.len + 16);
  job->object = malloc(name.len + 16);
  job->log = malloc(name.len + 16);
  if (!job->source || !job->yaml || !job->partial || !job->object ||
      !job->log || name.failed) {
    release_job(job);
    escape_strbuf_release(&name);
    return NULL;
  }
  sprintf(job->yaml, "%s.escape.yaml", name.buf);
  sprintf(job->partial, "%s.part.yaml", name.buf);
  sprintf(job->object, "%s.o", name.buf);
  sprintf(job->log, "%s.log", name.buf);
  escape_strbuf_release(&name);
  rerun->count++;
  return job;
}

int lsp_rerun_request(lsp_rerun *rerun, const char *source,
                      const compile_entry *entry, const char *dir,
                      long long due_ms, escape_strbuf *err) {
  if (!rerun->plugin) {
    escape_strbuf_addstr(err, "the escape plugin was not found");
    return 1;
  }
  if (cache_dir(rerun, err) != 0)
    return -1;
  lsp_rerun_job *job = find_job(rerun, source);
  if (!job && !(job = add_job(rerun, source))) {
    escape_strbuf_addstr(err, "out of memory");
    return -1;
  }
  scan_setup setup = {rerun->plugin, "verbose", rerun->clang, rerun->clangxx};
  path_list command;
  path_list_init(&command);
  char *dir_copy = strdup(dir);
  int built = dir_copy ? scan_command_build(entry, &setup, job->object,
                                            job->partial, &command, err)
                       : -1;
  if (built != 0) {
    free(dir_copy);
    path_list_release(&command);
    if (built < 0)
      escape_strbuf_addstr(err, "out of memory");
    return built;
  }
  path_list_release(&job->command);
  job->command = command;
  free(job->dir);
  job->dir = dir_copy;
  job->due_ms = due_ms;
  job->pending = 1;
  if (job->pid > 0 && !job->cancelled) {
    kill(job->pid, SIGTERM);
    job->cancelled = 1;
  }
  return 0;
}

const char *lsp_rerun_yaml(const lsp_rerun *rerun, const char *source) {
  const lsp_rerun_job *job = find_job(rerun, source);
  return job ? job->yaml : NULL;
}

int lsp_rerun_busy(const lsp_rerun *rerun, const char *source) {
  const lsp_rerun_job *job = find_job(rerun, source);
  return job && (job->pending || job->pid > 0);
}

void lsp_rerun_first_error(const char *output, escape_strbuf *out) {
  const char *line = output, *first = NULL;
  while (*line) {
    const char *eol = strchr(line, '\n');
    size_t len = eol ? (size_t)(eol - line) : strlen(line);
    if (!first && len > 0)
      first = line;
    const char *hit = strstr(line, "error:");
    if (hit && (size_t)(hit - line) < len) {
      first = line;
      break;
    }
    line += len + (eol ? 1 : 0);
  }
  if (!first) {
    escape_strbuf_addstr(out, "no compiler output");
    return;
  }
  size_t len = strcspn(first, "\n");
  escape_strbuf_add(out, first, len < 400 ? len : 400);
}

/* Reads the log of a finished run into out (its first 64 KiB). */
static void read_log(const char *path, escape_strbuf *out) {
  FILE *log = fopen(path, "r");
  char chunk[4096];
  size_t n;
  while (log && out->len < 65536 && (n = fread(chunk, 1, sizeof chunk, log)))
    escape_strbuf_add(out, chunk, n);
  if (log)
    fclose(log);
}

/* Reports a reaped run. */
static void finish(lsp_rerun_job *job, int status,
                   const lsp_rerun_events *events) {
  job->pid = 0;
  unlink(job->object);
  int code = spawn_exit_code(status);
  if (job->cancelled || code != 0)
    unlink(job->partial);
  if (job->cancelled) {
    job->cancelled = 0;
    return;
  }
  escape_strbuf output, first;
  escape_strbuf_init(&output);
  escape_strbuf_init(&first);
  if (code == 0 && rename(job->partial, job->yaml) != 0) {
    code = 1;
    escape_strbuf_addf(&first, "%s: %s", job->yaml, strerror(errno));
  } else if (code != 0) {
    read_log(job->log, &output);
    lsp_rerun_first_error(output.buf, &first);
  }
  events->done(events->ctx, job->source, code, first.buf);
  escape_strbuf_release(&output);
  escape_strbuf_release(&first);
}

/* Starts a due job; a failure to start is reported as a failed run. */
static void start(lsp_rerun_job *job, const lsp_rerun_events *events) {
  job->pending = 0;
  const char **argv = spawn_argv(&job->command);
  int fd = open(job->log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (argv && fd >= 0)
    job->pid = spawn_start(argv, job->dir, fd);
  if (fd >= 0)
    close(fd);
  free(argv);
  if (job->pid <= 0) {
    job->pid = 0;
    events->done(events->ctx, job->source, 127,
                 "the compiler could not be started");
    return;
  }
  events->started(events->ctx, job->source);
}

void lsp_rerun_poll(lsp_rerun *rerun, long long now_ms,
                    const lsp_rerun_events *events) {
  unsigned running = 0;
  for (size_t i = 0; i < rerun->count; i++) {
    lsp_rerun_job *job = &rerun->jobs[i];
    int status;
    if (job->pid > 0 && waitpid(job->pid, &status, WNOHANG) == job->pid)
      finish(job, status, events);
    running += job->pid > 0;
  }
  for (size_t i = 0; i < rerun->count && running < rerun->parallel; i++) {
    lsp_rerun_job *job = &rerun->jobs[i];
    if (job->pending && job->pid == 0 && job->due_ms <= now_ms) {
      start(job, events);
      running += job->pid > 0;
    }
  }
}

long long lsp_rerun_wait(const lsp_rerun *rerun, long long now_ms) {
  long long wait = -1;
  for (size_t i = 0; i < rerun->count; i++) {
    const lsp_rerun_job *job = &rerun->jobs[i];
    long long mine = job->pid > 0 ? RUNNING_POLL_MS
                     : job->pending
                         ? (job->due_ms > now_ms ? job->due_ms - now_ms : 0)
                         : -1;
    if (mine >= 0 && (wait < 0 || mine < wait))
      wait = mine;
  }
  return wait;
}
