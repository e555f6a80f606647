/* A log summarizer with the hot-loop habits escape points at: a heap
 * buffer that could live on the stack, allocation and printf-style
 * formatting on every line, a handler called through a pointer, and a
 * helper too big to inline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct record {
  const char *host;
  int status;
  int bytes;
};

typedef int (*filter_fn)(const struct record *r);

static int classify(const struct record *r) {
  int score = 0;
  for (const char *p = r->host; *p; p++) {
    if (*p == '.')
      score += 3;
    else if (*p >= '0' && *p <= '9')
      score += (*p - '0') * 7 % 5;
    else
      score ^= *p;
  }
  if (r->status >= 500)
    score += 1000;
  else if (r->status >= 400)
    score += 100;
  if (r->bytes > 1 << 20)
    score += 50;
  else if (r->bytes > 1 << 10)
    score += 5;
  return score;
}

void print_header(const char *title) {
  char *line = malloc(80);
  if (!line)
    return;
  snprintf(line, 80, "== %s ==", title);
  puts(line);
  free(line);
}

long summarize(const struct record *records, int n, filter_fn keep) {
  long total = 0;
  print_header("summary");
  for (int i = 0; i < n; i++) {
    if (!keep(&records[i]))
      continue;
    char *host = strdup(records[i].host);
    printf("%s %d %d\n", host, records[i].status, records[i].bytes);
    total += classify(&records[i]) + classify(&records[n - 1 - i]);
    free(host);
  }
  return total;
}
