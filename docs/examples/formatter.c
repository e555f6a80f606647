/* A report formatter: the line buffer escapes into an output callback, the
 * totals struct is passed to a function that only reads it, and the
 * column cursor is kept by a helper in another file. */
#include <stdio.h>

struct totals {
  long count;
  double sum;
};

void emit_line(const char *line);            /* elsewhere */
void track_column(int *column);              /* elsewhere: keeps the pointer */
static double mean(const struct totals *t) { /* reads only */
  return t->count ? t->sum / (double)t->count : 0.0;
}

void print_report(const double *values, int n) {
  char line[128];
  struct totals totals = {0, 0.0};
  int column = 0;
  track_column(&column);
  for (int i = 0; i < n; i++) {
    totals.count++;
    totals.sum += values[i];
  }
  snprintf(line, sizeof line, "n=%ld mean=%.3f col=%d", totals.count,
           mean(&totals), column);
  emit_line(line);
}
