#define _POSIX_C_SOURCE 200809L
#include "lsp_diagnostics.h"

#include <ctype.h>
#include <string.h>

#include "escape/remark_catalog.h"
#include "escape/strbuf.h"
#include "lsp_settings.h"

/* The length of the valid UTF-8 sequence at p, 0 when it is not one
 * (overlong forms and surrogates included, as jansson rejects them). */
static size_t utf8_sequence(const unsigned char *p) {
  if (p[0] < 0x80)
    return 1;
  size_t n = p[0] >= 0xC2 && p[0] < 0xE0   ? 2
             : p[0] >= 0xE0 && p[0] < 0xF0 ? 3
             : p[0] >= 0xF0 && p[0] < 0xF5 ? 4
                                           : 0;
  for (size_t i = 1; i < n; i++)
    if ((p[i] & 0xC0) != 0x80)
      return 0;
  if ((p[0] == 0xE0 && p[1] < 0xA0) || (p[0] == 0xED && p[1] >= 0xA0) ||
      (p[0] == 0xF0 && p[1] < 0x90) || (p[0] == 0xF4 && p[1] >= 0x90))
    return 0;
  return n;
}

/* s with every byte that is not part of valid UTF-8 replaced by '?', in
 * out: jansson rejects invalid strings, and remark files may hold them. */
static const char *valid_utf8(const char *s, escape_strbuf *out) {
  escape_strbuf_reset(out);
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    size_t n = utf8_sequence(p);
    if (n == 0) {
      escape_strbuf_addch(out, '?');
      p++;
      continue;
    }
    escape_strbuf_add(out, (const char *)p, n);
    p += n;
  }
  return out->buf;
}

static json_t *position_json(lsp_position pos) {
  return json_pack("{s:I,s:I}", "line", (json_int_t)pos.line, "character",
                   (json_int_t)pos.character);
}

/* The range of the token at line:column of doc (1-based; 0: unknown). */
static json_t *range_json(const lsp_document *doc, unsigned line,
                          unsigned column) {
  lsp_position start = lsp_document_position(doc, line, column);
  lsp_position end = lsp_document_token_end(doc, line, column);
  return json_pack("{s:o,s:o}", "start", position_json(start), "end",
                   position_json(end));
}

/* A range in a file that is not open: no text to measure, so the column
 * is taken as it is (exact for ASCII lines). */
static json_t *plain_range(unsigned line, unsigned column) {
  lsp_position start = {line ? line - 1 : 0, column ? column - 1 : 0};
  lsp_position end = {start.line, start.character + 1};
  return json_pack("{s:o,s:o}", "start", position_json(start), "end",
                   position_json(end));
}

/* The docs anchor of a remark name, as GitHub makes it from the heading. */
static void docs_href(const char *docs_url, const char *name,
                      escape_strbuf *out) {
  escape_strbuf_addf(out, "%s#", docs_url ? docs_url : LSP_DEFAULT_DOCS_URL);
  for (const char *p = name; *p; p++)
    escape_strbuf_addch(out, (char)tolower((unsigned char)*p));
}

/* What a related location is, by the key of the arg that carries it. */
static void related_message(const escape_remark *remark, const escape_arg *arg,
                            escape_strbuf *out) {
  if (strcmp(arg->key, ESCAPE_KEY_REASON) == 0)
    escape_strbuf_addf(out, "captured here (%s)", arg->value);
  else if (strcmp(arg->key, ESCAPE_KEY_CALLEE) == 0 &&
           (strcmp(remark->name, "LocalEscapes") == 0 ||
            strcmp(remark->name, "LeakingParam") == 0))
    escape_strbuf_addf(out, "passed to '%s' here", arg->value);
  else if (strcmp(arg->key, ESCAPE_KEY_CALLEE) == 0)
    escape_strbuf_addf(out, "'%s' is here", arg->value);
  else if (strcmp(arg->key, "InlinedFrom") == 0)
    escape_strbuf_addf(out, "inlined from '%s' here", arg->value);
  else if (strcmp(arg->key, ESCAPE_KEY_LOOP_DEPTH) == 0)
    escape_strbuf_addf(out, "the loop (depth %s) is here", arg->value);
  else
    escape_strbuf_addf(out, "%s '%s'", arg->key, arg->value);
}

static int same_loc(const escape_loc *a, const escape_loc *b) {
  return a->file && b->file && a->line == b->line && a->column == b->column &&
         strcmp(a->file, b->file) == 0;
}

/* Whether an earlier arg (or the remark itself) is at the same place. */
static int seen_loc(const escape_remark *remark, size_t index) {
  const escape_loc *loc = &remark->args[index].loc;
  if (same_loc(loc, &remark->loc))
    return 1;
  for (size_t i = 0; i < index; i++)
    if (same_loc(loc, &remark->args[i].loc))
      return 1;
  return 0;
}

