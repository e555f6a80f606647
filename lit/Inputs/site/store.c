#include "store.h"

char *g_last;
void keep(char *p) { g_last = p; }
