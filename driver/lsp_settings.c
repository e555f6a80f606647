#define _GNU_SOURCE /* memmem */
#include "lsp_settings.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "escape/remark_catalog.h"
#include "noise_policy.h"
#include "remark_set.h"
#include "suppression.h"

void lsp_settings_init(lsp_settings *settings) {
  memset(settings, 0, sizeof *settings);
  settings->categories = LSP_CATEGORY_ALL;
  settings->rerun_on_save = 1;
  settings->rerun_delay_ms = 300;
}

void lsp_settings_release(lsp_settings *settings) {
  free(settings->docs_url);
  settings->docs_url = NULL;
}

/* Sets *flag from a boolean member; a member of another type is an error. */
static int apply_bool(json_t *object, const char *key, int *flag,
                      escape_strbuf *err) {
  json_t *value = json_object_get(object, key);
  if (!value)
    return 0;
  if (!json_is_boolean(value)) {
    escape_strbuf_addf(err, "setting '%s' must be true or false; ", key);
    return -1;
  }
  *flag = json_is_true(value);
  return 0;
}

static const struct {
  const char *name;
  unsigned bit;
} category_names[] = {{"escape", LSP_CATEGORY_ESCAPE},
                      {"inline", LSP_CATEGORY_INLINE},
                      {"heap", LSP_CATEGORY_HEAP},
                      {"loops", LSP_CATEGORY_LOOPS}};

enum { category_count = sizeof category_names / sizeof category_names[0] };

/* "categories": {"escape": true, ...} or ["escape", "inline"]. */
static int apply_categories(lsp_settings *settings, json_t *value,
                            escape_strbuf *err) {
  if (!value)
    return 0;
  int result = 0;
  if (json_is_array(value)) {
    unsigned bits = 0;
    size_t i;
    json_t *item;
    json_array_foreach(value, i, item) {
      unsigned bit = 0;
      for (size_t c = 0; c < category_count && json_is_string(item); c++)
        if (strcmp(json_string_value(item), category_names[c].name) == 0)
          bit = category_names[c].bit;
      if (!bit) {
        escape_strbuf_addstr(err, "unknown category in 'categories' (valid: "
                                  "escape, inline, heap, loops); ");
        result = -1;
      }
      bits |= bit;
    }
    settings->categories = bits;
    return result;
  }
  if (!json_is_object(value)) {
    escape_strbuf_addstr(err, "setting 'categories' must be an object or an "
                              "array; ");
    return -1;
  }
  for (size_t c = 0; c < category_count; c++) {
    int on = (settings->categories & category_names[c].bit) != 0;
    if (apply_bool(value, category_names[c].name, &on, err) != 0)
      result = -1;
    settings->categories = on ? settings->categories | category_names[c].bit
                              : settings->categories & ~category_names[c].bit;
  }
  return result;
}

static int apply_number(json_t *object, const char *key, unsigned *out,
                        escape_strbuf *err) {
  json_t *value = json_object_get(object, key);
  if (!value)
    return 0;
  if (!json_is_integer(value) || json_integer_value(value) < 0 ||
      json_integer_value(value) > 600000) {
    escape_strbuf_addf(err, "setting '%s' must be a number of milliseconds; ",
                       key);
    return -1;
  }
  *out = (unsigned)json_integer_value(value);
  return 0;
}

static int apply_docs(lsp_settings *settings, json_t *object,
                      escape_strbuf *err) {
  json_t *value = json_object_get(object, "docsUrl");
  if (!value)
    return 0;
  if (!json_is_string(value)) {
    escape_strbuf_addstr(err, "setting 'docsUrl' must be a string; ");
    return -1;
  }
  char *copy = strdup(json_string_value(value));
  if (!copy)
    return -1;
  free(settings->docs_url);
  settings->docs_url = copy;
  return 0;
}

int lsp_settings_apply(lsp_settings *settings, json_t *value,
                       escape_strbuf *err) {
  if (!value || json_is_null(value))
    return 0;
  json_t *nested = json_object_get(value, "escape");
  if (json_is_object(nested))
    value = nested;
  if (!json_is_object(value)) {
    escape_strbuf_addstr(err, "settings must be an object; ");
    return -1;
  }
  int result =
      apply_categories(settings, json_object_get(value, "categories"), err);
  result |= apply_bool(value, "verbose", &settings->verbose, err);
  result |= apply_bool(value, "suppressed", &settings->suppressed, err);
  result |= apply_bool(value, "hot", &settings->hot, err);
  result |= apply_bool(value, "rerunOnSave", &settings->rerun_on_save, err);
  result |= apply_number(value, "rerunDelay", &settings->rerun_delay_ms, err);
  result |= apply_docs(settings, value, err);
  return result ? -1 : 0;
}

