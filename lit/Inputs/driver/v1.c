void fill(char *p);

int parse(void) {
  char buf[16];
  fill(buf);
  return buf[0];
}

int other(void) {
  char gone[8];
  fill(gone);
  return gone[0];
}
