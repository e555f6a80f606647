/* The markdown format: a pull-request comment. A table of counts by remark
 * name with the catalog's one-line meaning, the files with most remarks,
 * the hottest remarks and the start of their flow and inlined-at context;
 * capped so that it stays below GitHub's 65536-character comment limit on
 * any build: at most 40 names, 10 files, 20 remarks and 10 flows of 5
 * steps, each cell cut after 240 bytes and each path after 160, about
 * 45,000 bytes at the most. */
#include <stdlib.h>
#include <string.h>

#include "escape/remark_catalog.h"
#include "remark_flow.h"
#include "remark_place.h"
#include "remark_summary.h"
#include "report_format.h"
#include "site_name.h"

enum {
  TOP_NAMES = 40,
  TOP_REMARKS = 20,
  TOP_FILES = 10,
  TOP_FLOWS = 10,
  FLOW_STEPS = 5,
  MESSAGE_LIMIT = 240,
  PATH_LIMIT = 160
};

/* Writes text for a table cell: '|' escaped, line breaks as spaces, cut
 * after limit bytes (on a UTF-8 boundary) with an ellipsis. */
static void cell(FILE *out, const char *text, size_t limit) {
  size_t written = 0;
  for (const char *p = text; *p; p++, written++) {
    if (written >= limit && ((unsigned char)*p & 0xC0) != 0x80) {
      fputs("…", out);
      return;
    }
    if (*p == '|')
      fputs("\\|", out);
    else if (*p == '\n' || *p == '\r')
      fputc(' ', out);
    else
      fputc(*p, out);
  }
}

/* Writes the text of a code span, whose content cannot be escaped:
 * backticks become quotes; longer than PATH_LIMIT bytes, only its end
 * (where a path names its file) after an ellipsis. */
static void code_text(FILE *out, const char *text) {
  size_t len = strlen(text);
  if (len > PATH_LIMIT) {
    text += len - PATH_LIMIT;
    while (((unsigned char)*text & 0xC0) == 0x80)
      text++;
    fputs("…", out);
  }
  for (const char *p = text; *p; p++)
    fputc(*p == '`' ? '\'' : *p == '|' ? '/' : *p == '\n' ? ' ' : *p, out);
}

/* Writes text as a code span. */
static void code(FILE *out, const char *text) {
  fputc('`', out);
  code_text(out, text);
  fputc('`', out);
}

static void names_table(FILE *out, const remark_summary *summary) {
  fprintf(out, "| Remark | Count | Meaning |\n|---|---:|---|\n");
  for (size_t i = 0; i < summary->name_count && i < TOP_NAMES; i++) {
    const escape_catalog_entry *entry =
        escape_catalog_find(summary->names[i].key);
    fputs("| ", out);
    code(out, summary->names[i].key);
    fprintf(out, " | %zu | ", summary->names[i].count);
    cell(out, entry ? entry->summary : "", MESSAGE_LIMIT);
    fputs(" |\n", out);
  }
  if (summary->name_count > TOP_NAMES)
    fprintf(out, "| … %zu more | | |\n", summary->name_count - TOP_NAMES);
}

static void files_table(FILE *out, const remark_summary *summary) {
  size_t shown =
      summary->file_count < TOP_FILES ? summary->file_count : TOP_FILES;
  fprintf(out, "\n<details><summary>By file (%zu file%s)</summary>\n\n",
          summary->file_count, summary->file_count == 1 ? "" : "s");
  fprintf(out, "| File | Remarks |\n|---|---:|\n");
  for (size_t i = 0; i < shown; i++) {
    fputs("| ", out);
    code(out, summary->files[i].key ? summary->files[i].key : "(no location)");
    fprintf(out, " | %zu |\n", summary->files[i].count);
  }
  if (shown < summary->file_count)
    fprintf(out, "| … %zu more | |\n", summary->file_count - shown);
  fprintf(out, "\n</details>\n");
}

static void where(FILE *out, const remark_entry *entry) {
  const escape_remark *remark = &entry->remark;
  char position[64] = "";
  if (entry->display_line)
    snprintf(position, sizeof position, ":%u", entry->display_line);
  else if (remark->loc.file)
    snprintf(position, sizeof position, " (" REMARK_PLACE_UNKNOWN ")");
  fputc('`', out);
  const char *file =
      remark->loc.file ? remark->loc.file : remark_entry_function(entry);
  code_text(out, file && file[0] ? file : "?");
  fprintf(out, "%s`", position);
}

