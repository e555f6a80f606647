#define _POSIX_C_SOURCE 200809L
#include "escape/remark_reader.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "remark_feed.h"

/* Strings of the current remark live in one reused buffer and are named by
 * offsets, because the buffer moves as it grows; pointers are made only
 * when the remark is handed to the callback. */
#define NO_STRING ((size_t)-1)

typedef struct loc_offsets {
  size_t file;
  unsigned line;
  unsigned column;
} loc_offsets;

typedef struct arg_offsets {
  size_t key;
  size_t value;
  loc_offsets loc;
} arg_offsets;

/* Top-level keys, as bits, to find missing and duplicate ones. */
enum remark_key {
  KEY_PASS = 1 << 0,
  KEY_NAME = 1 << 1,
  KEY_DEBUG_LOC = 1 << 2,
  KEY_FUNCTION = 1 << 3,
  KEY_HOTNESS = 1 << 4,
  KEY_ARGS = 1 << 5,
  KEY_UNKNOWN = 1 << 6
};

typedef struct reader {
  yaml_parser_t parser;
  yaml_event_t event; /* the current event, valid while have_event */
  int have_event;
  const char *name; /* input name for messages */
  escape_strbuf *err;
  remark_feed feed;             /* the input, cut into documents */
  escape_pass_filter want_pass; /* NULL: every remark */
  void *want_pass_ctx;
  escape_strbuf strings;
  escape_remark_type type;
  size_t pass, remark_name, function;
  loc_offsets loc;
  int has_hotness;
  unsigned long long hotness;
  arg_offsets *args;
  size_t arg_count, arg_alloc;
  escape_arg *out_args; /* pointer view of args for the callback */
  size_t out_alloc;
} reader;

