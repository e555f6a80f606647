#define _POSIX_C_SOURCE 200809L
#include "escape/remark_writer.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

struct escape_remark_writer {
  yaml_emitter_t emitter;
  FILE *stream;
  char *path;          /* target path; NULL when writing to a caller's stream */
  char *temp_path;     /* the temporary file renamed to path on commit */
  int started;         /* the YAML stream-start event was emitted */
  int write_errno;     /* errno of the first failed write, 0 if none */
  int libyaml_only;    /* every remark through libyaml (the reference) */
  size_t direct_count; /* remarks the direct path wrote */
  escape_strbuf scratch;  /* reused for numbers and repaired strings */
  escape_strbuf document; /* the remark the direct path is writing */
};

/* libyaml output handler: writes to the stream, remembering errno. */
static int write_handler(void *data, unsigned char *buffer, size_t size) {
  escape_remark_writer *writer = data;
  if (size == 0 || fwrite(buffer, 1, size, writer->stream) == size)
    return 1;
  writer->write_errno = errno ? errno : EIO;
  return 0;
}

/* Creates the writer around an open stream; NULL when out of memory. */
static escape_remark_writer *writer_new(FILE *stream) {
  escape_remark_writer *writer = calloc(1, sizeof *writer);
  if (!writer)
    return NULL;
  if (!yaml_emitter_initialize(&writer->emitter)) {
    free(writer);
    return NULL;
  }
  writer->stream = stream;
  escape_strbuf_init(&writer->scratch);
  escape_strbuf_init(&writer->document);
  /* Lets scripts/yaml-emitters.sh compare the two paths on the corpus. */
  const char *reference = getenv("ESCAPE_YAML_LIBYAML");
  writer->libyaml_only = reference && *reference && strcmp(reference, "0");
  yaml_emitter_set_output(&writer->emitter, write_handler, writer);
  yaml_emitter_set_unicode(&writer->emitter, 1);
  /* Never fold long strings: LLVM's parser reads scalars raw. */
  yaml_emitter_set_width(&writer->emitter, -1);
  yaml_emitter_set_indent(&writer->emitter, 2);
  return writer;
}

static void writer_free(escape_remark_writer *writer) {
  yaml_emitter_delete(&writer->emitter);
  escape_strbuf_release(&writer->scratch);
  escape_strbuf_release(&writer->document);
  free(writer->path);
  free(writer->temp_path);
  free(writer);
}

escape_remark_writer *escape_remark_writer_open_stream(FILE *stream,
                                                       escape_strbuf *err) {
  escape_remark_writer *writer = writer_new(stream);
  if (!writer)
    escape_strbuf_addstr(err, "error: out of memory");
  return writer;
}

/* Creates PATH.tmpXXXXXX beside path; returns its stream or NULL. */
static FILE *create_temp(const char *path, char **temp_path) {
  size_t len = strlen(path);
  char *name = malloc(len + sizeof ".tmpXXXXXX");
  if (!name)
    return NULL;
  memcpy(name, path, len);
  memcpy(name + len, ".tmpXXXXXX", sizeof ".tmpXXXXXX");
  int fd = mkstemp(name);
  if (fd < 0) {
    free(name);
    return NULL;
  }
  /* mkstemp creates 0600; the renamed file should be like any other output
   * of the build (0666 less the umask), readable by CI and other users. */
  mode_t mask = umask(0);
  umask(mask);
  (void)fchmod(fd, 0666 & ~mask);
  FILE *stream = fdopen(fd, "w");
  if (!stream) {
    int saved = errno;
    close(fd);
    unlink(name);
    free(name);
    errno = saved;
    return NULL;
  }
  *temp_path = name;
  return stream;
}

