#include <stdio.h>
#include "helpers.h"

void fill(char *p); /* also in helpers.h */
void sink(int v);
static char *g_last;

void keep(char *p) { g_last = p; }

int parse(int n) {
  char buf[64];
  fill(buf);
  for (int i = 0; i < n; i++) {
    printf("%d\n", i);
    sink(i);
  }
  /* ü€𝄞 */ char wide[8];
  keep(wide);
  return buf[0] + wide[0] + twice(n);
}
