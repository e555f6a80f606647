/* The sarif format: SARIF 2.1.0 as GitHub code scanning takes it (one run;
 * tool.driver with name, version, informationUri and one rule per remark
 * name, its descriptions and help from the catalog; results with ruleId,
 * level, message, a repo-relative artifactLocation.uri, region and
 * partialFingerprints; a why-chain as codeFlows, and its steps and the
 * calls that inlined code was inlined at as relatedLocations). Remarks without
 * a file have no place to show in code scanning and are left out. */
#include <stdlib.h>
#include <string.h>

#include "escape/remark_catalog.h"
#include "escape/strbuf.h"
#include "json_writer.h"
#include "name_demangle.h"
#include "remark_flow.h"
#include "report_format.h"
#include "suppression.h"

#ifndef ESCAPE_VERSION
#define ESCAPE_VERSION "unknown"
#endif
#ifndef ESCAPE_INFORMATION_URI
#define ESCAPE_INFORMATION_URI "https://github.com/escape/escape"
#endif

/* One rule: a catalog entry, or a remark name of another pass. */
typedef struct sarif_rule {
  const char *pass;
  const char *name;
  const escape_catalog_entry *entry; /* NULL for other passes */
} sarif_rule;

static int is_ours(const escape_remark *remark) {
  return strcmp(remark->pass, ESCAPE_PASS_NAME) == 0;
}

static int same_rule(const sarif_rule *rule, const escape_remark *remark) {
  return strcmp(rule->pass, remark->pass) == 0 &&
         strcmp(rule->name, remark->name) == 0;
}

static size_t find_rule(const sarif_rule *rules, size_t count,
                        const escape_remark *remark) {
  for (size_t i = 0; i < count; i++)
    if (same_rule(&rules[i], remark))
      return i;
  return count;
}

/* The rules of the remarks present: catalog order first, then the rest in
 * order of first appearance. */
static sarif_rule *collect_rules(const remark_set *set, size_t *count) {
  size_t catalog_count;
  const escape_catalog_entry *catalog = escape_catalog(&catalog_count);
  sarif_rule *rules = malloc((set->count + catalog_count + 1) * sizeof *rules);
  if (!rules)
    return NULL;
  *count = 0;
  for (size_t c = 0; c < catalog_count; c++)
    for (size_t i = 0; i < set->count; i++) {
      const escape_remark *remark = &set->entries[i]->remark;
      if (is_ours(remark) && strcmp(remark->name, catalog[c].name) == 0) {
        rules[(*count)++] =
            (sarif_rule){ESCAPE_PASS_NAME, catalog[c].name, &catalog[c]};
        break;
      }
    }
  for (size_t i = 0; i < set->count; i++) {
    const escape_remark *remark = &set->entries[i]->remark;
    if (find_rule(rules, *count, remark) == *count)
      rules[(*count)++] = (sarif_rule){remark->pass, remark->name, NULL};
  }
  return rules;
}

/* A rule id: the remark name for ours, "pass/Name" for other passes. */
static void rule_id(escape_strbuf *out, const char *pass, const char *name) {
  escape_strbuf_reset(out);
  if (strcmp(pass, ESCAPE_PASS_NAME) != 0)
    escape_strbuf_addf(out, "%s/", pass);
  escape_strbuf_addstr(out, name);
}

static void write_text(json_writer *w, const char *key, const char *text) {
  json_key(w, key);
  json_begin_object(w);
  json_key_string(w, "text", text);
  json_end_object(w);
}

static void write_help(json_writer *w, const escape_catalog_entry *entry,
                       escape_strbuf *text) {
  escape_strbuf_reset(text);
  escape_strbuf_addf(text, "%s\n\n%s\n\nBefore:\n%s\nAfter:\n%s",
                     entry->summary, entry->explanation, entry->before,
                     entry->after);
  json_key(w, "help");
  json_begin_object(w);
  json_key_string(w, "text", text->buf);
  escape_strbuf_reset(text);
  escape_strbuf_addf(text,
                     "**%s**\n\n%s\n\nBefore:\n\n```c\n%s```\n\nAfter:\n\n"
                     "```c\n%s```\n",
                     entry->summary, entry->explanation, entry->before,
                     entry->after);
  json_key_string(w, "markdown", text->buf);
  json_end_object(w);
}

/* Missed optimizations are what to act on; analyses inform; a positive
 * verdict (Passed: inlined, does not escape) is no problem at all. */
static const char *level_of(escape_remark_type type) {
  if (type == ESCAPE_REMARK_MISSED)
    return "warning";
  return type == ESCAPE_REMARK_PASSED ? "none" : "note";
}

static void write_rule(json_writer *w, const sarif_rule *rule,
                       escape_strbuf *text) {
  json_begin_object(w);
  rule_id(text, rule->pass, rule->name);
  json_key_string(w, "id", text->buf);
  json_key_string(w, "name", rule->name);
  if (rule->entry) {
    write_text(w, "shortDescription", rule->entry->summary);
    write_text(w, "fullDescription", rule->entry->explanation);
    write_help(w, rule->entry, text);
    json_key(w, "defaultConfiguration");
    json_begin_object(w);
    json_key_string(w, "level", level_of(rule->entry->type));
    json_end_object(w);
  } else {
    escape_strbuf_reset(text);
    escape_strbuf_addf(text, "LLVM remark %s of pass %s", rule->name,
                       rule->pass);
    write_text(w, "shortDescription", text->buf);
    write_text(w, "fullDescription", text->buf);
    write_text(w, "help", text->buf);
  }
  json_end_object(w);
}

