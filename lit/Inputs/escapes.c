// Shared input for the flag tests: one Missed, one Analysis and one Passed
// remark (the last only with verbose).
void fill(char *p);
extern char *saved;

int parse(void) {
  char buf[16];
  fill(buf);
  return buf[0];
}

void save(char *text) { saved = text; }

int peek(const char *text) { return text[0]; }