escape_remark_writer *escape_remark_writer_open(const char *path,
                                                escape_strbuf *err) {
  char *temp_path = NULL;
  FILE *stream = create_temp(path, &temp_path);
  if (!stream) {
    escape_strbuf_addf(err, "%s: error: cannot create temporary file: %s", path,
                       strerror(errno));
    return NULL;
  }
  escape_remark_writer *writer = writer_new(stream);
  char *path_copy = strdup(path);
  if (!writer || !path_copy) {
    fclose(stream);
    unlink(temp_path);
    free(temp_path);
    free(path_copy);
    if (writer)
      writer_free(writer);
    escape_strbuf_addf(err, "%s: error: out of memory", path);
    return NULL;
  }
  writer->path = path_copy;
  writer->temp_path = temp_path;
  return writer;
}

/* The name used in error messages. */
static const char *writer_name(const escape_remark_writer *writer) {
  return writer->path ? writer->path : "<stream>";
}

/* Emits one event; on failure records why in err and returns -1. */
static int emit(escape_remark_writer *writer, yaml_event_t *event,
                int initialized, escape_strbuf *err) {
  if (initialized && yaml_emitter_emit(&writer->emitter, event))
    return 0;
  if (writer->write_errno)
    escape_strbuf_addf(err, "%s: error: cannot write: %s", writer_name(writer),
                       strerror(writer->write_errno));
  else if (!initialized)
    escape_strbuf_addf(err, "%s: error: out of memory", writer_name(writer));
  else
    escape_strbuf_addf(err, "%s: error: cannot write YAML: %s",
                       writer_name(writer),
                       writer->emitter.problem ? writer->emitter.problem
                                               : "unknown emitter error");
  return -1;
}

/* Returns 1 if a YAML reader could take value for something other than a
 * string (number, bool, null), so it must be quoted to stay a string. */
static int looks_like_non_string(const char *value) {
  static const char *const words[] = {"null", "true", "false", "yes", "no",
                                      "on",   "off",  "y",     "n",   "~"};
  char c = value[0];
  if (c == '\0' || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')
    return 1;
  /* Every word is at most 5 letters and starts with one of these: most
   * values are ruled out here, without a comparison per word (this runs
   * for every scalar of every remark, inside the compile). */
  if (!strchr("ntfyo~NTFYO", c) || strnlen(value, 6) > 5)
    return 0;
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    if (strcasecmp(value, words[i]) == 0)
      return 1;
  return 0;
}

/* Length of the valid UTF-8 sequence at s (1-4), or 0 if it is invalid,
 * overlong, a surrogate or beyond U+10FFFF: what libyaml would refuse. */
static size_t utf8_sequence_length(const unsigned char *s) {
  static const unsigned long minimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (s[0] < 0x80)
    return 1;
  size_t len = (s[0] & 0xE0) == 0xC0   ? 2
               : (s[0] & 0xF0) == 0xE0 ? 3
               : (s[0] & 0xF8) == 0xF0 ? 4
                                       : 0;
  if (len == 0)
    return 0;
  unsigned long value = s[0] & (0x7F >> len);
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80)
      return 0;
    value = (value << 6) | (s[i] & 0x3F);
  }
  if (value < minimum[len] || value > 0x10FFFF ||
      (value >= 0xD800 && value <= 0xDFFF))
    return 0;
  return len;
}

/* Returns value, or a copy in scratch with invalid UTF-8 bytes replaced by
 * U+FFFD: libyaml refuses invalid UTF-8, and one odd byte in a path must
 * not lose the whole file. */
static const char *valid_utf8(escape_remark_writer *writer, const char *value) {
  const unsigned char *s = (const unsigned char *)value;
  size_t i = 0, len;
  while (s[i] && (len = utf8_sequence_length(s + i)) != 0)
    i += len;
  if (!s[i])
    return value;
  escape_strbuf_reset(&writer->scratch);
  for (i = 0; s[i]; i += len ? len : 1) {
    len = utf8_sequence_length(s + i);
    if (len)
      escape_strbuf_add(&writer->scratch, value + i, len);
    else
      escape_strbuf_addstr(&writer->scratch, "\xEF\xBF\xBD");
  }
  return writer->scratch.buf;
}

static int has_control_character(const char *value) {
  for (const unsigned char *c = (const unsigned char *)value; *c; c++)
    if (*c < 0x20 || *c == 0x7F)
      return 1;
  return 0;
}

