// The caller's translation unit of lit/join-tu.test.
void fill(char *p);
void keep(char *p);
void pong(char *p);
void helper(char *p);
void nowhere(char *p);
int big(const int *v, int n);

int loud(void) {
  char buf[8];
  fill(buf);
  return buf[0];
}

__attribute__((noinline)) void forward(char *p) { keep(p); }

int kept(void) {
  char buf[8];
  forward(buf);
  return buf[0];
}

void ping(char *p) { pong(p); }

int collide(void) {
  char b[8];
  helper(b);
  return b[0];
}

int missing(void) {
  char m[8];
  nowhere(m);
  return m[0];
}

int loops(char *p, const int *v, int n) {
  int s = 0;
  for (int i = 0; i < n; i++) {
    keep(p);
    nowhere(p);
    s += big(v, i);
  }
  return s;
}
