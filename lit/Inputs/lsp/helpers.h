void fill(char *p);

static inline int twice(int v) {
  char local[4];
  fill(local);
  return v * 2 + local[0];
}
