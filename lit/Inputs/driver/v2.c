// Two comment lines added above: the old remarks move down by two lines.
// Their fingerprints do not change.
void fill(char *p);

int parse(void) {
  char buf[16];
  fill(buf);
  return buf[0];
}

int other(void) {
  char kept = 1;
  char fresh[8];
  fill(fresh);
  return fresh[0] + kept;
}