/* Picks how a string is written. Control characters (newlines) go in
 * double quotes as escapes, as LLVM writes them, never as multi-line
 * scalars that LLVM's raw-value parser would misread. */
static yaml_scalar_style_t string_style(const char *value) {
  if (has_control_character(value))
    return YAML_DOUBLE_QUOTED_SCALAR_STYLE;
  if (looks_like_non_string(value))
    return YAML_SINGLE_QUOTED_SCALAR_STYLE;
  return YAML_ANY_SCALAR_STYLE;
}

/* Emits a string scalar: plain when that reads back as the same string,
 * quoted otherwise (the emitter picks double quotes when single ones
 * cannot hold the text). */
static int emit_string(escape_remark_writer *writer, const char *value,
                       escape_strbuf *err) {
  value = valid_utf8(writer, value);
  yaml_scalar_style_t style = string_style(value);
  yaml_event_t event;
  int ok = yaml_scalar_event_initialize(&event, NULL, NULL,
                                        (yaml_char_t *)value, -1, 1, 1, style);
  return emit(writer, &event, ok, err);
}

/* Emits an unsigned integer as a plain scalar. */
static int emit_number(escape_remark_writer *writer, unsigned long long number,
                       escape_strbuf *err) {
  char text[32];
  snprintf(text, sizeof text, "%llu", number);
  yaml_event_t event;
  int ok = yaml_scalar_event_initialize(&event, NULL, NULL, (yaml_char_t *)text,
                                        -1, 1, 1, YAML_PLAIN_SCALAR_STYLE);
  return emit(writer, &event, ok, err);
}

static int emit_mapping_start(escape_remark_writer *writer, const char *tag,
                              yaml_mapping_style_t style, escape_strbuf *err) {
  yaml_event_t event;
  int ok = yaml_mapping_start_event_initialize(&event, NULL, (yaml_char_t *)tag,
                                               tag == NULL, style);
  return emit(writer, &event, ok, err);
}

static int emit_mapping_end(escape_remark_writer *writer, escape_strbuf *err) {
  yaml_event_t event;
  int ok = yaml_mapping_end_event_initialize(&event);
  return emit(writer, &event, ok, err);
}

/* Emits `DebugLoc: { File: f, Line: n, Column: n }`. */
static int emit_loc(escape_remark_writer *writer, const escape_loc *loc,
                    escape_strbuf *err) {
  if (emit_string(writer, "DebugLoc", err) ||
      emit_mapping_start(writer, NULL, YAML_FLOW_MAPPING_STYLE, err) ||
      emit_string(writer, "File", err) || emit_string(writer, loc->file, err) ||
      emit_string(writer, "Line", err) || emit_number(writer, loc->line, err) ||
      emit_string(writer, "Column", err) ||
      emit_number(writer, loc->column, err))
    return -1;
  return emit_mapping_end(writer, err);
}

/* Emits one `- Key: value` entry of Args. */
static int emit_arg(escape_remark_writer *writer, const escape_arg *arg,
                    escape_strbuf *err) {
  if (emit_mapping_start(writer, NULL, YAML_BLOCK_MAPPING_STYLE, err) ||
      emit_string(writer, arg->key, err) ||
      emit_string(writer, arg->value ? arg->value : "", err))
    return -1;
  if (arg->loc.file && emit_loc(writer, &arg->loc, err))
    return -1;
  return emit_mapping_end(writer, err);
}

static int emit_args(escape_remark_writer *writer, const escape_remark *remark,
                     escape_strbuf *err) {
  yaml_event_t event;
  if (emit_string(writer, "Args", err) ||
      emit(writer, &event,
           yaml_sequence_start_event_initialize(&event, NULL, NULL, 1,
                                                YAML_BLOCK_SEQUENCE_STYLE),
           err))
    return -1;
  for (size_t i = 0; i < remark->arg_count; i++)
    if (emit_arg(writer, &remark->args[i], err))
      return -1;
  return emit(writer, &event, yaml_sequence_end_event_initialize(&event), err);
}

/* Emits the stream start once, before the first document, so that a file
 * without remarks stays zero bytes as LLVM writes it. */