static json_t *related_information(const escape_remark *remark,
                                   const lsp_document *doc) {
  json_t *related = json_array();
  escape_strbuf text, uri, clean;
  escape_strbuf_init(&text);
  escape_strbuf_init(&uri);
  escape_strbuf_init(&clean);
  for (size_t i = 0; related && i < remark->arg_count; i++) {
    const escape_arg *arg = &remark->args[i];
    if (!arg->loc.file || arg->loc.line == 0 || seen_loc(remark, i))
      continue;
    escape_strbuf_reset(&text);
    escape_strbuf_reset(&uri);
    related_message(remark, arg, &text);
    lsp_path_to_uri(arg->loc.file, &uri);
    int here = strcmp(arg->loc.file, doc->path) == 0;
    json_t *range = here ? range_json(doc, arg->loc.line, arg->loc.column)
                         : plain_range(arg->loc.line, arg->loc.column);
    json_array_append_new(related,
                          json_pack("{s:{s:s,s:o},s:s}", "location", "uri",
                                    uri.buf, "range", range, "message",
                                    valid_utf8(text.buf, &clean)));
  }
  escape_strbuf_release(&text);
  escape_strbuf_release(&uri);
  escape_strbuf_release(&clean);
  return related;
}

json_t *lsp_diagnostic_of_remark(const escape_remark *remark,
                                 const char *message, const lsp_document *doc,
                                 const char *docs_url) {
  escape_strbuf href, name, text;
  escape_strbuf_init(&href);
  escape_strbuf_init(&name);
  escape_strbuf_init(&text);
  docs_href(docs_url, valid_utf8(remark->name, &name), &href);
  int severity = remark->type == ESCAPE_REMARK_PASSED
                     ? LSP_SEVERITY_HINT
                     : LSP_SEVERITY_INFORMATION;
  json_t *diagnostic = json_pack(
      "{s:o,s:i,s:s,s:{s:s},s:s,s:s}", "range",
      range_json(doc, remark->loc.line, remark->loc.column), "severity",
      severity, "code", name.buf, "codeDescription", "href", href.buf, "source",
      "escape", "message", valid_utf8(message, &text));
  escape_strbuf_release(&href);
  escape_strbuf_release(&name);
  escape_strbuf_release(&text);
  json_t *related = diagnostic ? related_information(remark, doc) : NULL;
  if (related && json_array_size(related) > 0)
    json_object_set(diagnostic, "relatedInformation", related);
  json_decref(related);
  return diagnostic;
}

/* The line and column of a compiler error "FILE:LINE:COL: error: ..." when
 * FILE is doc's file (by its last path component, as the compile names it
 * relative to its directory); 1:1 otherwise. */
static void error_position(const lsp_document *doc, const char *why,
                           unsigned *line, unsigned *column) {
  *line = *column = 1;
  const char *end = strstr(why, ": error:");
  if (!end)
    return;
  const char *colon2 = end;
  while (colon2 > why && colon2[-1] != ':')
    colon2--;
  if (colon2 == why)
    return;
  const char *colon1 = colon2 - 1;
  while (colon1 > why && colon1[-1] != ':')
    colon1--;
  if (colon1 == why)
    return;
  size_t file_len = (size_t)(colon1 - 1 - why);
  const char *base = strrchr(doc->path, '/');
  base = base ? base + 1 : doc->path;
  size_t base_len = strlen(base);
  if (file_len < base_len ||
      strncmp(why + file_len - base_len, base, base_len) != 0 ||
      (file_len > base_len && why[file_len - base_len - 1] != '/'))
    return;
  unsigned l = (unsigned)strtoul(colon1, NULL, 10);
  unsigned c = (unsigned)strtoul(colon2, NULL, 10);
  if (l && c) {
    *line = l;
    *column = c;
  }
}

json_t *lsp_diagnostic_not_analysed(const lsp_document *doc,
                                    const char *why) {
  escape_strbuf message, clean;
  escape_strbuf_init(&message);
  escape_strbuf_init(&clean);
  escape_strbuf_addf(&message,
                     "escape: not analysed: the compile with the plugin "
                     "failed: %s",
                     why);
  unsigned line, column;
  error_position(doc, why, &line, &column);
  json_t *diagnostic =
      json_pack("{s:o,s:i,s:s,s:s}", "range", range_json(doc, line, column),
                "severity",
                LSP_SEVERITY_WARNING, "source", "escape", "message",
                valid_utf8(message.buf, &clean));
  escape_strbuf_release(&message);
  escape_strbuf_release(&clean);
  return diagnostic;
}

json_t *lsp_publish_params(const lsp_document *doc, json_t *diagnostics) {
  return json_pack("{s:s,s:I,s:o}", "uri", doc->uri, "version",
                   (json_int_t)doc->version, "diagnostics", diagnostics);
}