/* One step of a flow or context: "inlined from `fill` at `app.c:9:5`". */
static void flow_step(FILE *out, const escape_arg *arg, int context) {
  fputs("  - ", out);
  if (context) {
    fputs("inlined from ", out);
  } else {
    cell(out, arg->key, MESSAGE_LIMIT / 4);
    fputc(' ', out);
  }
  char *name = site_display_name(arg->value);
  code(out, name ? name : arg->value);
  free(name);
  fputs(" at `", out);
  code_text(out, arg->loc.file);
  fprintf(out, ":%u:%u`\n", arg->loc.line, arg->loc.column);
}

/* The first steps of the context and flow of the top remarks that have
 * them: what makes the remark true, where the reviewer can check. */
static void flows(FILE *out, const remark_entry **sorted, size_t shown) {
  size_t written = 0;
  for (size_t i = 0; i < shown && written < TOP_FLOWS; i++) {
    const escape_remark *remark = &sorted[i]->remark;
    if (!remark_flow_any(remark))
      continue;
    if (written++ == 0)
      fputs("\n<details><summary>Why: the flow and context of the top "
            "remarks</summary>\n\n",
            out);
    fputs("- ", out);
    where(out, sorted[i]);
    fputc(' ', out);
    code(out, remark->name);
    fputs(": ", out);
    cell(out, sorted[i]->message, MESSAGE_LIMIT);
    fputc('\n', out);
    size_t steps = 0;
    for (int context = 1; context >= 0; context--)
      for (size_t a = 0; a < remark->arg_count; a++) {
        const escape_arg *arg = &remark->args[a];
        if (!(context ? remark_flow_is_context(remark, arg)
                      : remark_flow_is_hop(remark, arg)))
          continue;
        if (steps++ < FLOW_STEPS)
          flow_step(out, arg, context);
      }
    if (steps > FLOW_STEPS)
      fprintf(out, "  - … %zu more\n", steps - FLOW_STEPS);
  }
  if (written)
    fputs("\n</details>\n", out);
}

static void heat(FILE *out, const remark_entry *entry) {
  if (entry->remark.has_hotness)
    fprintf(out, "hotness %llu", entry->remark.hotness);
  else if (entry->loop_depth)
    fprintf(out, "loop depth %u", entry->loop_depth);
}

static int top_table(FILE *out, const report_context *context) {
  const remark_set *set = context->set;
  report_context top = *context;
  if (!top.top)
    top.top = TOP_REMARKS;
  size_t shown;
  const remark_entry **sorted = report_rows(&top, &shown);
  if (!sorted)
    return -1;
  fprintf(out, "\n#### %s remarks (%zu of %zu)\n\n",
          context->sort_location ? "First" : "Hottest", shown, set->count);
  fprintf(out, "| Where | Remark | Message | Heat |\n|---|---|---|---|\n");
  for (size_t i = 0; i < shown; i++) {
    fputs("| ", out);
    where(out, sorted[i]);
    fputs(" | ", out);
    code(out, sorted[i]->remark.name);
    fputs(" | ", out);
    cell(out, sorted[i]->message, MESSAGE_LIMIT);
    fputs(" | ", out);
    heat(out, sorted[i]);
    fputs(" |\n", out);
  }
  flows(out, sorted, shown);
  free((void *)sorted);
  return 0;
}

/* Says what the default noise policy left out, if anything. */
static void hidden_note(FILE *out, const report_context *context) {
  if (context->hidden)
    fprintf(out,
            "\n%zu more hidden by the default noise policy (no definition "
            "outside loops, variadic captures): `escape report --all` shows "
            "them.\n",
            context->hidden);
}

int format_markdown(FILE *out, const report_context *context) {
  const remark_set *set = context->set;
  fprintf(out, "### escape: %zu remark%s\n", set->count,
          set->count == 1 ? "" : "s");
  if (set->count == 0) {
    hidden_note(out, context);
    return 0;
  }
  remark_summary summary;
  if (remark_summary_build(&summary, set) != 0)
    return -1;
  fputc('\n', out);
  names_table(out, &summary);
  files_table(out, &summary);
  remark_summary_release(&summary);
  int result = top_table(out, context);
  if (result == 0)
    hidden_note(out, context);
  return result;
}
