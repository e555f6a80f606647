/* The text format: what a compiler prints, so that editors and CI problem
 * matchers pick the lines up, then counts by remark name and by file. */
#include <stdlib.h>
#include <string.h>

#include "escape/remark_sentence.h"
#include "name_demangle.h"
#include "remark_flow.h"
#include "remark_place.h"
#include "remark_summary.h"
#include "report_format.h"
#include "suppression.h"

/* "FILE:LINE:COL: " (COL left out when 0, as LLVM does for unknown
 * columns), "FILE: in 'F' (line unknown: ...): " for a line-0 remark that
 * could not be placed, or "FUNCTION: " for remarks without a location. */
static void print_location(FILE *out, const remark_entry *entry) {
  const escape_remark *remark = &entry->remark;
  const char *function = remark_entry_function(entry);
  if (!remark->loc.file) {
    fprintf(out, "%s: ", *function ? function : "<unknown>");
    return;
  }
  fprintf(out, "%s:", remark->loc.file);
  if (!entry->display_line) {
    fprintf(out, " in '%s' (" REMARK_PLACE_UNKNOWN "): ",
            *function ? function : "?");
    return;
  }
  fprintf(out, "%u:", entry->display_line);
  if (remark->loc.line && remark->loc.column)
    fprintf(out, "%u:", remark->loc.column);
  fputc(' ', out);
}

/* The line's tail: where a line-0 remark really is, and its counts. */
static void print_notes(FILE *out, const remark_entry *entry, int grouped) {
  /* A remark with InFunction says so in its own sentence already. */
  if (remark_place_moved(entry) &&
      !escape_remark_arg(&entry->remark, ESCAPE_KEY_IN_FUNCTION))
    fprintf(out, " [in '%s'; no single line: merged by LLVM]",
            remark_entry_function(entry));
  if (grouped && entry->contexts > 1)
    fprintf(out, " [and %zu other inlined context%s]", entry->contexts - 1,
            entry->contexts == 2 ? "" : "s");
  if (entry->tu_count > 1)
    fprintf(out, " [%zu translation units]", entry->tu_count);
  if (remark_is_suppressed(&entry->remark))
    fputs(" [suppressed in source]", out);
  fputc('\n', out);
}

void format_text_line(FILE *out, const remark_entry *entry) {
  print_location(out, entry);
  fprintf(out, "%s: %s", entry->remark.name, entry->message);
  print_notes(out, entry, 0);
}

/* A report line: like format_text_line, with the call site's contexts. */
static void report_line(FILE *out, const remark_entry *entry) {
  print_location(out, entry);
  fprintf(out, "%s: %s", entry->remark.name, entry->message);
  print_notes(out, entry, 1);
}

static int same_loc(const escape_loc *a, const escape_loc *b) {
  return a->file && b->file && strcmp(a->file, b->file) == 0 &&
         a->line == b->line && a->column == b->column;
}

/* Whether a step before args[i] is at its place. */
static int place_seen(const escape_remark *remark, size_t i) {
  for (size_t j = 0; j < i; j++)
    if (remark_flow_is_hop(remark, &remark->args[j]) &&
        same_loc(&remark->args[j].loc, &remark->args[i].loc))
      return 1;
  return 0;
}

void format_text_why_lines(FILE *out, const escape_remark *remark,
                           const char *indent) {
  for (size_t i = 0; i < remark->arg_count; i++) {
    const escape_arg *arg = &remark->args[i];
    if (!(remark_flow_is_hop(remark, arg) ||
          remark_flow_is_context(remark, arg)) ||
        place_seen(remark, i))
      continue;
    fprintf(out, "%swhy: %s:%u:", indent, arg->loc.file, arg->loc.line);
    if (arg->loc.column)
      fprintf(out, "%u:", arg->loc.column);
    char *readable = name_demangle(arg->value); /* a C++ callee's hop */
    fprintf(out, " %s %s\n", arg->key, readable ? readable : arg->value);
    free(readable);
  }
}

const remark_entry **report_rows(const report_context *context, size_t *count) {
  const remark_set *set = context->set;
  const remark_entry **rows = malloc((set->count + 1) * sizeof *rows);
  if (!rows)
    return NULL;
  size_t kept = 0;
  for (size_t i = 0; i < set->count; i++)
    if (!set->entries[i]->context_follower)
      rows[kept++] = set->entries[i];
  if (!context->sort_location && kept > 1)
    qsort(rows, kept, sizeof *rows, remark_entry_compare_heat);
  if (context->top && kept > context->top)
    kept = context->top;
  *count = kept;
  return rows;
}

int format_text(FILE *out, const report_context *context) {
  const remark_set *set = context->set;
  size_t row_count;
  const remark_entry **rows = report_rows(context, &row_count);
  if (!rows)
    return -1;
  for (size_t i = 0; i < row_count; i++) {
    report_line(out, rows[i]);
    if (context->why)
      format_text_why_lines(out, &rows[i]->remark, "  ");
  }
  free(rows);
  remark_summary summary;
  if (remark_summary_build(&summary, set) != 0)
    return -1;
  if (set->count > 0)
    fputc('\n', out);
  if (context->top && row_count == context->top)
    fprintf(out, "the top %zu lines of ", row_count);
  fprintf(out, "%zu remark%s", set->count, set->count == 1 ? "" : "s");
  for (size_t i = 0; i < summary.name_count; i++)
    fprintf(out, "%s %zu %s", i == 0 ? ":" : ",", summary.names[i].count,
            summary.names[i].key);
  fputc('\n', out);
  if (summary.file_count > 0)
    fprintf(out, "by file:\n");
  for (size_t i = 0; i < summary.file_count; i++)
    fprintf(out, "  %s: %zu\n",
            summary.files[i].key ? summary.files[i].key : "(no location)",
            summary.files[i].count);
  remark_summary_release(&summary);
  if (context->hidden)
    fprintf(out,
            "%zu more remark%s hidden by the default noise policy (no "
            "definition outside loops, variadic captures): --all shows %s\n",
            context->hidden, context->hidden == 1 ? "" : "s",
            context->hidden == 1 ? "it" : "them");
  return 0;
}