unsigned lsp_settings_category(const char *name) {
  static const struct {
    const char *name;
    unsigned bit;
  } names[] = {{"LocalEscapes", LSP_CATEGORY_ESCAPE},
               {"LocalNoEscape", LSP_CATEGORY_ESCAPE},
               {"LeakingParam", LSP_CATEGORY_ESCAPE},
               {"ParamNoEscape", LSP_CATEGORY_ESCAPE},
               {"HeapPromoted", LSP_CATEGORY_HEAP},
               {"HeapToStack", LSP_CATEGORY_HEAP},
               {"HeapAllocInLoop", LSP_CATEGORY_LOOPS},
               {"VarargsInLoop", LSP_CATEGORY_LOOPS},
               {"IndirectCallInLoop", LSP_CATEGORY_LOOPS},
               {"Inlined", LSP_CATEGORY_INLINE},
               {"NotInlined", LSP_CATEGORY_INLINE}};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (strcmp(names[i].name, name) == 0)
      return names[i].bit;
  return 0;
}

/* Whether the catalog marks the remark's kind verbose-only (Passed). */
static int verbose_kind(const char *name) {
  size_t count;
  const escape_catalog_entry *table = escape_catalog(&count);
  for (size_t i = 0; i < count; i++)
    if (strcmp(table[i].name, name) == 0)
      return table[i].verbose_only;
  return 0;
}

int lsp_settings_show(const lsp_settings *settings,
                      const escape_remark *remark) {
  if (!(lsp_settings_category(remark->name) & settings->categories))
    return 0;
  int hot = remark->has_hotness || remark_loop_depth(remark) > 0;
  if (settings->hot && !hot)
    return 0;
  if (!settings->suppressed && remark_is_suppressed(remark))
    return 0;
  if (settings->verbose)
    return 1;
  if (verbose_kind(remark->name) || remark->type == ESCAPE_REMARK_PASSED)
    return 0;
  /* The same policy as the default report's. */
  return !noise_policy_hides(remark);
}

/* The value of the first line of text that starts with key (which begins
 * with a newline), when it is plain: letters, digits, '_' and '-' up to
 * the end of the line, at most 63 of them. Into out; 0 when there is no
 * such line or its value is anything else (quoted, say). */
static int plain_field(const char *text, size_t len, const char *key,
                       char out[64]) {
  size_t key_len = strlen(key);
  const char *at = memmem(text, len, key, key_len);
  if (!at)
    return 0;
  const char *p = at + key_len, *stop = text + len;
  size_t n = 0;
  for (; p < stop && *p != '\n'; p++, n++) {
    int plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                (*p >= '0' && *p <= '9') || *p == '_' || *p == '-';
    if (!plain || n == 63)
      return 0;
    out[n] = *p;
  }
  out[n] = '\0';
  return n > 0 && p < stop;
}

int lsp_settings_may_show_text(const lsp_settings *settings, const char *text,
                               size_t len) {
  char pass[64], name[64], reason[64];
  /* Other passes' remarks are mapped onto ours after parsing: not judged
   * here. */
  if (!plain_field(text, len, "\nPass: ", pass) ||
      strcmp(pass, ESCAPE_PASS_NAME) != 0 ||
      !plain_field(text, len, "\nName: ", name))
    return 1;
  if (!(lsp_settings_category(name) & settings->categories))
    return 0;
  /* Any mention of a loop depth or a hotness may make it hot. */
  int hot =
      memmem(text, len, ESCAPE_KEY_LOOP_DEPTH, strlen(ESCAPE_KEY_LOOP_DEPTH)) ||
      memmem(text, len, "\nHotness:", 9);
  if (settings->hot && !hot)
    return 0;
  if (settings->verbose)
    return 1;
  if (verbose_kind(name) || strncmp(text, "--- !Passed\n", 12) == 0)
    return 0;
  /* The noise policy, which needs the remark's name and first Reason. */
  escape_arg why = {(char *)ESCAPE_KEY_REASON, reason, {NULL, 0, 0}};
  escape_remark glimpse = {.name = name, .args = &why, .arg_count = 1};
  if (!plain_field(text, len, "\n- " ESCAPE_KEY_REASON ": ", reason))
    glimpse.arg_count = 0;
  return !escape_catalog_is_default_noise(escape_catalog_find(name), &glimpse,
                                          hot);
}
