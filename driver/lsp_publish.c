#define _POSIX_C_SOURCE 200809L
#include "lsp_publish.h"

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

/* Appends the diagnostics of the remarks in set that the settings show. */
static int add_remarks(const lsp_publish_context *context,
                       const lsp_document *doc, const remark_set *set,
                       json_t *diagnostics) {
  const char *docs = context->settings->docs_url;
  for (size_t i = 0; i < set->count; i++) {
    const remark_entry *entry = set->entries[i];
    if (!lsp_settings_show(context->settings, &entry->remark))
      continue;
    json_t *diagnostic =
        lsp_diagnostic_of_remark(&entry->remark, entry->message, doc, docs);
    if (!diagnostic || json_array_append_new(diagnostics, diagnostic) != 0)
      return -1;
  }
  return 0;
}

/* Reads the remarks of doc from sources into diagnostics. */
static void add_sources(const lsp_publish_context *context,
                        const lsp_document *doc, const lsp_sources *sources,
                        json_t *diagnostics, escape_strbuf *log) {
  remark_set set;
  remark_set_init(&set);
  escape_strbuf err;
  escape_strbuf_init(&err);
  if (lsp_workspace_load(sources, doc->path, &set, &err) != 0)
    escape_strbuf_addf(log, "%s\n", err.buf);
  else if (add_remarks(context, doc, &set, diagnostics) != 0)
    escape_strbuf_addf(log, "%s: error: out of memory\n", doc->path);
  escape_strbuf_release(&err);
  remark_set_release(&set);
}

json_t *lsp_publish_diagnostics(const lsp_publish_context *context,
                                lsp_document *doc, escape_strbuf *log) {
  json_t *diagnostics = json_array();
  lsp_sources sources;
  lsp_sources_init(&sources);
  escape_strbuf err;
  escape_strbuf_init(&err);
  if (lsp_publish_sources(context, doc, &sources, &err) != 0)
    escape_strbuf_addf(log, "%s\n", err.buf);
  free(doc->signature);
  doc->signature = strdup(sources.signature.buf);
  if (!diagnostics || !lsp_visibility_shown(context->visibility, doc->path)) {
    /* Hidden: nothing. */
  } else if (doc->failure) {
    json_array_append_new(diagnostics,
                          lsp_diagnostic_not_analysed(doc, doc->failure));
  } else {
    add_sources(context, doc, &sources, diagnostics, log);
  }
  lsp_sources_release(&sources);
  escape_strbuf_release(&err);
  return diagnostics;
}
