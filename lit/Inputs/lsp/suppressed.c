void fill(char *p);

int parse(void) {
  char quiet[8]; // escape: ignore(LocalEscapes)
  fill(quiet);
  char loud[8];
  fill(loud);
  return quiet[0] + loud[0];
}
