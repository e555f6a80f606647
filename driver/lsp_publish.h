/* The diagnostics of one open document, as escape lsp publishes them: its
 * remark files found (lsp_workspace.h), read, filtered by the settings and
 * the Show/Hide choices, and turned into Diagnostics; or the one "not
 * analysed" diagnostic when its last background compile failed; or none. */
#ifndef ESCAPE_DRIVER_LSP_PUBLISH_H
#define ESCAPE_DRIVER_LSP_PUBLISH_H

#include "escape/strbuf.h"
#include "lsp_document.h"
#include "lsp_rerun.h"
#include "lsp_settings.h"
#include "lsp_visibility.h"
#include "lsp_workspace.h"

/* What publishing needs to know. */
typedef struct lsp_publish_context {
  lsp_workspace *workspace;
  const lsp_rerun *rerun; /* fresher YAML of re-run compiles */
  const lsp_settings *settings;
  const lsp_visibility *visibility;
} lsp_publish_context;

/* Writes the textDocument/publishDiagnostics notification of doc (the
 * whole JSON-RPC message body) to out; sets doc->signature to its remark
 * files' signature. The remarks read are kept in doc while its remark
 * files and the settings that choose among them are unchanged, so that
 * publishing again (Show/Hide, a change of the docs link) reads nothing.
 * Problems (a malformed remark file or compile_commands.json) go to log,
 * one line each; the diagnostics are then those that could be read: none.
 * Returns 0, or -1 when out of memory. */
int lsp_publish_message(const lsp_publish_context *context, lsp_document *doc,
                        escape_strbuf *out, escape_strbuf *log);

/* Writes the notification that clears doc's diagnostics to out; returns 0,
 * or -1 when out of memory. */
int lsp_publish_cleared(lsp_document *doc, escape_strbuf *out);

/* Whether doc's remark files changed since it was last published (never
 * while its background compile runs: its end republishes). */
int lsp_publish_stale(const lsp_publish_context *context,
                      const lsp_document *doc);

/* Finds doc's sources (lsp_workspace_sources with the re-run YAML);
 * returns 0 or -1 with why in err. */
int lsp_publish_sources(const lsp_publish_context *context,
                        const lsp_document *doc, lsp_sources *sources,
                        escape_strbuf *err);

#endif
