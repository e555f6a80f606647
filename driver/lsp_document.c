#define _POSIX_C_SOURCE 200809L
#include "lsp_document.h"

#include <stdlib.h>
#include <string.h>

#include "remark_set.h"

static int hex_value(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

int lsp_uri_to_path(const char *uri, escape_strbuf *path, escape_strbuf *err) {
  escape_strbuf_reset(path);
  if (strncmp(uri, "file://", 7) != 0) {
    escape_strbuf_addf(err, "not a file: URI: '%.200s'", uri);
    return -1;
  }
  const char *p = uri + 7;
  if (strncmp(p, "localhost/", 10) == 0)
    p += 9;
  if (*p != '/') {
    escape_strbuf_addf(err, "file: URI without an absolute path: '%.200s'",
                       uri);
    return -1;
  }
  for (; *p; p++) {
    if (*p != '%') {
      escape_strbuf_addch(path, *p);
      continue;
    }
    int high = hex_value(p[1]), low = high < 0 ? -1 : hex_value(p[2]);
    if (low < 0 || (high == 0 && low == 0)) {
      escape_strbuf_addf(err, "malformed escape in URI '%.200s'", uri);
      return -1;
    }
    escape_strbuf_addch(path, (char)(high * 16 + low));
    p += 2;
  }
  return 0;
}

void lsp_path_to_uri(const char *path, escape_strbuf *uri) {
  static const char hex[] = "0123456789ABCDEF";
  escape_strbuf_addstr(uri, "file://");
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
        (*p >= '0' && *p <= '9') || strchr("/-._~+@", *p))
      escape_strbuf_addch(uri, (char)*p);
    else
      escape_strbuf_addf(uri, "%%%c%c", hex[*p >> 4], hex[*p & 15]);
  }
}

void lsp_document_forget_remarks(lsp_document *doc) {
  if (doc->remarks) {
    remark_set_release(doc->remarks);
    free(doc->remarks);
  }
  free(doc->remarks_key);
  doc->remarks = NULL;
  doc->remarks_key = NULL;
}

static void free_document(lsp_document *doc) {
  if (!doc)
    return;
  free(doc->uri);
  free(doc->path);
  free(doc->text);
  free(doc->line_starts);
  free(doc->signature);
  free(doc->failure);
  lsp_document_forget_remarks(doc);
  free(doc);
}

/* Indexes the line starts of the document's text. */
static int index_lines(lsp_document *doc) {
  size_t count = 1;
  for (size_t i = 0; i < doc->text_len; i++)
    count += doc->text[i] == '\n';
  size_t *starts = malloc(count * sizeof *starts);
  if (!starts)
    return -1;
  size_t line = 0;
  starts[line++] = 0;
  for (size_t i = 0; i < doc->text_len; i++)
    if (doc->text[i] == '\n')
      starts[line++] = i + 1;
  free(doc->line_starts);
  doc->line_starts = starts;
  doc->line_count = count;
  return 0;
}

int lsp_document_set_text(lsp_document *doc, long long version,
                          const char *text, size_t len) {
  char *copy = malloc(len + 1);
  if (!copy)
    return -1;
  memcpy(copy, text, len);
  copy[len] = '\0';
  free(doc->text);
  doc->text = copy;
  doc->text_len = len;
  doc->version = version;
  return index_lines(doc);
}

lsp_document *lsp_documents_find(const lsp_documents *docs, const char *uri) {
  for (size_t i = 0; i < docs->count; i++)
    if (strcmp(docs->items[i]->uri, uri) == 0)
      return docs->items[i];
  return NULL;
}

lsp_document *lsp_documents_open(lsp_documents *docs, const char *uri,
                                 const char *path, long long version,
                                 const char *text, size_t len) {
  lsp_documents_close(docs, uri);
  lsp_document *doc = calloc(1, sizeof *doc);
  lsp_document **items =
      realloc(docs->items, (docs->count + 1) * sizeof *docs->items);
  if (items)
    docs->items = items;
  if (!doc || !items || !(doc->uri = strdup(uri)) ||
      !(doc->path = strdup(path)) ||
      lsp_document_set_text(doc, version, text, len) != 0) {
    free_document(doc);
    return NULL;
  }
  docs->items[docs->count++] = doc;
  return doc;
}

void lsp_documents_close(lsp_documents *docs, const char *uri) {
  for (size_t i = 0; i < docs->count; i++) {
    if (strcmp(docs->items[i]->uri, uri) != 0)
      continue;
    free_document(docs->items[i]);
    memmove(&docs->items[i], &docs->items[i + 1],
            (docs->count - i - 1) * sizeof *docs->items);
    docs->count--;
    return;
  }
}

void lsp_documents_release(lsp_documents *docs) {
  for (size_t i = 0; i < docs->count; i++)
    free_document(docs->items[i]);
  free(docs->items);
  docs->items = NULL;
  docs->count = 0;
}

/* The bytes of line (0-based): start and length without the newline. */
static const char *line_bytes(const lsp_document *doc, unsigned line,
                              size_t *len) {
  if (line >= doc->line_count) {
    *len = 0;
    return NULL;
  }
  size_t start = doc->line_starts[line];
  size_t end = line + 1 < doc->line_count ? doc->line_starts[line + 1] - 1
                                          : doc->text_len;
  if (end > start && doc->text[end - 1] == '\r')
    end--;
  *len = end - start;
  return doc->text + start;
}

/* UTF-16 code units of the first bytes of a line; bytes past its end and
 * malformed UTF-8 count one each. */
static unsigned utf16_units(const char *p, size_t len, size_t bytes) {
  unsigned units = 0;
  size_t i = 0;
  while (i < bytes) {
    unsigned char c = i < len ? (unsigned char)p[i] : 0;
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (i + n > len || n == 1) {
      units++, i++;
      continue;
    }
    units += n == 4 ? 2 : 1;
    i += n;
  }
  return units;
}

lsp_position lsp_document_position(const lsp_document *doc, unsigned line,
                                   unsigned column) {
  lsp_position pos = {line ? line - 1 : 0, 0};
  size_t len;
  const char *p = line_bytes(doc, pos.line, &len);
  size_t bytes = column ? column - 1 : 0;
  pos.character = p ? utf16_units(p, len, bytes) : (unsigned)bytes;
  return pos;
}

static int identifier_byte(unsigned char c) {
  return c == '_' || c == '$' || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

lsp_position lsp_document_token_end(const lsp_document *doc, unsigned line,
                                    unsigned column) {
  size_t len;
  unsigned l = line ? line - 1 : 0;
  const char *p = line_bytes(doc, l, &len);
  size_t start = column ? column - 1 : 0;
  size_t end = start;
  while (p && end < len && identifier_byte((unsigned char)p[end]))
    end++;
  if (end == start && p && end < len)
    end += 1;
  if (!p || end == start) {
    lsp_position pos = lsp_document_position(doc, line, column);
    pos.character++;
    return pos;
  }
  lsp_position pos = {l, utf16_units(p, len, end)};
  return pos;
}
