/* A project of two files for the report site's tests. */
#include "store.h"

static void fill(char *p) { keep(p); }

int parse(int n) {
	char buf[16];
  for (int i = 0; i < n; i++)
    fill(buf);
  return buf[0];
}
