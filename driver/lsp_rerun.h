/* Background re-runs of one translation unit's compile with the plugin,
 * for `escape lsp` on save: the YAML goes to a private cache directory of
 * the server (one file per translation unit, so two sources never collide),
 * the object to a scratch file that is removed, the build tree is never
 * written. Requests are debounced (a run starts once its source has not
 * been saved again for the delay), at most a bounded number run at once,
 * and a request for a source whose run is under way cancels that run (its
 * result is dropped) and starts again. Single-threaded: the server's loop
 * calls lsp_rerun_poll. */
#ifndef ESCAPE_DRIVER_LSP_RERUN_H
#define ESCAPE_DRIVER_LSP_RERUN_H

#include <sys/types.h>

#include "compile_db.h"
#include "escape/strbuf.h"
#include "input_paths.h"

typedef struct lsp_rerun_job {
  char *source;  /* absolute path: the key */
  char *yaml;    /* in the cache directory */
  char *partial; /* what a run writes, renamed to yaml when it succeeds, so
                    that a half-written YAML is never read */
  char *object;
  char *log;
  char *dir;         /* where the command runs */
  path_list command; /* the compile with the plugin */
  long long due_ms;  /* a pending run starts at this time */
  int pending;
  int cancelled; /* the running one was superseded */
  pid_t pid;     /* running, or 0 */
} lsp_rerun_job;

typedef struct lsp_rerun {
  char *cache_dir; /* made on the first request */
  char *plugin;    /* NULL: re-runs are unavailable */
  char *clang, *clangxx;
  unsigned parallel;
  lsp_rerun_job *jobs;
  size_t count;
} lsp_rerun;

/* What the server hears of runs: one started, and how one ended (exit
 * code 0: the YAML is fresh; else the compile's first error line, or why
 * it could not run). Cancelled runs end silently. */
typedef struct lsp_rerun_events {
  void (*started)(void *ctx, const char *source);
  void (*done)(void *ctx, const char *source, int exit_code,
               const char *first_error);
  void *ctx;
} lsp_rerun_events;

/* Finds the plugin and the clangs; parallel is the bound on runs at once.
 * Returns 0, or -1 with why in err (re-runs are then unavailable, the
 * rest works). */
int lsp_rerun_init(lsp_rerun *rerun, unsigned parallel, escape_strbuf *err);

/* Stops the runs still going and removes the cache directory. */
void lsp_rerun_release(lsp_rerun *rerun);

/* Asks for a run of source (absolute) by entry, whose directory is dir
 * (absolute), to start at due_ms or later. Returns 0, 1 when the entry
 * cannot be re-run (why in err: no clang for its compiler), -1 with why
 * in err on errors. */
int lsp_rerun_request(lsp_rerun *rerun, const char *source,
                      const compile_entry *entry, const char *dir,
                      long long due_ms, escape_strbuf *err);

/* The YAML path of source's runs (whether or not one finished), or NULL
 * when none was asked for. */
const char *lsp_rerun_yaml(const lsp_rerun *rerun, const char *source);

/* Whether source has a run pending or under way. */
int lsp_rerun_busy(const lsp_rerun *rerun, const char *source);

/* Reaps finished runs and starts due ones, telling events. */
void lsp_rerun_poll(lsp_rerun *rerun, long long now_ms,
                    const lsp_rerun_events *events);

/* Milliseconds until the next poll is wanted: soon while runs are under
 * way, the time to the next due start, or -1 when idle. */
long long lsp_rerun_wait(const lsp_rerun *rerun, long long now_ms);

/* The first error line of a compiler's output (a line with "error:"), or
 * its first line; written to out, at most 400 bytes. */
void lsp_rerun_first_error(const char *output, escape_strbuf *out);

#endif