/* Percent-encodes a path into a URI reference: relative paths stay
 * relative (to the repository root), absolute ones become file:// URIs. */
static void path_uri(escape_strbuf *out, const char *path) {
  static const char hex[] = "0123456789ABCDEF";
  escape_strbuf_reset(out);
  if (path[0] == '/')
    escape_strbuf_addstr(out, "file://");
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    unsigned c = *p;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '0' && c <= '9') || strchr("-._~/", (int)c)) {
      escape_strbuf_addch(out, (char)c);
    } else {
      escape_strbuf_addch(out, '%');
      escape_strbuf_addch(out, hex[c >> 4]);
      escape_strbuf_addch(out, hex[c & 15]);
    }
  }
}

/* `"physicalLocation": {...}` of loc, inside an open location object. */
static void write_physical(json_writer *w, const escape_loc *loc,
                           escape_strbuf *text) {
  json_key(w, "physicalLocation");
  json_begin_object(w);
  json_key(w, "artifactLocation");
  json_begin_object(w);
  path_uri(text, loc->file);
  json_key_string(w, "uri", text->buf);
  json_end_object(w);
  if (loc->line) {
    json_key(w, "region");
    json_begin_object(w);
    json_key_uint(w, "startLine", loc->line);
    if (loc->column)
      json_key_uint(w, "startColumn", loc->column);
    json_end_object(w);
  }
  json_end_object(w);
}

static void write_location(json_writer *w, const escape_loc *loc,
                           escape_strbuf *text) {
  json_key(w, "locations");
  json_begin_array(w);
  json_begin_object(w);
  write_physical(w, loc, text);
  json_end_object(w);
  json_end_array(w);
}

/* The remark's flow steps (remark_flow.h), each place once: the call and
 * the hops, stores and ends of a why-chain. */
static int is_step(const escape_remark *remark, size_t i) {
  if (!remark_flow_is_hop(remark, &remark->args[i]))
    return 0;
  for (size_t j = 0; j < i; j++)
    if (remark_flow_is_hop(remark, &remark->args[j]) &&
        strcmp(remark->args[j].loc.file, remark->args[i].loc.file) == 0 &&
        remark->args[j].loc.line == remark->args[i].loc.line &&
        remark->args[j].loc.column == remark->args[i].loc.column)
      return 0;
  return 1;
}

/* Whether the remark has a why-chain (a Hop, Store or FlowEnd arg). */
static int has_chain(const escape_remark *remark) {
  for (size_t i = 0; i < remark->arg_count; i++) {
    const char *key = remark->args[i].key;
    if (strcmp(key, ESCAPE_KEY_HOP) == 0 ||
        strcmp(key, ESCAPE_KEY_STORE) == 0 ||
        strcmp(key, ESCAPE_KEY_FLOW_END) == 0)
      return 1;
  }
  return 0;
}

/* "Key value" of a step, as `escape report --why` prints it. */
static void step_message(json_writer *w, const escape_arg *arg,
                         escape_strbuf *text) {
  escape_strbuf_reset(text);
  char *readable = name_demangle(arg->value); /* a C++ callee's hop */
  escape_strbuf_addf(text, "%s %s", arg->key,
                     readable ? readable : arg->value);
  free(readable);
  write_text(w, "message", text->buf);
}

/* Whether the remark lies in inlined code with a call site to show. */
static int has_context(const escape_remark *remark) {
  for (size_t i = 0; i < remark->arg_count; i++)
    if (remark_flow_is_context(remark, &remark->args[i]))
      return 1;
  return 0;
}

/* "'from' inlined into 'into' here" of context args[i], as clang's note at
 * that call says it. */
static void context_message(json_writer *w, const escape_remark *remark,
                            size_t i, escape_strbuf *text) {
  const char *from = remark->args[i].value;
  const char *into = remark_flow_inlined_into(remark, i);
  if (!into)
    into = "?";
  char *from_readable = name_demangle(from);
  char *into_readable = name_demangle(into);
  escape_strbuf_reset(text);
  escape_strbuf_addf(text, "'%s' inlined into '%s' here",
                     from_readable ? from_readable : from,
                     into_readable ? into_readable : into);
  free(from_readable);
  free(into_readable);
  write_text(w, "message", text->buf);
}

/* `relatedLocations`, each with an id: the steps of a why-chain (with
 * their "Key value"), then each call the code was inlined at. */
