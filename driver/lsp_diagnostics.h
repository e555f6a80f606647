/* Turns remarks into LSP Diagnostic objects for an open document: the range
 * of the token at the remark's location (0-based, UTF-16), severity
 * Information (Hint for the Passed verdicts), code = the remark's name with
 * a link to its entry in the remark docs, source "escape", and one
 * relatedInformation entry per further location the YAML carries (capture
 * site, call site, inlined-at chain, flow chain: every arg with its own
 * DebugLoc). */
#ifndef ESCAPE_DRIVER_LSP_DIAGNOSTICS_H
#define ESCAPE_DRIVER_LSP_DIAGNOSTICS_H

#include "escape/remark.h"
#include "escape/strbuf.h"
#include "json_writer.h"
#include "lsp_document.h"

/* LSP DiagnosticSeverity values. */
enum {
  LSP_SEVERITY_ERROR = 1,
  LSP_SEVERITY_WARNING = 2,
  LSP_SEVERITY_INFORMATION = 3,
  LSP_SEVERITY_HINT = 4
};

/* Writes the Diagnostic of remark (whose file names are absolute) in doc,
 * with message, as the next value of w; docs_url is the page whose anchors
 * are the remark names; scratch is a buffer to reuse. */
void lsp_write_diagnostic(json_writer *w, const escape_remark *remark,
                          const char *message, const lsp_document *doc,
                          const char *docs_url, escape_strbuf *scratch);

/* Writes the one Diagnostic of a file whose compile failed, saying that it
 * was not analysed and why: at the first error when it is in doc's file,
 * else at its first line. */
void lsp_write_not_analysed(json_writer *w, const lsp_document *doc,
                            const char *why, escape_strbuf *scratch);

#endif
