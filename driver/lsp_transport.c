#define _POSIX_C_SOURCE 200809L
#include "lsp_transport.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

void lsp_framer_init(lsp_framer *framer, size_t max_body) {
  memset(framer, 0, sizeof *framer);
  escape_strbuf_init(&framer->buf);
  framer->max_body = max_body;
}

void lsp_framer_release(lsp_framer *framer) {
  escape_strbuf_release(&framer->buf);
}

/* Drops the consumed bytes once they are the larger part of the buffer, so
 * that the buffer never grows with the session's length. */
static void compact(lsp_framer *framer) {
  escape_strbuf *buf = &framer->buf;
  if (framer->start == 0 || framer->start < buf->len / 2)
    return;
  memmove(buf->buf, buf->buf + framer->start, buf->len - framer->start + 1);
  buf->len -= framer->start;
  framer->start = 0;
}

void lsp_framer_feed(lsp_framer *framer, const char *data, size_t len) {
  size_t dropped = framer->skip < len ? framer->skip : len;
  framer->skip -= dropped;
  compact(framer);
  escape_strbuf_add(&framer->buf, data + dropped, len - dropped);
}

/* The end of the header block at p (n bytes): the offset just past the
 * empty line, or 0 when it has not arrived. Lines end in "\r\n" (the
 * protocol) or a bare "\n" (lenient). */
static size_t header_end(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (p[i] != '\n')
      continue;
    if (i + 1 < n && p[i + 1] == '\n')
      return i + 2;
    if (i + 2 < n && p[i + 1] == '\r' && p[i + 2] == '\n')
      return i + 3;
  }
  return 0;
}

/* Parses the Content-Length of a header block; -1 when absent or bad. */
static long long content_length(const char *p, size_t n) {
  long long length = -1;
  const char *end = p + n;
  while (p < end) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol)
      eol = end;
    static const char name[] = "Content-Length:";
    size_t line = (size_t)(eol - p);
    if (line > sizeof name - 1 && strncasecmp(p, name, sizeof name - 1) == 0) {
      const char *q = p + sizeof name - 1;
      while (q < eol && (*q == ' ' || *q == '\t'))
        q++;
      long long value = 0;
      int digits = 0;
      for (; q < eol && *q >= '0' && *q <= '9' && digits < 18; q++, digits++)
        value = value * 10 + (*q - '0');
      while (q < eol && (*q == ' ' || *q == '\t' || *q == '\r'))
        q++;
      if (digits == 0 || q != eol)
        return -1;
      length = value;
    }
    p = eol + 1;
  }
  return length;
}

/* After garbage: skips to the next "Content-Length" (or keeps only a tail
 * that could begin one). */
static void resync(lsp_framer *framer) {
  const char *p = framer->buf.buf + framer->start;
  size_t n = framer->buf.len - framer->start;
  for (size_t i = 1; i + 14 <= n; i++)
    if (strncasecmp(p + i, "Content-Length", 14) == 0) {
      framer->start += i;
      return;
    }
  framer->start += n > 14 ? n - 14 : 0;
}

/* Parses the header block at the start; returns 1 when parsed, 0 when
 * incomplete, -1 on a framing error. Within a run of garbage only its
 * first error is reported; the rest is skipped silently. */
static int parse_header(lsp_framer *framer, escape_strbuf *err) {
  for (;;) {
    const char *p = framer->buf.buf + framer->start;
    size_t n = framer->buf.len - framer->start;
    size_t limit = n < LSP_MAX_HEADER ? n : LSP_MAX_HEADER;
    size_t end = header_end(p, limit);
    if (end == 0 && n < LSP_MAX_HEADER)
      return 0;
    if (end == 0) {
      int reported = framer->in_garbage;
      framer->in_garbage = 1;
      resync(framer); /* moves on by at least n - 14 > 0 bytes */
      if (reported)
        continue;
      escape_strbuf_addf(err, "header block longer than %d bytes",
                         LSP_MAX_HEADER);
      return -1;
    }
    long long length = content_length(p, end);
    framer->start += end;
    if (length < 0 && framer->in_garbage)
      continue;
    if (length < 0) {
      escape_strbuf_addstr(err, "header block without a valid Content-Length");
      return -1;
    }
    framer->in_garbage = 0;
    if ((unsigned long long)length > framer->max_body) {
      escape_strbuf_addf(err, "message of %lld bytes skipped (limit %zu)",
                         length, framer->max_body);
      size_t have = framer->buf.len - framer->start;
      size_t take = have < (size_t)length ? have : (size_t)length;
      framer->start += take;
      framer->skip = (size_t)length - take;
      return -1;
    }
    framer->body = (size_t)length;
    framer->have_header = 1;
    return 1;
  }
}

int lsp_framer_next(lsp_framer *framer, const char **body, size_t *len,
                    escape_strbuf *err) {
  if (framer->buf.failed) {
    escape_strbuf_addstr(err, "out of memory");
    escape_strbuf_release(&framer->buf);
    framer->start = 0;
    framer->have_header = 0;
    return -1;
  }
  if (!framer->have_header) {
    int parsed = parse_header(framer, err);
    if (parsed <= 0)
      return parsed;
  }
  if (framer->buf.len - framer->start < framer->body)
    return 0;
  *body = framer->buf.buf + framer->start;
  *len = framer->body;
  framer->start += framer->body;
  framer->have_header = 0;
  return 1;
}

void lsp_frame(const char *body, size_t len, escape_strbuf *out) {
  escape_strbuf_addf(out, "Content-Length: %zu\r\n\r\n", len);
  escape_strbuf_add(out, body, len);
}

int lsp_write_all(int fd, const char *data, size_t len) {
  while (len > 0) {
    ssize_t n = write(fd, data, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return -1;
    data += n;
    len -= (size_t)n;
  }
  return 0;
}
