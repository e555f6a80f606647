#define _POSIX_C_SOURCE 200809L
#include "scan_progress.h"

#include <string.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void scan_progress_init(scan_progress *progress, FILE *out, int terminal,
                        size_t total) {
  *progress = (scan_progress){out, terminal, total, 0, now(), NULL, 0};
}

double scan_progress_elapsed(const scan_progress *progress) {
  return now() - progress->start;
}

void scan_progress_clear(scan_progress *progress) {
  if (progress->drawn)
    fputs("\r\033[K", progress->out);
  progress->drawn = 0;
}

/* The tail of name that fits in width columns. */
static const char *fitting(const char *name, size_t width) {
  size_t len = strlen(name);
  return len > width ? name + (len - width) : name;
}

/* Redraws the terminal line: [done/total] percent, ETA, current file. */
static void draw(scan_progress *progress) {
  char eta[32] = "--:--";
  if (progress->done > 0) {
    double elapsed = scan_progress_elapsed(progress);
    double left = elapsed / (double)progress->done *
                  (double)(progress->total - progress->done);
    snprintf(eta, sizeof eta, "%d:%02d", (int)left / 60, (int)left % 60);
  }
  unsigned percent =
      progress->total ? (unsigned)(100 * progress->done / progress->total) : 0;
  fprintf(progress->out, "\r\033[K[%zu/%zu] %3u%% ETA %s  %s", progress->done,
          progress->total, percent, eta,
          progress->current ? fitting(progress->current, 48) : "");
  fflush(progress->out);
  progress->drawn = 1;
}

void scan_progress_started(scan_progress *progress, const char *name) {
  progress->current = name;
  if (progress->terminal)
    draw(progress);
}

void scan_progress_finished(scan_progress *progress, const char *name,
                            int failed) {
  progress->done++;
  if (progress->terminal) {
    draw(progress);
    return;
  }
  fprintf(progress->out, "escape scan: [%zu/%zu] %s%s\n", progress->done,
          progress->total, name, failed ? ": failed" : "");
  fflush(progress->out);
}
