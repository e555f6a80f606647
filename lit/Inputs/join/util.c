// The other translation unit of lit/join-tu.test: definitions that main.c
// calls without seeing them.
char *g_kept;

void fill(char *p) { p[0] = 1; }

void keep(char *p) { g_kept = p; }

void ping(char *p);
void pong(char *p) { ping(p); }

// Same name as the external 'helper' main.c declares, but static: another
// function, which must not be joined.
static __attribute__((noinline)) void helper(char *p) { g_kept = p; }
void use_helper(char *p) { helper(p); }

int big(const int *v, int n) {
  int s = 0;
  for (int i = 0; i < n; i++) {
    switch (v[i] & 7) {
    case 0: s += v[i] * 3; break;
    case 1: s ^= v[i] << 2; break;
    case 2: s -= v[i] / 5; break;
    case 3: s += v[i] % 7; break;
    case 4: s *= v[i] | 1; break;
    case 5: s += v[i] >> 3; break;
    case 6: s = s * 31 + v[i]; break;
    default: s = ~s; break;
    }
  }
  for (int i = n - 1; i > 0; i -= 2)
    s = (s << 1) + (v[i] ^ v[i - 1]) * (i | 3) - (s >> 9);
  return s;
}
