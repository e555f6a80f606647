// A header helper included by two translation units.
void consume(char *p);

static inline int use_scratch(int k) {
  // the local below escapes in every file that includes this header
  char scratch[16];
  scratch[0] = (char)k;
  consume(scratch);
  return scratch[1];
}