static void write_related(json_writer *w, const escape_remark *remark,
                          int with_steps, escape_strbuf *text) {
  json_key(w, "relatedLocations");
  json_begin_array(w);
  unsigned id = 0;
  for (size_t i = 0; with_steps && i < remark->arg_count; i++) {
    if (!is_step(remark, i))
      continue;
    json_begin_object(w);
    json_key_uint(w, "id", id++);
    write_physical(w, &remark->args[i].loc, text);
    step_message(w, &remark->args[i], text);
    json_end_object(w);
  }
  for (size_t i = 0; i < remark->arg_count; i++) {
    if (!remark_flow_is_context(remark, &remark->args[i]))
      continue;
    json_begin_object(w);
    json_key_uint(w, "id", id++);
    write_physical(w, &remark->args[i].loc, text);
    context_message(w, remark, i, text);
    json_end_object(w);
  }
  json_end_array(w);
}

/* `codeFlows`: one threadFlow per chain, from the remark's place through
 * its steps. */
static void write_code_flow(json_writer *w, const escape_remark *remark,
                            const char *message, escape_strbuf *text) {
  json_key(w, "codeFlows");
  json_begin_array(w);
  json_begin_object(w);
  json_key(w, "threadFlows");
  json_begin_array(w);
  json_begin_object(w);
  json_key(w, "locations");
  json_begin_array(w);
  json_begin_object(w);
  json_key(w, "location");
  json_begin_object(w);
  write_physical(w, &remark->loc, text);
  write_text(w, "message", message);
  json_end_object(w);
  json_end_object(w);
  for (size_t i = 0; i < remark->arg_count; i++) {
    if (!is_step(remark, i))
      continue;
    json_begin_object(w);
    json_key(w, "location");
    json_begin_object(w);
    write_physical(w, &remark->args[i].loc, text);
    step_message(w, &remark->args[i], text);
    json_end_object(w);
    json_end_object(w);
  }
  json_end_array(w);
  json_end_object(w);
  json_end_array(w);
  json_end_object(w);
  json_end_array(w);
}

/* `suppressions: [{"kind": "inSource"}]`: code scanning shows the result
 * as dismissed in the source (`// escape: ignore`). */
static void write_in_source_suppression(json_writer *w) {
  json_key(w, "suppressions");
  json_begin_array(w);
  json_begin_object(w);
  json_key_string(w, "kind", "inSource");
  json_end_object(w);
  json_end_array(w);
}

static void write_result(json_writer *w, const remark_entry *entry,
                         size_t rule_index, escape_strbuf *text) {
  const escape_remark *remark = &entry->remark;
  json_begin_object(w);
  rule_id(text, remark->pass, remark->name);
  json_key_string(w, "ruleId", text->buf);
  json_key_uint(w, "ruleIndex", rule_index);
  json_key_string(w, "level", level_of(remark->type));
  write_text(w, "message", entry->message);
  write_location(w, &remark->loc, text);
  int chain = remark->loc.file && has_chain(remark);
  if (chain || (remark->loc.file && has_context(remark)))
    write_related(w, remark, chain, text);
  if (chain)
    write_code_flow(w, remark, entry->message, text);
  json_key(w, "partialFingerprints");
  json_begin_object(w);
  json_key_string(w, "escapeFingerprint/v1", entry->fingerprint.text);
  json_end_object(w);
  if (remark_is_suppressed(remark))
    write_in_source_suppression(w);
  json_key(w, "properties");
  json_begin_object(w);
  json_key_uint(w, "translationUnits", entry->tu_count);
  json_end_object(w);
  json_end_object(w);
}

static void write_tool(json_writer *w, const sarif_rule *rules, size_t count,
                       escape_strbuf *text) {
  json_key(w, "tool");
  json_begin_object(w);
  json_key(w, "driver");
  json_begin_object(w);
  json_key_string(w, "name", "escape");
  json_key_string(w, "version", ESCAPE_VERSION);
  json_key_string(w, "informationUri", ESCAPE_INFORMATION_URI);
  json_key(w, "rules");
  json_begin_array(w);
  for (size_t i = 0; i < count; i++)
    write_rule(w, &rules[i], text);
  json_end_array(w);
  json_end_object(w);
  json_end_object(w);
}

int format_sarif(FILE *out, const report_context *context) {
  const remark_set *set = context->set;
  size_t rule_count;
  sarif_rule *rules = collect_rules(set, &rule_count);
  if (!rules)
    return -1;
  escape_strbuf text;
  escape_strbuf_init(&text);
  json_writer w;
  json_init(&w, out);
  json_begin_object(&w);
  json_key_string(&w, "$schema",
                  "https://json.schemastore.org/sarif-2.1.0.json");
  json_key_string(&w, "version", "2.1.0");
  json_key(&w, "runs");
  json_begin_array(&w);
  json_begin_object(&w);
  write_tool(&w, rules, rule_count, &text);
  json_key(&w, "results");
  json_begin_array(&w);
  for (size_t i = 0; i < set->count; i++)
    if (set->entries[i]->remark.loc.file)
      write_result(&w, set->entries[i],
                   find_rule(rules, rule_count, &set->entries[i]->remark),
                   &text);
  json_end_array(&w);
  json_end_object(&w);
  json_end_array(&w);
  json_end_object(&w);
  json_finish(&w);
  int failed = text.failed;
  escape_strbuf_release(&text);
  free(rules);
  return failed ? -1 : 0;
}
