/* The input side of the remark reader: cuts a remark YAML stream into
 * documents at their `---` lines, skips the documents of passes nobody asked
 * for without parsing them, and hands the rest to libyaml. It remembers
 * where each handed-over document came from, so that libyaml's positions
 * (counted in the bytes it was given) map back to lines of the original
 * input for error messages. Private to common/. */
#ifndef ESCAPE_COMMON_REMARK_FEED_H
#define ESCAPE_COMMON_REMARK_FEED_H

#include <stddef.h>

#include "escape/remark_reader.h"

/* Where one handed-over document starts, in both streams. */
typedef struct feed_segment {
  unsigned long long fed_byte;  /* offset in the bytes given to libyaml */
  unsigned long long fed_line;  /* 0-based line there */
  unsigned long long orig_byte; /* offset in the input */
  unsigned long long orig_line; /* 0-based line there, from the range start */
} feed_segment;

/* A remembered verdict on a name (see skip_verdict). */
typedef struct feed_memo {
  char name[48];
  size_t len;
  int verdict;
} feed_memo;

enum { FEED_MEMO_SIZE = 32 };

typedef struct remark_feed {
  /* The input: a file descriptor read in windows, or a memory buffer. */
  int fd;
  int seekable;
  const char *mem;
  size_t mem_len;
  escape_pass_filter want_pass; /* NULL: hand over every document */
  void *want_pass_ctx;
  int (*want_document)(const char *text, size_t len, void *ctx); /* NULL:
                                                                   all */
  void *want_document_ctx;
  unsigned long long begin; /* first byte of the range */
  unsigned long long end;   /* documents starting here or later are not
                               ours; 0: to the end */
  /* The window: data[0..len) is the input from offset window_start. */
  char *buffer; /* owned, NULL for memory input */
  size_t capacity;
  const char *data;
  size_t len;
  unsigned long long window_start;
  int eof;                     /* nothing after the window */
  size_t pos;                  /* next byte not yet cut into a document */
  unsigned long long pos_line; /* 0-based line of pos, from the range start */
  int started;                 /* the range's first document was found */
  /* The document being handed over: data[cur..cur_end). */
  size_t cur, cur_end;
  unsigned long long fed_bytes, fed_lines;
  /* Segments libyaml may still report positions in. */
  feed_segment *segments;
  size_t segment_first, segment_count, segment_alloc;
  feed_memo memo[FEED_MEMO_SIZE]; /* verdicts on tag and pass names */
  size_t memo_count;
  int read_errno;    /* errno of a failed read, 0 if none */
  int out_of_memory; /* a window or segment could not grow */
} remark_feed;

/* Prepares a feed over fd (not closed by the feed) or, when fd < 0, over
 * mem[0..mem_len), with the pass and document filters and the range of
 * options (NULL: everything). */
void remark_feed_init(remark_feed *feed, int fd, const char *mem,
                      size_t mem_len, const escape_read_options *options);

/* Frees the window and the segments. */
void remark_feed_release(remark_feed *feed);

/* libyaml's read handler: fills buffer with the next wanted documents;
 * *size_read == 0 at the end. Returns 0 on a read error (read_errno set). */
int remark_feed_read(void *feed, unsigned char *buffer, size_t size,
                     size_t *size_read);

/* Forgets the segments that end before the 0-based fed line, which libyaml
 * has parsed past: memory stays bounded by libyaml's read-ahead. */
void remark_feed_forget_before(remark_feed *feed, unsigned long long fed_line);

/* The 1-based line of the input that the 0-based fed line came from. */
unsigned long long remark_feed_line(remark_feed *feed,
                                    unsigned long long fed_line);

/* The 1-based line of the input that fed byte offset came from. */
unsigned long long remark_feed_line_of_byte(remark_feed *feed,
                                            unsigned long long fed_byte);

#endif