static int start_stream(escape_remark_writer *writer, escape_strbuf *err) {
  if (writer->started)
    return 0;
  writer->started = 1;
  yaml_event_t event;
  int ok = yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING);
  return emit(writer, &event, ok, err);
}

/* Emits the keys of the remark mapping in LLVM's order. */
static int emit_remark_body(escape_remark_writer *writer,
                            const escape_remark *remark, escape_strbuf *err) {
  if (emit_string(writer, "Pass", err) ||
      emit_string(writer, remark->pass ? remark->pass : "", err) ||
      emit_string(writer, "Name", err) ||
      emit_string(writer, remark->name ? remark->name : "", err))
    return -1;
  if (remark->loc.file && emit_loc(writer, &remark->loc, err))
    return -1;
  if (remark->function && (emit_string(writer, "Function", err) ||
                           emit_string(writer, remark->function, err)))
    return -1;
  if (remark->has_hotness && (emit_string(writer, "Hotness", err) ||
                              emit_number(writer, remark->hotness, err)))
    return -1;
  if (remark->arg_count && emit_args(writer, remark, err))
    return -1;
  return 0;
}

/* Writes one remark document with libyaml's emitter, flushed to the stream
 * so that documents the direct path writes after it come after it. */
static int libyaml_add(escape_remark_writer *writer,
                       const escape_remark *remark, escape_strbuf *err) {
  char tag[32];
  snprintf(tag, sizeof tag, "!%s", escape_remark_type_tag(remark->type));
  yaml_event_t event;
  if (start_stream(writer, err) ||
      emit(writer, &event,
           yaml_document_start_event_initialize(&event, NULL, NULL, NULL, 0),
           err) ||
      emit_mapping_start(writer, tag, YAML_BLOCK_MAPPING_STYLE, err) ||
      emit_remark_body(writer, remark, err) || emit_mapping_end(writer, err))
    return -1;
  if (emit(writer, &event, yaml_document_end_event_initialize(&event, 0), err))
    return -1;
  if (yaml_emitter_flush(&writer->emitter))
    return 0;
  escape_strbuf_addf(err, "%s: error: cannot write: %s", writer_name(writer),
                     strerror(writer->write_errno ? writer->write_errno : EIO));
  return -1;
}

/* The direct path: libyaml spends about 1,600 instructions per event (two
 * thirds of the plugin's YAML cost), most of it on generality our fixed
 * schema does not need. For remarks whose every scalar is printable ASCII
 * and whose keys are simple keys, the text below is what libyaml writes,
 * byte for byte, with the same settings (block style, indent 2, no
 * folding): the choice between plain and single quotes follows
 * yaml_emitter_analyze_scalar and yaml_emitter_select_scalar_style. Any
 * other remark (control characters, non-ASCII text, keys over 128 bytes)
 * goes through libyaml. test_remark_writer compares both paths on tricky
 * and random strings, scripts/yaml-emitters.sh on the corpus. */

enum { PLAIN_IN_BLOCK = 1, PLAIN_IN_FLOW = 2 };

/* What libyaml's scalar analysis looks at in a printable ASCII byte after
 * the first (one table lookup a byte: this runs over every byte of the
 * YAML, inside the compile). */
enum { FLOW_INDICATOR = 1, COLON = 2, HASH = 4, SPACE = 8, QUOTE = 16 };
static const unsigned char byte_class[128] = {
    [','] = FLOW_INDICATOR, ['?'] = FLOW_INDICATOR, ['['] = FLOW_INDICATOR,
    [']'] = FLOW_INDICATOR, ['{'] = FLOW_INDICATOR, ['}'] = FLOW_INDICATOR,
    [':'] = COLON,          ['#'] = HASH,           [' '] = SPACE,
    ['\''] = QUOTE,
};

/* Where libyaml would write value plain (PLAIN_IN_BLOCK, PLAIN_IN_FLOW),
 * with QUOTE_SEEN added when it holds a single quote; -1 when value is
 * empty or holds a byte outside printable ASCII (not for this path). */
