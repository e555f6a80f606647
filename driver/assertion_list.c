#include "assertion_list.h"

#include <string.h>

#include "error_report.h"
#include "escape/remark_catalog.h"
#include "remark_set.h"
#include "report_format.h"

/* The counts of one run, by state. */
typedef struct assertion_counts {
  size_t held, violated, stale;
} assertion_counts;

static void count_state(assertion_counts *counts, const escape_remark *r) {
  const char *state = escape_remark_arg(r, ESCAPE_KEY_STATE);
  if (state && strcmp(state, "held") == 0)
    counts->held++;
  else if (state && strcmp(state, "stale") == 0)
    counts->stale++;
  else
    counts->violated++; /* unknown states fail: never pass by accident */
}

int assertion_gate(const path_list *paths, const load_options *options,
                   FILE *out, FILE *err) {
  remark_set set;
  remark_set_init(&set);
  int result = remark_load_finished(paths, options, &set, err);
  if (result == 0) {
    assertion_counts counts = {0, 0, 0};
    for (size_t i = 0; i < set.count; i++) {
      format_text_line(out, set.entries[i]);
      count_state(&counts, &set.entries[i]->remark);
    }
    fprintf(out,
            "escape gate: %zu assertion%s: %zu held, %zu violated, %zu "
            "stale: %s\n",
            set.count, set.count == 1 ? "" : "s", counts.held, counts.violated,
            counts.stale, counts.violated ? "FAILED" : "passed");
    result = counts.violated ? 1 : 0;
    if (fflush(out) != 0 || ferror(out)) {
      result = error_file(err, "<stdout>", "cannot write");
    }
  }
  remark_set_release(&set);
  return result;
}
