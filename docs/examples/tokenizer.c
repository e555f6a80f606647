/* A small tokenizer: the token buffer's address goes to a function in
 * another file, so it stays in memory; the cursor pointer is remembered in
 * a global, so the parameter leaks. */
#include <stddef.h>

size_t read_word(const char *text, char *out, size_t cap); /* elsewhere */
extern const char *error_at;

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

int count_tokens(const char *text) {
  char token[64];
  int count = 0;
  while (*text) {
    while (is_space(*text))
      text++;
    if (!*text)
      break;
    size_t n = read_word(text, token, sizeof token);
    if (n == 0) {
      error_at = text;
      return -1;
    }
    text += n;
    count++;
  }
  return count;
}
