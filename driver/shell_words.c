#include "shell_words.h"

#include <string.h>

/* Characters that keep a backslash's special meaning inside double quotes. */
static int escapable_in_double_quotes(char c) {
  return c == '"' || c == '\\' || c == '$' || c == '`' || c == '\n';
}

static int is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Copies a '...' section to word; returns the position after it or NULL. */
static const char *single_quoted(const char *p, escape_strbuf *word) {
  const char *end = strchr(p, '\'');
  if (!end)
    return NULL;
  escape_strbuf_add(word, p, (size_t)(end - p));
  return end + 1;
}

/* Copies a "..." section to word; returns the position after it or NULL. */
static const char *double_quoted(const char *p, escape_strbuf *word) {
  for (; *p && *p != '"'; p++) {
    if (*p == '\\' && escapable_in_double_quotes(p[1])) {
      p++;
      if (*p != '\n') /* backslash-newline is a line continuation */
        escape_strbuf_addch(word, *p);
    } else {
      escape_strbuf_addch(word, *p);
    }
  }
  return *p == '"' ? p + 1 : NULL;
}

/* Reads one word starting at p (not blank); returns the position after it,
 * or NULL with err set. */
static const char *one_word(const char *p, escape_strbuf *word,
                            escape_strbuf *err) {
  while (*p && !is_blank(*p)) {
    char c = *p++;
    if (c == '\'') {
      p = single_quoted(p, word);
      if (!p)
        escape_strbuf_addstr(err, "unterminated single quote");
    } else if (c == '"') {
      p = double_quoted(p, word);
      if (!p)
        escape_strbuf_addstr(err, "unterminated double quote");
    } else if (c == '\\') {
      if (!*p) {
        escape_strbuf_addstr(err, "backslash at the end of the command");
        p = NULL;
      } else if (*p++ != '\n') {
        escape_strbuf_addch(word, p[-1]);
      }
    } else {
      escape_strbuf_addch(word, c);
    }
    if (!p)
      return NULL;
  }
  return p;
}

int shell_words_split(const char *command, string_list *words,
                      escape_strbuf *err) {
  escape_strbuf word;
  escape_strbuf_init(&word);
  int result = 0;
  const char *p = command;
  while (result == 0) {
    while (is_blank(*p))
      p++;
    if (!*p)
      break;
    escape_strbuf_reset(&word);
    p = one_word(p, &word, err);
    if (!p || word.failed || string_list_add(words, word.buf) != 0) {
      if (p)
        escape_strbuf_addstr(err, "out of memory");
      result = -1;
    }
  }
  escape_strbuf_release(&word);
  return result;
}
