#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include "lsp_publish.h"

#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>

#include "lsp_diagnostics.h"
#include "remark_set.h"

int lsp_publish_sources(const lsp_publish_context *context,
                        const lsp_document *doc, lsp_sources *sources,
                        escape_strbuf *err) {
  const char *rerun_yaml =
      context->rerun ? lsp_rerun_yaml(context->rerun, doc->path) : NULL;
  return lsp_workspace_sources(context->workspace, doc->path, rerun_yaml,
                               sources, err);
}

int lsp_publish_stale(const lsp_publish_context *context,
                      const lsp_document *doc) {
  /* A background compile under way republishes when it ends. */
  if (context->rerun && lsp_rerun_busy(context->rerun, doc->path))
    return 0;
  lsp_sources sources;
  lsp_sources_init(&sources);
  escape_strbuf err;
  escape_strbuf_init(&err);
  lsp_publish_sources(context, doc, &sources, &err);
  int stale =
      !doc->signature || strcmp(doc->signature, sources.signature.buf) != 0;
  lsp_sources_release(&sources);
  escape_strbuf_release(&err);
  return stale;
}

/* Loader filter: the remarks the settings show. */
static int shown(const escape_remark *remark, void *ctx) {
  return lsp_settings_show(ctx, remark);
}

/* Loader glance: the remarks the settings may show. */
static int may_show(const char *text, size_t len, void *ctx) {
  return lsp_settings_may_show_text(ctx, text, len);
}

/* What the cached remarks of a document depend on: its remark files and
 * the settings that choose among their remarks. */
static void cache_key(const lsp_settings *settings, const lsp_sources *sources,
                      escape_strbuf *key) {
  escape_strbuf_addf(key, "%u:%d:%d:%d|%s", settings->categories,
                     settings->verbose, settings->hot, settings->suppressed,
                     sources->signature.buf);
}

/* The remarks of doc that the settings show: those read for the same key
 * before, while its remark files are unchanged, else read now. NULL when
 * they could not be read (why in log). */
static const remark_set *shown_remarks(const lsp_publish_context *context,
                                       lsp_document *doc,
                                       const lsp_sources *sources,
                                       escape_strbuf *log) {
  escape_strbuf key;
  escape_strbuf_init(&key);
  cache_key(context->settings, sources, &key);
  if (doc->remarks && doc->remarks_key &&
      strcmp(doc->remarks_key, key.buf) == 0) {
    escape_strbuf_release(&key);
    return doc->remarks;
  }
  lsp_document_forget_remarks(doc);
  lsp_remark_filter filter = {shown, may_show, (void *)context->settings};
  remark_set *set = malloc(sizeof *set);
  escape_strbuf err;
  escape_strbuf_init(&err);
  if (set)
    remark_set_init(set);
  if (!set || key.failed)
    escape_strbuf_addf(log, "%s: error: out of memory\n", doc->path);
  else if (lsp_workspace_load(sources, doc->path, &filter, set, &err) != 0)
    escape_strbuf_addf(log, "%s\n", err.buf);
  else {
    doc->remarks = set;
    doc->remarks_key = escape_strbuf_detach(&key);
    set = NULL;
  }
  if (set) {
    remark_set_release(set);
    free(set);
  }
  escape_strbuf_release(&err);
  escape_strbuf_release(&key);
  return doc->remarks;
}

/* Writes the diagnostics of the remarks in set that the settings show. */
static void write_remarks(const lsp_publish_context *context,
                          const lsp_document *doc, const remark_set *set,
                          json_writer *w, escape_strbuf *scratch) {
  const char *docs = context->settings->docs_url;
  for (size_t i = 0; i < set->count; i++) {
    const remark_entry *entry = set->entries[i];
    if (lsp_settings_show(context->settings, &entry->remark))
      lsp_write_diagnostic(w, &entry->remark, entry->message, doc, docs,
                           scratch);
  }
}

/* Writes the diagnostics of doc as the next value of w. */
static void write_diagnostics(const lsp_publish_context *context,
                              lsp_document *doc, json_writer *w,
                              escape_strbuf *log) {
  lsp_sources sources;
  lsp_sources_init(&sources);
  escape_strbuf err, scratch;
  escape_strbuf_init(&err);
  escape_strbuf_init(&scratch);
  if (lsp_publish_sources(context, doc, &sources, &err) != 0)
    escape_strbuf_addf(log, "%s\n", err.buf);
  free(doc->signature);
  doc->signature = strdup(sources.signature.buf);
  json_begin_array(w);
  if (!lsp_visibility_shown(context->visibility, doc->path)) {
    /* Hidden: nothing. */
  } else if (doc->failure) {
    lsp_write_not_analysed(w, doc, doc->failure, &scratch);
  } else {
    const remark_set *set = shown_remarks(context, doc, &sources, log);
    if (set)
      write_remarks(context, doc, set, w, &scratch);
  }
  json_end_array(w);
  lsp_sources_release(&sources);
  escape_strbuf_release(&err);
  escape_strbuf_release(&scratch);
}

/* Writes the textDocument/publishDiagnostics notification of doc to out:
 * with its diagnostics, or none when empty (context and log unused).
 * Returns 0, or -1 when out of memory. */
static int write_notification(const lsp_publish_context *context,
                              lsp_document *doc, int empty, escape_strbuf *out,
                              escape_strbuf *log) {
  char *text = NULL;
  size_t len = 0;
  FILE *stream = open_memstream(&text, &len);
  if (!stream)
    return -1;
  /* One thread writes it: no lock per character. */
  __fsetlocking(stream, FSETLOCKING_BYCALLER);
  json_writer w;
  json_init_compact(&w, stream);
  json_begin_object(&w);
  json_key_string(&w, "jsonrpc", "2.0");
  json_key_string(&w, "method", "textDocument/publishDiagnostics");
  json_key(&w, "params");
  json_begin_object(&w);
  json_key_string(&w, "uri", doc->uri);
  json_key(&w, "version");
  if (doc->version < 0)
    fprintf(stream, "%lld", doc->version); /* the writer's are unsigned */
  else
    json_uint(&w, (unsigned long long)doc->version);
  json_key(&w, "diagnostics");
  if (empty) {
    json_begin_array(&w);
    json_end_array(&w);
  } else {
    write_diagnostics(context, doc, &w, log);
  }
  json_end_object(&w);
  json_end_object(&w);
  int failed = ferror(stream);
  failed |= fclose(stream) != 0;
  if (!failed)
    escape_strbuf_add(out, text, len);
  free(text);
  return failed || out->failed ? -1 : 0;
}

int lsp_publish_message(const lsp_publish_context *context, lsp_document *doc,
                        escape_strbuf *out, escape_strbuf *log) {
  return write_notification(context, doc, 0, out, log);
}

int lsp_publish_cleared(lsp_document *doc, escape_strbuf *out) {
  return write_notification(NULL, doc, 1, out, NULL);
}
