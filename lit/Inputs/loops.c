/* Loops whose metadata differs when location tracking is on: a counted loop
 * in a helper inlined into several callers (one shared loop ID in a plain
 * compile), an endless loop left by break (no loop ID at all), and nested
 * loops with early exits. */
struct node {
  struct node *next;
  int value;
};

static int count(const struct node *n) {
  int c = 0;
  for (; n; n = n->next)
    c++;
  return c;
}

int count_twice(const struct node *a, const struct node *b) {
  return count(a) + count(b);
}

int count_three(const struct node *a, const struct node *b,
                const struct node *c) {
  return count(a) * count(b) - count(c);
}

int replay(int *journal, int n, int (*read)(int *, int)) {
  int done = 0, rc = 0;
  while (1) {
    int records = read(journal, done);
    if (records < 0) {
      rc = records;
      break;
    }
    if (records == 0)
      break;
    for (int i = 0; i < records && i < n; i++) {
      rc = read(journal + i, i);
      if (rc == 7)
        goto end;
      if (rc)
        break;
    }
    done += records;
  }
end:
  return rc + done;
}

int sum_until(const int *v, int stop) {
  int s = 0;
  for (int i = 0;; i++) {
    if (v[i] == stop)
      return s;
    s += v[i];
  }
}
