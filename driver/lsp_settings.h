/* What the editor's user chose for `escape lsp`: the categories shown
 * (escape, inline, heap, loops), verbose and hot, where the remark docs
 * are, and whether a save re-runs the compile; read from the
 * initializationOptions and workspace/didChangeConfiguration, each given
 * either bare or under an "escape" key. Defaults follow SPEC v2's noise
 * policy. */
#ifndef ESCAPE_DRIVER_LSP_SETTINGS_H
#define ESCAPE_DRIVER_LSP_SETTINGS_H

#include "escape/remark.h"
#include "escape/strbuf.h"

/* jansson's value type, by its tag: this header does not bring in
 * jansson, whose json_string the driver's JSON writer shadows. */
struct json_t;

/* The categories, as bits. */
enum {
  LSP_CATEGORY_ESCAPE = 1, /* LocalEscapes, LeakingParam and verdicts */
  LSP_CATEGORY_INLINE = 2, /* Inlined, NotInlined */
  LSP_CATEGORY_HEAP = 4,   /* HeapPromoted, HeapToStack */
  LSP_CATEGORY_LOOPS = 8,  /* HeapAllocInLoop, VarargsInLoop, ... */
  LSP_CATEGORY_ALL = 15
};

#ifndef ESCAPE_INFORMATION_URI
#define ESCAPE_INFORMATION_URI "https://github.com/escape/escape"
#endif

/* The docs of every remark, in the repository; the anchor is the name. */
#define LSP_DEFAULT_DOCS_URL ESCAPE_INFORMATION_URI "/blob/main/docs/remarks.md"

typedef struct lsp_settings {
  unsigned categories;     /* LSP_CATEGORY_* bits shown */
  int verbose;             /* also the Passed verdicts (as hints) and the
                              remarks the noise policy holds back */
  int hot;                 /* only remarks in loops or with a profile count */
  int suppressed;          /* also remarks // escape: ignore silences */
  int rerun_on_save;       /* re-run the TU's compile when it is saved */
  unsigned rerun_delay_ms; /* debounce of those re-runs */
  char *docs_url;          /* codeDescription.href base, without '#' */
} lsp_settings;

/* Sets the defaults. */
void lsp_settings_init(lsp_settings *settings);

/* Frees the owned strings. */
void lsp_settings_release(lsp_settings *settings);

/* Applies the members of a settings object (bare or under "escape");
 * members not named keep their value. Returns 0, or -1 with why in err for
 * a member of the wrong type (the others are still applied). */
int lsp_settings_apply(lsp_settings *settings, struct json_t *value,
                       escape_strbuf *err);

/* The category bit of a remark name; 0 for names outside the catalog. */
unsigned lsp_settings_category(const char *name);

/* Whether the settings show remark (category, verbose, hot, and the
 * default noise policy). */
int lsp_settings_show(const lsp_settings *settings,
                      const escape_remark *remark);

/* A quick look at the YAML text of one remark document, before it is
 * parsed: 0 when the settings cannot show that remark (its category is
 * off, it is a verbose verdict, or the noise policy's NotInlined), 1 when
 * they may. Errs towards 1: a document it cannot judge is parsed. */
int lsp_settings_may_show_text(const lsp_settings *settings, const char *text,
                               size_t len);

#endif
