/* A growable, always NUL-terminated string buffer (after git's strbuf), so
 * that text is built without snprintf arithmetic. */
#ifndef ESCAPE_STRBUF_H
#define ESCAPE_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct escape_strbuf {
  char *buf; /* never NULL after init: "" when empty */
  size_t len;
  size_t alloc;
  int failed; /* set once an allocation failed; later appends are ignored */
} escape_strbuf;

/* Initializes an empty buffer without allocating. */
void escape_strbuf_init(escape_strbuf *sb);

/* Frees the buffer and leaves it empty and usable. */
void escape_strbuf_release(escape_strbuf *sb);

/* Empties the buffer, keeping its memory. */
void escape_strbuf_reset(escape_strbuf *sb);

/* Appends len bytes. */
void escape_strbuf_add(escape_strbuf *sb, const char *data, size_t len);

/* Appends a NUL-terminated string. */
void escape_strbuf_addstr(escape_strbuf *sb, const char *s);

/* Appends one character. */
void escape_strbuf_addch(escape_strbuf *sb, char c);

/* Appends number in decimal, as "%llu" writes it, without printf's cost. */
void escape_strbuf_addu(escape_strbuf *sb, unsigned long long number);

/* Appends printf-style formatted text. */
void escape_strbuf_addf(escape_strbuf *sb, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Appends vprintf-style formatted text. */
void escape_strbuf_vaddf(escape_strbuf *sb, const char *fmt, va_list ap);

/* Returns the string and gives up ownership (caller frees); NULL if failed. */
char *escape_strbuf_detach(escape_strbuf *sb);

#ifdef __cplusplus
}
#endif

#endif
