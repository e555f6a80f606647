#include "escape/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char empty_string[1];

void escape_strbuf_init(escape_strbuf *sb) {
  sb->buf = empty_string;
  sb->len = 0;
  sb->alloc = 0;
  sb->failed = 0;
}

void escape_strbuf_release(escape_strbuf *sb) {
  if (sb->alloc)
    free(sb->buf);
  escape_strbuf_init(sb);
}

void escape_strbuf_reset(escape_strbuf *sb) {
  sb->len = 0;
  if (sb->alloc)
    sb->buf[0] = '\0';
}

/* Makes room for extra more bytes plus the terminating NUL. */
static int grow(escape_strbuf *sb, size_t extra) {
  if (sb->failed)
    return -1;
  size_t need = sb->len + extra + 1;
  if (need <= sb->alloc)
    return 0;
  size_t alloc = sb->alloc ? sb->alloc : 64;
  while (alloc < need)
    alloc *= 2;
  char *buf = realloc(sb->alloc ? sb->buf : NULL, alloc);
  if (!buf) {
    sb->failed = 1;
    return -1;
  }
  if (!sb->alloc)
    buf[0] = '\0';
  sb->buf = buf;
  sb->alloc = alloc;
  return 0;
}

void escape_strbuf_add(escape_strbuf *sb, const char *data, size_t len) {
  if (grow(sb, len) != 0)
    return;
  memcpy(sb->buf + sb->len, data, len);
  sb->len += len;
  sb->buf[sb->len] = '\0';
}

void escape_strbuf_addstr(escape_strbuf *sb, const char *s) {
  escape_strbuf_add(sb, s, strlen(s));
}

void escape_strbuf_addch(escape_strbuf *sb, char c) {
  /* Most calls fit: no call to grow or memcpy for one byte. */
  if (sb->len + 2 <= sb->alloc && !sb->failed) {
    sb->buf[sb->len++] = c;
    sb->buf[sb->len] = '\0';
    return;
  }
  escape_strbuf_add(sb, &c, 1);
}

void escape_strbuf_addu(escape_strbuf *sb, unsigned long long number) {
  char text[24];
  size_t at = sizeof text;
  do
    text[--at] = (char)('0' + number % 10);
  while ((number /= 10) != 0);
  escape_strbuf_add(sb, text + at, sizeof text - at);
}

void escape_strbuf_vaddf(escape_strbuf *sb, const char *fmt, va_list ap) {
  va_list copy;
  va_copy(copy, ap);
  int n = vsnprintf(NULL, 0, fmt, copy);
  va_end(copy);
  if (n < 0 || grow(sb, (size_t)n) != 0)
    return;
  vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
  sb->len += (size_t)n;
}

void escape_strbuf_addf(escape_strbuf *sb, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  escape_strbuf_vaddf(sb, fmt, ap);
  va_end(ap);
}

char *escape_strbuf_detach(escape_strbuf *sb) {
  if (sb->failed) {
    escape_strbuf_release(sb);
    return NULL;
  }
  char *s = sb->alloc ? sb->buf : calloc(1, 1);
  escape_strbuf_init(sb);
  return s;
}
