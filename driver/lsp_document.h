/* The files open in the editor: their URI, path on disk, version and text
 * as the editor has it (full-text sync), and the conversion of compiler
 * positions (1-based line, 1-based byte column) to LSP positions (0-based
 * line, 0-based UTF-16 code units). */
#ifndef ESCAPE_DRIVER_LSP_DOCUMENT_H
#define ESCAPE_DRIVER_LSP_DOCUMENT_H

#include <stddef.h>

#include "escape/strbuf.h"

typedef struct lsp_document {
  char *uri;
  char *path; /* absolute, from the file: URI */
  long long version;
  char *text;
  size_t text_len;
  size_t *line_starts; /* byte offset of each line */
  size_t line_count;
  /* Remark files the diagnostics came from, with their stat signature, so
   * that polling sees a rebuild. */
  char *signature;
  char *failure; /* the first error of its last background compile, which
                    failed; NULL when it did not */
  /* The remarks last read for it, and what they were read for (its remark
   * files' signature and the settings that chose them): the cache that
   * makes publishing again cheap, freed with the document. */
  struct remark_set *remarks;
  char *remarks_key;
} lsp_document;

typedef struct lsp_documents {
  lsp_document **items;
  size_t count;
} lsp_documents;

/* A 0-based LSP position. */
typedef struct lsp_position {
  unsigned line;
  unsigned character;
} lsp_position;

/* Decodes a file: URI (percent-escapes) into an absolute path; returns 0,
 * or -1 with why in err for other schemes and malformed escapes. */
int lsp_uri_to_path(const char *uri, escape_strbuf *path, escape_strbuf *err);

/* Encodes an absolute path as a file: URI. */
void lsp_path_to_uri(const char *path, escape_strbuf *uri);

/* Opens (or replaces) the document for uri; NULL when out of memory or
 * the URI is not a file. */
lsp_document *lsp_documents_open(lsp_documents *docs, const char *uri,
                                 const char *path, long long version,
                                 const char *text, size_t len);

/* The open document of uri, or NULL. */
lsp_document *lsp_documents_find(const lsp_documents *docs, const char *uri);

/* Replaces the document's text; returns 0, or -1 when out of memory. */
int lsp_document_set_text(lsp_document *doc, long long version,
                          const char *text, size_t len);

/* Closes the document of uri (nothing when it is not open). */
void lsp_documents_close(lsp_documents *docs, const char *uri);

/* Frees the remarks kept for doc. */
void lsp_document_forget_remarks(lsp_document *doc);

/* Frees every document. */
void lsp_documents_release(lsp_documents *docs);

/* The LSP position of a compiler position (line and column 1-based, bytes;
 * 0 means unknown). Columns past the line's end stay past it, counted as
 * one unit a byte. */
lsp_position lsp_document_position(const lsp_document *doc, unsigned line,
                                   unsigned column);

/* The end of the token at a compiler position: an identifier's end, or one
 * character further; on the same line. */
lsp_position lsp_document_token_end(const lsp_document *doc, unsigned line,
                                    unsigned column);

#endif