enum { QUOTE_SEEN = 4 };
static int plain_contexts(const char *value) {
  unsigned char first = (unsigned char)value[0];
  if (first < 0x20 || first > 0x7E)
    return -1;
  int contexts = PLAIN_IN_BLOCK | PLAIN_IN_FLOW, quote = 0;
  int followed_by_space = value[1] == ' ' || value[1] == '\0';
  if (first == ' ' || strchr("#,[]{}&*!|>'\"%@`", first) ||
      ((first == '-' || first == '.') && value[1] == first &&
       value[2] == first))
    contexts = 0;
  else if (first == '?' || first == ':')
    contexts &= followed_by_space ? 0 : ~PLAIN_IN_FLOW;
  else if (first == '-' && followed_by_space)
    contexts = 0;
  quote = first == '\'' ? QUOTE_SEEN : 0;
  size_t i = 1;
  for (unsigned char c; (c = (unsigned char)value[i]) != '\0'; i++) {
    if (c < 0x20 || c > 0x7E)
      return -1;
    unsigned char kind = byte_class[c];
    if (kind == 0)
      continue;
    if (kind & FLOW_INDICATOR)
      contexts &= ~PLAIN_IN_FLOW;
    else if (kind & COLON)
      contexts &=
          value[i + 1] == ' ' || value[i + 1] == '\0' ? 0 : ~PLAIN_IN_FLOW;
    else if ((kind & HASH) && value[i - 1] == ' ')
      contexts = 0;
    else if (kind & QUOTE)
      quote = QUOTE_SEEN;
  }
  if (value[i - 1] == ' ') /* a trailing space */
    contexts = 0;
  return contexts | quote;
}

/* Appends value as libyaml writes it in the given context (PLAIN_IN_BLOCK
 * or PLAIN_IN_FLOW); -1 when this path cannot write it. */
static int direct_scalar(escape_strbuf *out, const char *value, int context) {
  int contexts = value[0] ? plain_contexts(value) : 0;
  if (contexts < 0)
    return -1; /* control characters (double quotes) or non-ASCII */
  if ((contexts & context) && !looks_like_non_string(value)) {
    escape_strbuf_addstr(out, value);
    return 0;
  }
  escape_strbuf_addch(out, '\'');
  if (contexts & QUOTE_SEEN)
    for (const char *quote; (quote = strchr(value, '\'')) != NULL;
         value = quote + 1) {
      escape_strbuf_add(out, value, (size_t)(quote - value) + 1);
      escape_strbuf_addch(out, '\'');
    }
  escape_strbuf_addstr(out, value);
  escape_strbuf_addch(out, '\'');
  return 0;
}

/* Appends "key: value\n" at the current indentation; -1 as above (a key
 * over 128 bytes is not a simple key: libyaml writes it after "? "). */
static int direct_entry(escape_strbuf *out, const char *key,
                        const char *value) {
  if (strlen(key) > 128 || direct_scalar(out, key, PLAIN_IN_BLOCK))
    return -1;
  escape_strbuf_add(out, ": ", 2);
  if (direct_scalar(out, value, PLAIN_IN_BLOCK))
    return -1;
  escape_strbuf_addch(out, '\n');
  return 0;
}

/* Appends "DebugLoc: {File: f, Line: n, Column: n}\n". */
static int direct_loc(escape_strbuf *out, const escape_loc *loc) {
  escape_strbuf_add(out, "DebugLoc: {File: ", 17);
  if (direct_scalar(out, loc->file, PLAIN_IN_FLOW))
    return -1;
  escape_strbuf_add(out, ", Line: ", 8);
  escape_strbuf_addu(out, loc->line);
  escape_strbuf_add(out, ", Column: ", 10);
  escape_strbuf_addu(out, loc->column);
  escape_strbuf_add(out, "}\n", 2);
  return 0;
}

