/* The text format: what a compiler prints, so that editors and CI problem
 * matchers pick the lines up, then counts by remark name and by file. */
#include <stdlib.h>
#include <string.h>

#include "remark_summary.h"
#include "report_format.h"
#include "suppression.h"

/* "FILE:LINE:COL: " (LINE and COL left out when 0, as LLVM does for
 * unknown positions), or "FUNCTION: " for remarks without a location. */
static void print_location(FILE *out, const escape_remark *remark) {
  if (!remark->loc.file) {
    fprintf(out, "%s: ",
            remark->function && *remark->function ? remark->function
                                                  : "<unknown>");
    return;
  }
  fprintf(out, "%s:", remark->loc.file);
  if (remark->loc.line) {
    fprintf(out, "%u:", remark->loc.line);
    if (remark->loc.column)
      fprintf(out, "%u:", remark->loc.column);
  }
  fputc(' ', out);
}

void format_text_line(FILE *out, const remark_entry *entry) {
  print_location(out, &entry->remark);
  fprintf(out, "%s: %s", entry->remark.name, entry->message);
  if (entry->tu_count > 1)
    fprintf(out, " [%zu translation units]", entry->tu_count);
  if (remark_is_suppressed(&entry->remark))
    fputs(" [suppressed in source]", out);
  fputc('\n', out);
}

int format_text(FILE *out, const report_context *context) {
  const remark_set *set = context->set;
  for (size_t i = 0; i < set->count; i++)
    format_text_line(out, set->entries[i]);
  remark_summary summary;
  if (remark_summary_build(&summary, set) != 0)
    return -1;
  if (set->count > 0)
    fputc('\n', out);
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
  return 0;
}
