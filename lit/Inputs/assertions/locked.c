void fill(char *p);
static int twice(int x) { return 2 * x; }
__attribute__((noinline)) static int slow(int x) { return 7 * x; }

int f(int n) {
  int s = twice(n); // escape: inline
  char buf[8]; // escape: noescape
  fill(buf);
#ifdef BROKEN
  s += slow(n); // escape: inline
#endif
  s += n; // escape: noalloc
  return s + buf[0];
}
