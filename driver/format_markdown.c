/* The markdown format: a pull-request comment. A table of counts by remark
 * name with the catalog's one-line meaning, the files with most remarks,
 * and the hottest remarks; capped so that it stays far below GitHub's
 * 65536-character comment limit on any build. */
#include <stdlib.h>
#include <string.h>

#include "escape/remark_catalog.h"
#include "remark_place.h"
#include "remark_summary.h"
#include "report_format.h"

enum { TOP_REMARKS = 20, TOP_FILES = 10, MESSAGE_LIMIT = 240 };

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

/* Writes text inside a code span, whose content cannot be escaped:
 * backticks become quotes. */
static void code(FILE *out, const char *text) {
  fputc('`', out);
  for (const char *p = text; *p; p++)
    fputc(*p == '`' ? '\'' : *p == '|' ? '/' : *p, out);
  fputc('`', out);
}

static void names_table(FILE *out, const remark_summary *summary) {
  fprintf(out, "| Remark | Count | Meaning |\n|---|---:|---|\n");
  for (size_t i = 0; i < summary->name_count; i++) {
    const escape_catalog_entry *entry =
        escape_catalog_find(summary->names[i].key);
    fputs("| ", out);
    code(out, summary->names[i].key);
    fprintf(out, " | %zu | ", summary->names[i].count);
    cell(out, entry ? entry->summary : "", MESSAGE_LIMIT);
    fputs(" |\n", out);
  }
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
  for (const char *p = file ? file : "?"; *p; p++)
    fputc(*p == '`' ? '\'' : *p == '|' ? '/' : *p, out);
  fprintf(out, "%s`", position);
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
