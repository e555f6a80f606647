void fill(char *p);

int widget(void) {
  char buf[16];
  fill(buf);
  return buf[0];
}