/* Writes "NAME:LINE: error: MESSAGE" into err; returns -1. */
static int fail_at(reader *r, size_t line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static int fail_at(reader *r, size_t line, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  /* libyaml counts lines in the documents it was given; name the line of
   * the input they came from. */
  escape_strbuf_addf(r->err, "%s:%llu: error: ", r->name,
                     remark_feed_line(&r->feed, line - 1));
  escape_strbuf_vaddf(r->err, fmt, ap);
  va_end(ap);
  return -1;
}

/* The 1-based line of the current event. */
static size_t event_line(const reader *r) {
  return r->event.start_mark.line + 1;
}

/* Reports why libyaml stopped; returns -1. */
static int fail_parser(reader *r) {
  const yaml_parser_t *p = &r->parser;
  if (p->error == YAML_MEMORY_ERROR)
    return fail_at(r, p->mark.line + 1, "out of memory");
  if (r->feed.out_of_memory)
    return fail_at(r, p->mark.line + 1, "out of memory");
  if (p->error == YAML_READER_ERROR && r->feed.read_errno) {
    escape_strbuf_addf(r->err, "%s: error: cannot read: %s", r->name,
                       strerror(r->feed.read_errno));
    return -1;
  }
  if (p->error == YAML_READER_ERROR) {
    /* libyaml decodes ahead of the scanner: only the byte offset is exact. */
    escape_strbuf_addf(r->err, "%s:%llu: error: %s", r->name,
                       remark_feed_line_of_byte(&r->feed, p->problem_offset),
                       p->problem);
    return -1;
  }
  const char *problem = p->problem ? p->problem : "invalid YAML";
  if (!p->context)
    return fail_at(r, p->problem_mark.line + 1, "%s", problem);
  /* Input that ends inside a quoted scalar or flow collection is reported
   * where that construct began, like "unterminated string" in compilers;
   * the end of the stream itself is no useful place. */
  int at_end = p->eof && p->problem_mark.index == p->mark.index;
  const yaml_mark_t *mark = at_end ? &p->context_mark : &p->problem_mark;
  return fail_at(r, mark->line + 1, "%s %s", problem, p->context);
}

/* Replaces the current event by the next one; -1 on a YAML error. */
static int next_event(reader *r) {
  if (r->have_event)
    yaml_event_delete(&r->event);
  r->have_event = 0;
  if (!yaml_parser_parse(&r->parser, &r->event))
    return fail_parser(r);
  r->have_event = 1;
  return 0;
}

/* Reads the next event and checks its type; what names it in the error. */
static int expect_event(reader *r, yaml_event_type_t type, const char *what) {
  if (next_event(r))
    return -1;
  if (r->event.type != type)
    return fail_at(r, event_line(r), "expected %s", what);
  return 0;
}

/* Copies the current scalar into the string buffer; returns its offset. */
static size_t store_scalar(reader *r) {
  size_t offset = r->strings.len;
  escape_strbuf_add(&r->strings, (const char *)r->event.data.scalar.value,
                    r->event.data.scalar.length);
  escape_strbuf_addch(&r->strings, '\0');
  return offset;
}

/* Reads a scalar value into the string buffer. */
static int read_string(reader *r, const char *key, size_t *offset) {
  if (next_event(r))
    return -1;
  if (r->event.type != YAML_SCALAR_EVENT)
    return fail_at(r, event_line(r), "expected a string value for '%s'", key);
  *offset = store_scalar(r);
  return 0;
}

/* Reads a scalar of decimal digits no larger than max. */
static int read_unsigned(reader *r, const char *key, unsigned long long max,
                         unsigned long long *out) {
  if (next_event(r))
    return -1;
  const char *text = (const char *)r->event.data.scalar.value;
  if (r->event.type != YAML_SCALAR_EVENT || text[0] == '\0')
    return fail_at(r, event_line(r), "'%s' is not an unsigned integer", key);
  unsigned long long value = 0;
  for (const char *c = text; *c; c++) {
    unsigned digit = (unsigned)(*c - '0');
    if (digit > 9 || value > (max - digit) / 10)
      return fail_at(r, event_line(r), "'%s' is not an unsigned integer: '%s'",
                     key, text);
    value = value * 10 + digit;
  }
  *out = value;
  return 0;
}

/* Skips the value after a key, however deeply nested, without recursion. */
static int skip_value(reader *r) {
  size_t depth = 0;
  do {
    if (next_event(r))
      return -1;
    yaml_event_type_t type = r->event.type;
    if (type == YAML_MAPPING_START_EVENT || type == YAML_SEQUENCE_START_EVENT)
      depth++;
    else if (type == YAML_MAPPING_END_EVENT || type == YAML_SEQUENCE_END_EVENT)
      depth--;
  } while (depth > 0);
  return 0;
}

/* Reads the keys of a mapping whose start was just read, passing each key
 * event to handle_key, until the mapping ends. */
typedef int (*key_handler)(reader *r, const char *key, void *data);

static int read_mapping_body(reader *r, const char *what,
                             key_handler handle_key, void *data) {
  for (;;) {
    if (next_event(r))
      return -1;
    if (r->event.type == YAML_MAPPING_END_EVENT)
      return 0;
    if (r->event.type != YAML_SCALAR_EVENT)
      return fail_at(r, event_line(r), "expected a key in %s", what);
    /* The handler reads further events, which free this key's text. */
    char key[64];
    size_t len = r->event.data.scalar.length;
    if (len >= sizeof key)
      len = sizeof key - 1; /* long keys are unknown keys anyway */
    memcpy(key, r->event.data.scalar.value, len);
    key[len] = '\0';
    if (handle_key(r, key, data))
      return -1;
  }
}

/* Reads a whole mapping value, from its start event. */
static int read_mapping(reader *r, const char *what, key_handler handle_key,
                        void *data) {
  if (expect_event(r, YAML_MAPPING_START_EVENT, what))
    return -1;
  return read_mapping_body(r, what, handle_key, data);
}

/* One key of `DebugLoc: { File, Line, Column }`. */
static int handle_loc_key(reader *r, const char *key, void *data) {
  loc_offsets *loc = data;
  unsigned long long number;
  if (strcmp(key, "File") == 0)
    return read_string(r, key, &loc->file);
  if (strcmp(key, "Line") == 0) {
    if (read_unsigned(r, key, UINT_MAX, &number))
      return -1;
    loc->line = (unsigned)number;
    return 0;
  }
  if (strcmp(key, "Column") == 0) {
    if (read_unsigned(r, key, UINT_MAX, &number))
      return -1;
    loc->column = (unsigned)number;
    return 0;
  }
  return skip_value(r);
}

static int read_loc(reader *r, loc_offsets *loc) {
  size_t line = event_line(r);
  *loc = (loc_offsets){NO_STRING, 0, 0};
  if (read_mapping(r, "a DebugLoc mapping", handle_loc_key, loc))
    return -1;
  if (loc->file == NO_STRING)
    return fail_at(r, line, "DebugLoc has no File");
  return 0;
}

/* One key of an Args entry: the first plain key is the argument, later
 * unknown keys are ignored, DebugLoc is its location. */
static int handle_arg_key(reader *r, const char *key, void *data) {
  arg_offsets *arg = data;
  if (strcmp(key, "DebugLoc") == 0)
    return read_loc(r, &arg->loc);
  if (arg->key != NO_STRING)
    return skip_value(r);
  /* Store the key before read_string replaces the event. */
  arg->key = store_scalar(r);
  return read_string(r, key, &arg->value);
}

/* Appends an empty argument slot; NULL when out of memory. */
static arg_offsets *add_arg(reader *r) {
  if (r->arg_count == r->arg_alloc) {
    size_t alloc = r->arg_alloc ? 2 * r->arg_alloc : 16;
    arg_offsets *args = realloc(r->args, alloc * sizeof *args);
    if (!args)
      return NULL;
    r->args = args;
    r->arg_alloc = alloc;
  }
  arg_offsets *arg = &r->args[r->arg_count++];
  *arg = (arg_offsets){NO_STRING, NO_STRING, {NO_STRING, 0, 0}};
  return arg;
}

static int read_args(reader *r) {
  if (expect_event(r, YAML_SEQUENCE_START_EVENT, "a sequence after 'Args'"))
    return -1;
  for (;;) {
    if (next_event(r))
      return -1;
    if (r->event.type == YAML_SEQUENCE_END_EVENT)
      return 0;
    if (r->event.type != YAML_MAPPING_START_EVENT)
      return fail_at(r, event_line(r), "expected a '- Key: value' argument");
    size_t line = event_line(r);
    arg_offsets *arg = add_arg(r);
    if (!arg)
      return fail_at(r, line, "out of memory");
    if (read_mapping_body(r, "an argument", handle_arg_key, arg))
      return -1;
    if (arg->key == NO_STRING)
      return fail_at(r, line, "argument has no key");
  }
}

/* Maps a top-level key to its bit. */
static enum remark_key classify_key(const char *key) {
  static const struct {
    const char *name;
    enum remark_key bit;
  } keys[] = {{"Pass", KEY_PASS},          {"Name", KEY_NAME},
              {"DebugLoc", KEY_DEBUG_LOC}, {"Function", KEY_FUNCTION},
              {"Hotness", KEY_HOTNESS},    {"Args", KEY_ARGS}};
  for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
    if (strcmp(keys[i].name, key) == 0)
      return keys[i].bit;
  return KEY_UNKNOWN;
}

/* One top-level key of a remark document. */
static int handle_remark_key(reader *r, const char *key, void *data) {
  unsigned *seen = data;
  enum remark_key bit = classify_key(key);
  if (bit != KEY_UNKNOWN && (*seen & bit))
    return fail_at(r, event_line(r), "duplicate key '%s'", key);
  *seen |= bit;
  switch (bit) {
  case KEY_PASS:
    return read_string(r, key, &r->pass);
  case KEY_NAME:
    return read_string(r, key, &r->remark_name);
  case KEY_FUNCTION:
    return read_string(r, key, &r->function);
  case KEY_DEBUG_LOC:
    return read_loc(r, &r->loc);
  case KEY_HOTNESS:
    r->has_hotness = 1;
    return read_unsigned(r, key, ULLONG_MAX, &r->hotness);
  case KEY_ARGS:
    return read_args(r);
  case KEY_UNKNOWN:
    break;
  }
  return skip_value(r);
}

/* Empties the current remark, keeping the buffers. */
static void reset_remark(reader *r) {
  escape_strbuf_reset(&r->strings);
  r->pass = r->remark_name = r->function = NO_STRING;
  r->loc = (loc_offsets){NO_STRING, 0, 0};
  r->has_hotness = 0;
  r->hotness = 0;
  r->arg_count = 0;
}

/* Reads the tag and the mapping of one document. */
static int read_remark(reader *r) {
  if (expect_event(r, YAML_MAPPING_START_EVENT, "a remark mapping"))
    return -1;
  size_t line = event_line(r);
  const char *tag = (const char *)r->event.data.mapping_start.tag;
  if (!tag)
    return fail_at(r, line, "remark has no type tag (like '--- !Missed')");
  if (tag[0] != '!' || escape_remark_type_from_tag(tag + 1, &r->type) != 0)
    return fail_at(r, line, "unknown remark type '%s'", tag);
  reset_remark(r);
  unsigned seen = 0;
  if (read_mapping_body(r, "a remark", handle_remark_key, &seen))
    return -1;
  if (!(seen & KEY_PASS))
    return fail_at(r, line, "remark has no 'Pass'");
  if (!(seen & KEY_NAME))
    return fail_at(r, line, "remark has no 'Name'");
  return 0;
}

/* Points a location's file at the string buffer. */
static escape_loc make_loc(const reader *r, loc_offsets loc) {
  escape_loc out = {NULL, loc.line, loc.column};
  if (loc.file != NO_STRING)
    out.file = r->strings.buf + loc.file;
  return out;
}

static char *string_at(const reader *r, size_t offset) {
  return offset == NO_STRING ? NULL : r->strings.buf + offset;
}

/* Builds the pointer view of the current remark and calls the callback. */
static int deliver(reader *r, escape_remark_callback callback, void *ctx) {
  if (r->arg_count > r->out_alloc) {
    escape_arg *args = realloc(r->out_args, r->arg_alloc * sizeof *args);
    if (!args)
      return fail_at(r, event_line(r), "out of memory");
    r->out_args = args;
    r->out_alloc = r->arg_alloc;
  }
  if (r->strings.failed)
    return fail_at(r, event_line(r), "out of memory");
  for (size_t i = 0; i < r->arg_count; i++) {
    r->out_args[i].key = string_at(r, r->args[i].key);
    r->out_args[i].value = string_at(r, r->args[i].value);
    r->out_args[i].loc = make_loc(r, r->args[i].loc);
  }
  escape_remark remark = {
      .type = r->type,
      .pass = string_at(r, r->pass),
      .name = string_at(r, r->remark_name),
      .loc = make_loc(r, r->loc),
      .function = string_at(r, r->function),
      .has_hotness = r->has_hotness,
      .hotness = r->hotness,
      .args = r->arg_count ? r->out_args : NULL,
      .arg_count = r->arg_count,
  };
  return callback(&remark, ctx);
}

/* Whether the remark's pass is one the caller asked for. The feed skips
 * most other documents unparsed; the ones it could not judge come here. */
static int pass_wanted(const reader *r) {
  return !r->want_pass || r->want_pass(string_at(r, r->pass), r->want_pass_ctx);
}

/* Reads documents until the stream ends. Every document must be closed by
 * '...', as LLVM and our writer always do: one that is not means the file
 * was cut off, and judging every document alike keeps the verdict the same
 * whichever documents the feed skipped. */
static int read_stream(reader *r, escape_remark_callback callback, void *ctx) {
  if (expect_event(r, YAML_STREAM_START_EVENT, "a YAML stream"))
    return -1;
  for (;;) {
    if (next_event(r))
      return -1;
    if (r->event.type == YAML_STREAM_END_EVENT)
      return 0;
    if (r->event.type != YAML_DOCUMENT_START_EVENT)
      return fail_at(r, event_line(r), "expected a remark document");
    remark_feed_forget_before(&r->feed, r->event.start_mark.line);
    size_t document_line = event_line(r);
    if (read_remark(r) ||
        expect_event(r, YAML_DOCUMENT_END_EVENT, "the end of the document"))
      return -1;
    if (r->event.data.document_end.implicit)
      return fail_at(r, document_line,
                     "document not terminated by '...' (truncated file?)");
    int stop = pass_wanted(r) ? deliver(r, callback, ctx) : 0;
    if (stop)
      return stop;
  }
}

/* Runs the reader over its feed and frees both. */
static int run(reader *r, escape_remark_callback callback, void *ctx) {
  escape_strbuf_init(&r->strings);
  yaml_parser_set_input(&r->parser, remark_feed_read, &r->feed);
  int result = read_stream(r, callback, ctx);
  if (r->have_event)
    yaml_event_delete(&r->event);
  yaml_parser_delete(&r->parser);
  remark_feed_release(&r->feed);
  escape_strbuf_release(&r->strings);
  free(r->args);
  free(r->out_args);
  return result;
}

/* Prepares a reader; returns -1 with err set if libyaml cannot start. */
static int reader_init(reader *r, const char *name,
                       const escape_read_options *options, escape_strbuf *err) {
  memset(r, 0, sizeof *r);
  r->name = name;
  r->err = err;
  if (options) {
    r->want_pass = options->want_pass;
    r->want_pass_ctx = options->want_pass_ctx;
  }
  if (!yaml_parser_initialize(&r->parser)) {
    escape_strbuf_addf(err, "%s: error: out of memory", name);
    return -1;
  }
  return 0;
}

int escape_remark_read_buffer_with(const char *name, const char *data,
                                   size_t len,
                                   const escape_read_options *options,
                                   escape_remark_callback callback, void *ctx,
                                   escape_strbuf *err) {
  reader r;
  if (reader_init(&r, name, options, err))
    return -1;
  remark_feed_init(&r.feed, -1, data, len, options);
  return run(&r, callback, ctx);
}

int escape_remark_read_buffer(const char *name, const char *data, size_t len,
                              escape_remark_callback callback, void *ctx,
                              escape_strbuf *err) {
  return escape_remark_read_buffer_with(name, data, len, NULL, callback, ctx,
                                        err);
}

int escape_remark_read_file_with(const char *path,
                                 const escape_read_options *options,
                                 escape_remark_callback callback, void *ctx,
                                 escape_strbuf *err) {
  int is_stdin = strcmp(path, "-") == 0;
  int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    escape_strbuf_addf(err, "%s: error: cannot open: %s", path,
                       strerror(errno));
    return -1;
  }
  struct stat st;
  /* Only a regular file is read again (by position) for error lines and
   * split into ranges; stdin is read once, front to back. */
  int seekable = !is_stdin && fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  reader r;
  int result = reader_init(&r, is_stdin ? "<stdin>" : path, options, err);
  if (result == 0) {
    remark_feed_init(&r.feed, fd, NULL, 0, options);
    r.feed.seekable = seekable;
    result = run(&r, callback, ctx);
  }
  if (!is_stdin)
    close(fd);
  return result;
}

int escape_remark_read_file(const char *path, escape_remark_callback callback,
                            void *ctx, escape_strbuf *err) {
  return escape_remark_read_file_with(path, NULL, callback, ctx, err);
}
