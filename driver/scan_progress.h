/* escape scan's progress: on a terminal one line redrawn in place
 * (done/total, percent, ETA, the file being compiled); otherwise one
 * plain line per finished file, which logs and CI consoles keep. */
#ifndef ESCAPE_DRIVER_SCAN_PROGRESS_H
#define ESCAPE_DRIVER_SCAN_PROGRESS_H

#include <stddef.h>
#include <stdio.h>

typedef struct scan_progress {
  FILE *out;
  int terminal;
  size_t total;
  size_t done;
  double start; /* seconds */
  const char *current;
  int drawn; /* a progress line is on screen */
} scan_progress;

/* Starts counting total files on out (a terminal or not). */
void scan_progress_init(scan_progress *progress, FILE *out, int terminal,
                        size_t total);

/* Notes that name is being compiled. */
void scan_progress_started(scan_progress *progress, const char *name);

/* Notes that name is done; failed adds "failed" to the plain line. */
void scan_progress_finished(scan_progress *progress, const char *name,
                            int failed);

/* Clears the progress line so that other text can be printed. */
void scan_progress_clear(scan_progress *progress);

/* Seconds since init. */
double scan_progress_elapsed(const scan_progress *progress);

#endif