/* Appends the remark document to out; -1 when libyaml must write it. */
static int direct_document(escape_strbuf *out, const escape_remark *remark) {
  const char *tag = escape_remark_type_tag(remark->type);
  for (const char *c = tag; *c; c++)
    if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z')))
      return -1;
  escape_strbuf_add(out, "--- !", 5);
  escape_strbuf_addstr(out, tag);
  escape_strbuf_addch(out, '\n');
  if (direct_entry(out, "Pass", remark->pass ? remark->pass : "") ||
      direct_entry(out, "Name", remark->name ? remark->name : "") ||
      (remark->loc.file && direct_loc(out, &remark->loc)) ||
      (remark->function && direct_entry(out, "Function", remark->function)))
    return -1;
  if (remark->has_hotness) {
    escape_strbuf_add(out, "Hotness: ", 9);
    escape_strbuf_addu(out, remark->hotness);
    escape_strbuf_addch(out, '\n');
  }
  if (remark->arg_count)
    escape_strbuf_add(out, "Args:\n", 6);
  for (size_t i = 0; i < remark->arg_count; i++) {
    const escape_arg *arg = &remark->args[i];
    escape_strbuf_add(out, "- ", 2);
    if (direct_entry(out, arg->key, arg->value ? arg->value : ""))
      return -1;
    if (arg->loc.file) {
      escape_strbuf_add(out, "  ", 2);
      if (direct_loc(out, &arg->loc))
        return -1;
    }
  }
  escape_strbuf_add(out, "...\n", 4);
  return 0;
}

int escape_remark_writer_add(escape_remark_writer *writer,
                             const escape_remark *remark, escape_strbuf *err) {
  escape_strbuf *document = &writer->document;
  escape_strbuf_reset(document);
  if (writer->libyaml_only || direct_document(document, remark))
    return libyaml_add(writer, remark, err);
  if (document->failed) {
    escape_strbuf_addf(err, "%s: error: out of memory", writer_name(writer));
    return -1;
  }
  if (fwrite(document->buf, 1, document->len, writer->stream) ==
      document->len) {
    writer->direct_count++;
    return 0;
  }
  escape_strbuf_addf(err, "%s: error: cannot write: %s", writer_name(writer),
                     strerror(errno ? errno : EIO));
  return -1;
}

void escape_remark_writer_use_libyaml(escape_remark_writer *writer) {
  writer->libyaml_only = 1;
}

size_t escape_remark_writer_direct_count(const escape_remark_writer *writer) {
  return writer->direct_count;
}

/* Ends the YAML stream and flushes it; returns 0 or -1 with err set. */
static int finish_stream(escape_remark_writer *writer, escape_strbuf *err) {
  yaml_event_t event;
  if (writer->started &&
      (emit(writer, &event, yaml_stream_end_event_initialize(&event), err) ||
       !yaml_emitter_flush(&writer->emitter)))
    return -1;
  if (fflush(writer->stream) != 0 || ferror(writer->stream)) {
    escape_strbuf_addf(err, "%s: error: cannot write: %s", writer_name(writer),
                       strerror(errno ? errno : EIO));
    return -1;
  }
  return 0;
}

/* Closes the temporary file and renames it to the target path. */
static int install_file(escape_remark_writer *writer, escape_strbuf *err) {
  FILE *stream = writer->stream;
  writer->stream = NULL;
  if (fclose(stream) != 0) {
    escape_strbuf_addf(err, "%s: error: cannot write: %s", writer->path,
                       strerror(errno));
    return -1;
  }
  if (rename(writer->temp_path, writer->path) != 0) {
    escape_strbuf_addf(err, "%s: error: cannot rename %s into place: %s",
                       writer->path, writer->temp_path, strerror(errno));
    return -1;
  }
  return 0;
}

int escape_remark_writer_commit(escape_remark_writer *writer,
                                escape_strbuf *err) {
  int result = finish_stream(writer, err);
  if (result == 0 && writer->temp_path)
    result = install_file(writer, err);
  if (result != 0) {
    escape_remark_writer_abort(writer);
    return -1;
  }
  writer_free(writer);
  return 0;
}

void escape_remark_writer_abort(escape_remark_writer *writer) {
  if (!writer)
    return;
  if (writer->temp_path) {
    if (writer->stream)
      fclose(writer->stream);
    unlink(writer->temp_path);
  }
  writer_free(writer);
}
