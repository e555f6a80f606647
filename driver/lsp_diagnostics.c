#define _POSIX_C_SOURCE 200809L
#include "lsp_diagnostics.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "escape/remark_catalog.h"
#include "escape/strbuf.h"
#include "lsp_settings.h"

static void write_position(json_writer *w, const char *key, lsp_position pos) {
  json_key(w, key);
  json_begin_object(w);
  json_key_uint(w, "line", pos.line);
  json_key_uint(w, "character", pos.character);
  json_end_object(w);
}

/* The range of the token at line:column of doc (1-based; 0: unknown). */
static void write_range(json_writer *w, const lsp_document *doc, unsigned line,
                        unsigned column) {
  json_key(w, "range");
  json_begin_object(w);
  write_position(w, "start", lsp_document_position(doc, line, column));
  write_position(w, "end", lsp_document_token_end(doc, line, column));
  json_end_object(w);
}

/* A range in a file that is not open: no text to measure, so the column
 * is taken as it is (exact for ASCII lines). */
static void write_plain_range(json_writer *w, unsigned line, unsigned column) {
  lsp_position start = {line ? line - 1 : 0, column ? column - 1 : 0};
  lsp_position end = {start.line, start.character + 1};
  json_key(w, "range");
  json_begin_object(w);
  write_position(w, "start", start);
  write_position(w, "end", end);
  json_end_object(w);
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

/* Whether the remark has a related location to write. */
static int has_related(const escape_remark *remark) {
  for (size_t i = 0; i < remark->arg_count; i++)
    if (remark->args[i].loc.file && remark->args[i].loc.line &&
        !seen_loc(remark, i))
      return 1;
  return 0;
}

static void write_related(json_writer *w, const escape_remark *remark,
                          const lsp_document *doc, escape_strbuf *scratch) {
  json_key(w, "relatedInformation");
  json_begin_array(w);
  for (size_t i = 0; i < remark->arg_count; i++) {
    const escape_arg *arg = &remark->args[i];
    if (!arg->loc.file || arg->loc.line == 0 || seen_loc(remark, i))
      continue;
    json_begin_object(w);
    json_key(w, "location");
    json_begin_object(w);
    escape_strbuf_reset(scratch);
    lsp_path_to_uri(arg->loc.file, scratch);
    json_key_string(w, "uri", scratch->buf);
    if (strcmp(arg->loc.file, doc->path) == 0)
      write_range(w, doc, arg->loc.line, arg->loc.column);
    else
      write_plain_range(w, arg->loc.line, arg->loc.column);
    json_end_object(w);
    escape_strbuf_reset(scratch);
    related_message(remark, arg, scratch);
    json_key_string(w, "message", scratch->buf);
    json_end_object(w);
  }
  json_end_array(w);
}

void lsp_write_diagnostic(json_writer *w, const escape_remark *remark,
                          const char *message, const lsp_document *doc,
                          const char *docs_url, escape_strbuf *scratch) {
  int severity = remark->type == ESCAPE_REMARK_PASSED
                     ? LSP_SEVERITY_HINT
                     : LSP_SEVERITY_INFORMATION;
  json_begin_object(w);
  write_range(w, doc, remark->loc.line, remark->loc.column);
  json_key_uint(w, "severity", (unsigned)severity);
  json_key_string(w, "code", remark->name);
  json_key(w, "codeDescription");
  json_begin_object(w);
  escape_strbuf_reset(scratch);
  docs_href(docs_url, remark->name, scratch);
  json_key_string(w, "href", scratch->buf);
  json_end_object(w);
  json_key_string(w, "source", "escape");
  json_key_string(w, "message", message);
  if (has_related(remark))
    write_related(w, remark, doc, scratch);
  json_end_object(w);
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

void lsp_write_not_analysed(json_writer *w, const lsp_document *doc,
                            const char *why, escape_strbuf *scratch) {
  escape_strbuf_reset(scratch);
  escape_strbuf_addf(scratch,
                     "escape: not analysed: the compile with the plugin "
                     "failed: %s",
                     why);
  unsigned line, column;
  error_position(doc, why, &line, &column);
  json_begin_object(w);
  write_range(w, doc, line, column);
  json_key_uint(w, "severity", LSP_SEVERITY_WARNING);
  json_key_string(w, "source", "escape");
  json_key_string(w, "message", scratch->buf);
  json_end_object(w);
}
