// LLVM's inliner remarks for the driver: one call inlined, one without a
// definition, one noinline, and a libc call (declared in a system header,
// so it is left out).
#include <stdio.h>

void external(int *p);
static int square(int x) { return x * x; }
__attribute__((noinline)) static int slow(int x) { return x * 3 + 1; }

int entry(int k) {
  int v = square(k);
  external(&v);
  printf("%d\n", v);
  return slow(v);
}
