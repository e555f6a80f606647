/* The small input of crosscheck.test: parameters that leak and that do
 * not, locals of inlined functions declared together, a caller's parameter
 * stored into an inlined local, an inlined function's address-taken
 * parameter, a local in a switch scope. */
int getDigits(const char *z, const char *fmt, ...);
void keep(int *p);
struct acc { void *db; int n; char buf[16]; };
void use_acc(struct acc *a);
typedef struct { int Y, M, D, h, m; } DateTime;

static int parseYmd(const char *z, DateTime *p) {
  int Y, M, D, neg;
  if (z[0] == '-') { z++; neg = 1; } else { neg = 0; }
  if (getDigits(z, "40f-21a-21d", &Y, &M, &D) != 3) return 1;
  p->Y = neg ? -Y : Y;
  p->M = M;
  p->D = D;
  return 0;
}

static int parseMod(const char *z, DateTime *p, int n) {
  switch (z[0]) {
  case '1': {
    int Y, M, h, m;
  case '2':
    if (n == 5 && getDigits(&z[1], "40f", &Y) == 1) return 2;
    if (getDigits(z, "20c:20e", &h, &m) != 2) return 1;
    p->h = h; p->m = m;
    if (getDigits(z, "40f-20a", &Y, &M) != 2) return 1;
    p->Y = Y; p->M = M;
    return 0;
  }
  }
  return 1;
}

int isDate(const char *z, DateTime *p, int n) {
  if (parseYmd(z, p)) return 1;
  return parseMod(z + 1, p, n);
}

static void wrap(void *db, int n) {
  struct acc a;
  a.db = db;
  a.n = n;
  use_acc(&a);
}

static int extend(int nByte) {
  keep(&nByte);
  return nByte;
}

int caller(void *db, int n, int nExtend) {
  wrap(db, n);
  return extend(nExtend);
}

int sum(const int *v, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += v[i];
  return s;
}
