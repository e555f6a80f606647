/* Which files' escape details the editor shows: the user's Show/Hide
 * choices for a file or a directory, as ordered rules where the last one
 * that covers a file decides (hide src/, then show src/hot.c). Everything
 * is shown until a rule says otherwise. */
#ifndef ESCAPE_DRIVER_LSP_VISIBILITY_H
#define ESCAPE_DRIVER_LSP_VISIBILITY_H

#include <stddef.h>

typedef struct lsp_visibility_rule {
  char *path;    /* absolute file or directory */
  int directory; /* covers everything below path */
  int shown;
} lsp_visibility_rule;

typedef struct lsp_visibility {
  lsp_visibility_rule *rules;
  size_t count;
} lsp_visibility;

/* Initializes: everything shown. */
void lsp_visibility_init(lsp_visibility *visibility);

/* Frees the rules. */
void lsp_visibility_release(lsp_visibility *visibility);

/* Records a choice for path (a file, or a directory when directory is
 * set), replacing an earlier one for the same path. Returns 0, or -1 when
 * out of memory. */
int lsp_visibility_set(lsp_visibility *visibility, const char *path,
                       int directory, int shown);

/* Whether the details of file (absolute) are shown. */
int lsp_visibility_shown(const lsp_visibility *visibility, const char *file);

/* What the last choice for exactly this path and scope was: shown (1),
 * hidden (0); shown when there was none. */
int lsp_visibility_scope_shown(const lsp_visibility *visibility,
                               const char *path, int directory);

#endif
