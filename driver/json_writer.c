#include "json_writer.h"

#include <string.h>

void json_init(json_writer *w, FILE *out) {
  memset(w, 0, sizeof *w);
  w->out = out;
}

void json_init_compact(json_writer *w, FILE *out) {
  json_init(w, out);
  w->compact = 1;
}

/* Length of the valid UTF-8 sequence at s (1-4), or 0 if it is invalid:
 * overlong forms, surrogates and code points above U+10FFFF included. */
static size_t utf8_length(const unsigned char *s) {
  unsigned c = s[0];
  size_t len;
  unsigned min;
  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF)
    len = 2, min = 0x80;
  else if (c >= 0xE0 && c <= 0xEF)
    len = 3, min = 0x800;
  else if (c >= 0xF0 && c <= 0xF4)
    len = 4, min = 0x10000;
  else
    return 0;
  unsigned code = c & (0x3F >> (len - 1));
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80)
      return 0;
    code = (code << 6) | (s[i] & 0x3F);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
    return 0;
  return len;
}

void json_write_string(FILE *out, const char *s) {
  if (!s) {
    fputs("null", out);
    return;
  }
  fputc('"', out);
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    /* Plain ASCII goes out in runs: one call per character would be most
     * of the time of a large document. */
    const unsigned char *run = p;
    while (*p >= 0x20 && *p < 0x7F && *p != '"' && *p != '\\')
      p++;
    if (p > run)
      fwrite(run, 1, (size_t)(p - run), out);
    if (!*p)
      break;
    unsigned c = *p;
    size_t len = utf8_length(p);
    if (len == 0) {
      fputs("\\ufffd", out);
      p++;
    } else if (c == '"' || c == '\\') {
      fprintf(out, "\\%c", c);
      p++;
    } else if (c == '\n') {
      fputs("\\n", out), p++;
    } else if (c == '\t') {
      fputs("\\t", out), p++;
    } else if (c == '\r') {
      fputs("\\r", out), p++;
    } else if (c < 0x20 || c == 0x7F) {
      fprintf(out, "\\u%04x", c);
      p++;
    } else {
      fwrite(p, 1, len, out);
      p += len;
    }
  }
  fputc('"', out);
}

/* Newline and indentation for the current depth. */
static void indent(json_writer *w) {
  if (w->compact)
    return;
  fputc('\n', w->out);
  for (int i = 0; i < w->depth; i++)
    fputs("  ", w->out);
}

/* Writes what separates the next value from the previous one. */
static void before_value(json_writer *w) {
  if (w->after_key) {
    w->after_key = 0;
    return;
  }
  if (w->depth == 0)
    return;
  /* Deeper than the table: commas would go wrong, so refuse to matter. */
  int level = w->depth <= JSON_MAX_DEPTH ? w->depth - 1 : JSON_MAX_DEPTH - 1;
  if (w->count[level]++ > 0)
    fputc(',', w->out);
  indent(w);
}

static void begin(json_writer *w, char bracket) {
  before_value(w);
  fputc(bracket, w->out);
  if (w->depth < JSON_MAX_DEPTH)
    w->count[w->depth] = 0;
  w->depth++;
}

static void end(json_writer *w, char bracket) {
  w->depth--;
  if (w->depth < JSON_MAX_DEPTH && w->count[w->depth] > 0)
    indent(w);
  fputc(bracket, w->out);
}

void json_begin_object(json_writer *w) { begin(w, '{'); }
void json_begin_array(json_writer *w) { begin(w, '['); }
void json_end_object(json_writer *w) { end(w, '}'); }
void json_end_array(json_writer *w) { end(w, ']'); }

void json_key(json_writer *w, const char *key) {
  before_value(w);
  json_write_string(w->out, key);
  fputs(w->compact ? ":" : ": ", w->out);
  w->after_key = 1;
}

void json_string(json_writer *w, const char *s) {
  before_value(w);
  json_write_string(w->out, s);
}

void json_uint(json_writer *w, unsigned long long n) {
  before_value(w);
  fprintf(w->out, "%llu", n);
}

void json_bool(json_writer *w, int value) {
  before_value(w);
  fputs(value ? "true" : "false", w->out);
}

void json_key_bool(json_writer *w, const char *key, int value) {
  json_key(w, key);
  json_bool(w, value);
}

void json_key_string(json_writer *w, const char *key, const char *s) {
  json_key(w, key);
  json_string(w, s);
}

void json_key_uint(json_writer *w, const char *key, unsigned long long n) {
  json_key(w, key);
  json_uint(w, n);
}

void json_finish(json_writer *w) { fputc('\n', w->out); }
