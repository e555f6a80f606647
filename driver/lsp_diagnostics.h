/* Turns remarks into LSP Diagnostic objects for an open document: the range
 * of the token at the remark's location (0-based, UTF-16), severity
 * Information (Hint for the Passed verdicts), code = the remark's name with
 * a link to its entry in the remark docs, source "escape", and one
 * relatedInformation entry per further location the YAML carries (capture
 * site, call site, inlined-at chain, flow chain: every arg with its own
 * DebugLoc). */
#ifndef ESCAPE_DRIVER_LSP_DIAGNOSTICS_H
#define ESCAPE_DRIVER_LSP_DIAGNOSTICS_H

#include <jansson.h>

#include "escape/remark.h"
#include "lsp_document.h"

/* LSP DiagnosticSeverity values. */
enum {
  LSP_SEVERITY_ERROR = 1,
  LSP_SEVERITY_WARNING = 2,
  LSP_SEVERITY_INFORMATION = 3,
  LSP_SEVERITY_HINT = 4
};

/* The Diagnostic of remark (whose file names are absolute) in doc, with
 * message; docs_url is the page whose anchors are the remark names. NULL
 * when out of memory. */
json_t *lsp_diagnostic_of_remark(const escape_remark *remark,
                                 const char *message, const lsp_document *doc,
                                 const char *docs_url);

/* The one Diagnostic of a file whose compile failed, saying that it was
 * not analysed and why: at the first error when it is in doc's file, else
 * at its first line. */
json_t *lsp_diagnostic_not_analysed(const lsp_document *doc, const char *why);

/* The params of textDocument/publishDiagnostics for doc. Takes
 * diagnostics (an array). */
json_t *lsp_publish_params(const lsp_document *doc, json_t *diagnostics);

#endif
