int weigh(const int *w);
int heavy(const int *ws, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += weigh(&ws[i]);
  return s;
}
