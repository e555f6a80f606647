#define _GNU_SOURCE /* memmem */
#include "remark_feed.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "escape/remark.h"

/* Read size of the window. Documents larger than this grow it. */
enum { WINDOW_SIZE = 1 << 20 };

void remark_feed_init(remark_feed *feed, int fd, const char *mem,
                      size_t mem_len, const escape_read_options *options) {
  memset(feed, 0, sizeof *feed);
  feed->fd = fd;
  feed->mem = mem;
  feed->mem_len = mem_len;
  if (options) {
    feed->want_pass = options->want_pass;
    feed->want_pass_ctx = options->want_pass_ctx;
    feed->want_document = options->want_document;
    feed->want_document_ctx = options->want_document_ctx;
    feed->begin = options->begin;
    feed->end = options->end;
  }
  if (fd < 0) {
    /* A buffer is one window that is already complete. */
    feed->data = mem;
    feed->len = mem_len;
    feed->eof = 1;
  }
}

void remark_feed_release(remark_feed *feed) {
  free(feed->buffer);
  free(feed->segments);
  feed->buffer = NULL;
  feed->segments = NULL;
}

/* Counts '\n' eight bytes at a time: a byte of w ^ "\n\n.." is zero exactly
 * where w has a newline; the expression below sets the high bit of exactly
 * the zero bytes, and the multiplication adds up those bits. The whole
 * input passes through here, so it is worth not going byte by byte (and
 * not calling a popcount routine on machines built without popcnt). */
static unsigned long long count_newlines(const char *p, size_t n) {
  const uint64_t low7 = 0x7f7f7f7f7f7f7f7fULL;
  const uint64_t newlines = 0x0a0a0a0a0a0a0a0aULL;
  const uint64_t ones = 0x0101010101010101ULL;
  unsigned long long count = 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, p + i, 8);
    uint64_t x = w ^ newlines;
    uint64_t zero_high = ~(((x & low7) + low7) | x | low7);
    count += ((zero_high >> 7) * ones) >> 56;
  }
  for (; i < n; i++)
    count += p[i] == '\n';
  return count;
}

/* Reads more input after the window, first dropping the bytes before
 * keep_from. Returns 1 if bytes arrived, 0 at the end, -1 on error. */
static int refill(remark_feed *feed, size_t keep_from) {
  if (feed->eof)
    return 0;
  size_t kept = feed->len - keep_from;
  if (kept > 0) /* else the buffer may not exist yet */
    memmove(feed->buffer, feed->buffer + keep_from, kept);
  feed->window_start += keep_from;
  feed->len -= keep_from;
  feed->pos -= keep_from;
  if (feed->len + WINDOW_SIZE / 2 > feed->capacity) {
    size_t capacity = feed->capacity ? 2 * feed->capacity : WINDOW_SIZE;
    char *buffer = realloc(feed->buffer, capacity);
    if (!buffer) {
      feed->out_of_memory = 1;
      return -1;
    }
    feed->buffer = buffer;
    feed->capacity = capacity;
    feed->data = buffer;
  }
  for (;;) {
    size_t room = feed->capacity - feed->len;
    ssize_t n = feed->seekable ? pread(feed->fd, feed->buffer + feed->len, room,
                                       (off_t)(feed->window_start + feed->len))
                               : read(feed->fd, feed->buffer + feed->len, room);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      feed->read_errno = errno ? errno : EIO;
      return -1;
    }
    if (n == 0) {
      feed->eof = 1;
      return 0;
    }
    feed->len += (size_t)n;
    return 1;
  }
}

/* Whether a line starting at data[i] is a document start marker: "---"
 * followed by a blank, or the end of the input. -1: cannot tell yet. */
static int marker_at(const remark_feed *feed, size_t i) {
  if (i + 3 > feed->len)
    return feed->eof ? 0 : -1;
  if (memcmp(feed->data + i, "---", 3) != 0)
    return 0;
  if (i + 3 == feed->len)
    return feed->eof ? 1 : -1;
  char c = feed->data[i + 3];
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Finds the next line at or after data[from] (from > 0) that starts with a
 * marker; stores its index in *at. Returns 1 found, 0 not in the window
 * yet (*at = where to resume), -1 when the window ends in a maybe-marker. */
static int find_marker(const remark_feed *feed, size_t from, size_t *at) {
  size_t i = from - 1; /* the newline before the marker */
  while (i < feed->len) {
    const char *hit = memmem(feed->data + i, feed->len - i, "\n---", 4);
    if (!hit)
      break;
    i = (size_t)(hit - feed->data);
    int marker = marker_at(feed, i + 1);
    if (marker < 0) {
      *at = i + 1;
      return 0;
    }
    if (marker) {
      *at = i + 1;
      return 1;
    }
    i++;
  }
  /* Resume a few bytes back, so a marker cut by the window is found. */
  *at = feed->len > from + 4 ? feed->len - 4 : from;
  return 0;
}

/* Finds the range's first document: the first marker line starting at or
 * after begin. Returns 1, 0 when there is none, -1 on error. */
static int find_first(remark_feed *feed) {
  feed->started = 1;
  if (feed->begin == 0)
    return 1;
  if (feed->fd >= 0) {
    feed->window_start = feed->begin - 1;
    int got = refill(feed, 0);
    if (got <= 0)
      return got;
  }
  size_t from = (size_t)(feed->begin - feed->window_start);
  for (;;) {
    size_t at;
    if (find_marker(feed, from, &at) == 1) {
      feed->pos = at;
      return 1;
    }
    if (feed->fd < 0 || feed->eof)
      return 0;
    size_t keep = at - 1; /* keep the newline before a possible marker */
    from = at - keep;
    feed->pos = keep;
    int got = refill(feed, keep);
    if (got < 0)
      return -1;
    if (got == 0 && feed->len == 0)
      return 0;
  }
}

/* Finds where the document starting at pos ends (the next marker line or
 * the end of the input), reading more as needed. Returns 1, 0 when nothing
 * is left, -1 on error. */
static int find_document_end(remark_feed *feed, size_t *end) {
  size_t from = feed->pos + 1;
  for (;;) {
    size_t at;
    if (feed->pos < feed->len && find_marker(feed, from, &at) == 1) {
      *end = at;
      return 1;
    }
    if (feed->eof) {
      *end = feed->len;
      return feed->pos < feed->len;
    }
    if (feed->pos < feed->len)
      from = at;
    size_t shift = feed->pos;
    int got = refill(feed, shift);
    if (got < 0)
      return -1;
    from = from > shift ? from - shift : 1;
    if (from == 0)
      from = 1;
  }
}

/* Looks name[0..n) up in the memo; returns its verdict, or -1. */
static int memo_find(const remark_feed *feed, const char *name, size_t n) {
  for (size_t i = 0; i < feed->memo_count; i++)
    if (feed->memo[i].len == n && memcmp(feed->memo[i].name, name, n) == 0)
      return feed->memo[i].verdict;
  return -1;
}

/* Remembers a verdict on name[0..n) while there is room. */
static int memo_add(remark_feed *feed, const char *name, size_t n,
                    int verdict) {
  if (feed->memo_count < FEED_MEMO_SIZE && n < sizeof feed->memo[0].name) {
    feed_memo *memo = &feed->memo[feed->memo_count++];
    memcpy(memo->name, name, n);
    memo->len = n;
    memo->verdict = verdict;
  }
  return verdict;
}

/* Whether s[0..n) is exactly one of the remark tags. */
static int known_tag(const char *s, size_t n) {
  char tag[32];
  if (n == 0 || n >= sizeof tag)
    return 0;
  memcpy(tag, s, n);
  tag[n] = '\0';
  escape_remark_type type;
  return escape_remark_type_from_tag(tag, &type) == 0;
}

/* Asks the filter about pass[0..n); a name too long to copy is wanted,
 * so that libyaml reads that document. */
static int pass_wanted(const remark_feed *feed, const char *pass, size_t n) {
  char name[128];
  if (n >= sizeof name)
    return 1;
  memcpy(name, pass, n);
  name[n] = '\0';
  return feed->want_pass(name, feed->want_pass_ctx);
}

/* Whether the document with this tag and pass can be skipped. A file
 * repeats a handful of tags and passes hundreds of thousands of times, so
 * the verdicts are remembered; the memo key is "tag\npass". */
static int skip_verdict(remark_feed *feed, const char *tag, size_t tag_len,
                        const char *pass, size_t pass_len) {
  char key[96];
  if (tag_len + 1 + pass_len > sizeof key)
    return 0;
  memcpy(key, tag, tag_len);
  key[tag_len] = '\n';
  memcpy(key + tag_len + 1, pass, pass_len);
  size_t n = tag_len + 1 + pass_len;
  int verdict = memo_find(feed, key, n);
  if (verdict >= 0)
    return verdict;
  return memo_add(feed, key, n,
                  known_tag(tag, tag_len) &&
                      !pass_wanted(feed, pass, pass_len));
}

static int plain_pass_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

/* Whether data[start..end) can be skipped unparsed: it has the exact shape
 * LLVM writes (`--- !Tag`, `Pass: name` on the next line, ends with
 * `...`), a known tag, and a pass nobody asked for or text the document
 * filter does not want. Anything unusual goes to libyaml, which parses it
 * in full and reports what is wrong. */
static int skippable(remark_feed *feed, size_t start, size_t end) {
  const char *p = feed->data + start, *stop = feed->data + end;
  if ((!feed->want_pass && !feed->want_document) || stop - p < 16 ||
      memcmp(p, "--- !", 5) != 0 || memcmp(stop - 5, "\n...\n", 5) != 0)
    return 0;
  const char *tag = p + 5, *q = tag;
  while (q < stop && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')))
    q++;
  if (q == stop || *q != '\n')
    return 0;
  size_t tag_len = (size_t)(q - tag);
  q++;
  if (stop - q < 6 || memcmp(q, "Pass:", 5) != 0)
    return 0;
  for (q += 5; q < stop && *q == ' ';)
    q++;
  int quoted = q < stop && *q == '\'';
  const char *pass = q + quoted;
  for (q = pass; q < stop && plain_pass_char(*q);)
    q++;
  size_t len = (size_t)(q - pass);
  if (quoted && (q == stop || *q++ != '\''))
    return 0;
  if (len == 0 || q == stop || *q != '\n')
    return 0;
  if (feed->want_pass && skip_verdict(feed, tag, tag_len, pass, len))
    return 1;
  return feed->want_document && known_tag(tag, tag_len) &&
         !feed->want_document(p, (size_t)(stop - p), feed->want_document_ctx);
}

/* Appends a segment; -1 when out of memory. */
static int add_segment(remark_feed *feed, feed_segment segment) {
  size_t used = feed->segment_first + feed->segment_count;
  if (used == feed->segment_alloc && feed->segment_first > 0) {
    memmove(feed->segments, feed->segments + feed->segment_first,
            feed->segment_count * sizeof *feed->segments);
    feed->segment_first = 0;
    used = feed->segment_count;
  }
  if (used == feed->segment_alloc) {
    size_t alloc = feed->segment_alloc ? 2 * feed->segment_alloc : 64;
    feed_segment *segments = realloc(feed->segments, alloc * sizeof *segments);
    if (!segments) {
      feed->out_of_memory = 1;
      return -1;
    }
    feed->segments = segments;
    feed->segment_alloc = alloc;
  }
  feed->segments[used] = segment;
  feed->segment_count++;
  return 0;
}

/* Moves to the next document to hand over. Returns 1, 0 at the end of the
 * range, -1 on error. */
static int next_document(remark_feed *feed) {
  if (!feed->started) {
    int found = find_first(feed);
    if (found <= 0)
      return found;
  }
  for (;;) {
    if (feed->end && feed->window_start + feed->pos >= feed->end)
      return 0;
    size_t end;
    int found = find_document_end(feed, &end);
    if (found <= 0)
      return found;
    size_t start = feed->pos;
    unsigned long long lines = count_newlines(feed->data + start, end - start);
    unsigned long long line = feed->pos_line;
    feed->pos = end;
    feed->pos_line += lines;
    if (skippable(feed, start, end))
      continue;
    feed_segment segment = {feed->fed_bytes, feed->fed_lines,
                            feed->window_start + start, line};
    if (add_segment(feed, segment) != 0)
      return -1;
    feed->fed_lines += lines;
    feed->cur = start;
    feed->cur_end = end;
    return 1;
  }
}

int remark_feed_read(void *data, unsigned char *buffer, size_t size,
                     size_t *size_read) {
  remark_feed *feed = data;
  size_t filled = 0;
  while (filled < size) {
    if (feed->cur < feed->cur_end) {
      size_t n = feed->cur_end - feed->cur;
      if (n > size - filled)
        n = size - filled;
      memcpy(buffer + filled, feed->data + feed->cur, n);
      feed->cur += n;
      feed->fed_bytes += n;
      filled += n;
      continue;
    }
    int next = next_document(feed);
    if (next < 0)
      return 0;
    if (next == 0)
      break;
  }
  *size_read = filled;
  return 1;
}

void remark_feed_forget_before(remark_feed *feed, unsigned long long fed_line) {
  while (feed->segment_count > 1 &&
         feed->segments[feed->segment_first + 1].fed_line <= fed_line) {
    feed->segment_first++;
    feed->segment_count--;
  }
}

/* Counts the newlines in input bytes [from, to), reading them again from
 * the file when they left the window. -1 when they cannot be read. */
static long long newlines_between(const remark_feed *feed,
                                  unsigned long long from,
                                  unsigned long long to) {
  if (feed->fd < 0)
    return (long long)count_newlines(feed->mem + from, (size_t)(to - from));
  if (from >= feed->window_start && to <= feed->window_start + feed->len)
    return (long long)count_newlines(feed->data + (from - feed->window_start),
                                     (size_t)(to - from));
  if (!feed->seekable)
    return -1;
  char block[65536];
  unsigned long long count = 0;
  while (from < to) {
    size_t want = to - from < sizeof block ? (size_t)(to - from) : sizeof block;
    ssize_t n = pread(feed->fd, block, want, (off_t)from);
    if (n <= 0)
      return -1;
    count += count_newlines(block, (size_t)n);
    from += (unsigned long long)n;
  }
  return (long long)count;
}

/* The 0-based line of the range's first document, counted on demand (an
 * error path only) for ranges that do not start the input. */
static unsigned long long range_first_line(const remark_feed *feed) {
  if (feed->begin == 0 || feed->segment_count == 0)
    return 0;
  const feed_segment *first = &feed->segments[feed->segment_first];
  long long before = newlines_between(feed, 0, first->orig_byte);
  long long within = (long long)first->orig_line;
  return before < within ? 0 : (unsigned long long)(before - within);
}

/* The last segment starting at or before a fed position (by line or by
 * byte), or NULL. */
static const feed_segment *segment_for(const remark_feed *feed, int by_byte,
                                       unsigned long long fed) {
  const feed_segment *found = NULL;
  for (size_t i = 0; i < feed->segment_count; i++) {
    const feed_segment *s = &feed->segments[feed->segment_first + i];
    if ((by_byte ? s->fed_byte : s->fed_line) > fed)
      break;
    found = s;
  }
  return found;
}

unsigned long long remark_feed_line(remark_feed *feed,
                                    unsigned long long fed_line) {
  const feed_segment *s = segment_for(feed, 0, fed_line);
  if (!s)
    return fed_line + 1;
  return range_first_line(feed) + s->orig_line + (fed_line - s->fed_line) + 1;
}

unsigned long long remark_feed_line_of_byte(remark_feed *feed,
                                            unsigned long long fed_byte) {
  const feed_segment *s = segment_for(feed, 1, fed_byte);
  if (!s)
    return 1;
  unsigned long long orig = s->orig_byte + (fed_byte - s->fed_byte);
  long long within = newlines_between(feed, s->orig_byte, orig);
  return range_first_line(feed) + s->orig_line +
         (within < 0 ? 0 : (unsigned long long)within) + 1;
}
