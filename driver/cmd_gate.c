/* `escape gate`: the CI gate. Prints the remarks that are new against a
 * baseline (matched by fingerprint) and fails when there are more than
 * allowed. A baseline that cannot be read fails with exit 2, never passes:
 * an empty or broken baseline must not let everything through unnoticed,
 * and a missing one is an error, not "no remarks". */
#include "assertion_list.h"
#include "commands.h"
#include "error_report.h"
#include "load_args.h"
#include "remark_pair.h"
#include "report_format.h"

static const char usage[] =
    "usage: escape gate --baseline BASE [--max-new N] [--name N,..] [--hot]\n"
    "                   [--all-passes] [--root DIR] [-j N] [--include GLOB]\n"
    "                   [--exclude GLOB] CURRENT...\n"
    "       escape gate --assertions CURRENT...\n";

static const char description[] =
    "Prints the remarks of CURRENT that are not in BASE (each a remark file,\n"
    "a directory or -) and a verdict. Exit status: 0 when at most N are new,\n"
    "1 when more are, 2 when an input cannot be read or holds no remark "
    "file.\n"
    "Remarks suppressed by // escape: ignore are not counted. With\n"
    "--assertions: lists the source assertions and their state; 1 when one\n"
    "is violated.\n";

static int run_gate(const char *baseline, const string_list *current,
                    const load_options *options, unsigned max_new, FILE *out,
                    FILE *err) {
  char *base_items[] = {(char *)baseline};
  string_list base = {base_items, 1, 1};
  remark_pair pair;
  int result = remark_pair_load(&pair, &base, current, options, err);
  if (result == 0) {
    const remark_diff *diff = &pair.diff;
    for (size_t i = 0; i < diff->added_count; i++)
      format_text_line(out, diff->added[i]);
    int failed = diff->added_count > max_new;
    fprintf(out, "escape gate: %zu new remark%s (%u allowed), %zu fixed: %s\n",
            diff->added_count, diff->added_count == 1 ? "" : "s", max_new,
            diff->fixed_count, failed ? "FAILED" : "passed");
    result = failed;
    if (fflush(out) != 0 || ferror(out)) {
      result = error_file(err, "<stdout>", "cannot write");
    }
  }
  remark_pair_release(&pair);
  return result;
}

int cmd_gate_to(FILE *out, FILE *err, int argc, const char **argv) {
  const command_usage command = {"gate", usage, description, NULL};
  const char *baseline = NULL;
  unsigned max_new = 0;
  load_args args;
  load_args_init(&args);
  const option_spec specs[] = {
      OPT_STRING("--baseline", NULL, &baseline, "BASE",
                 "the accepted remarks, e.g. the main branch's YAML"),
      OPT_UNSIGNED("--max-new", NULL, &max_new, "N",
                   "how many new remarks pass (default 0)"),
      LOAD_ARGS_OPTIONS(&args),
  };
  string_list paths;
  string_list_init(&paths);
  int result = parse_options(specs, sizeof specs / sizeof specs[0], &command,
                             argc, argv, &paths, out, err);
  if (result == OPTIONS_OK && !baseline && !args.assertions)
    result = error_usage(err, "gate", usage, "--baseline is required");
  else if (result == OPTIONS_OK && paths.count == 0)
    result = error_usage(err, "gate", usage, "no CURRENT given");
  if (result == OPTIONS_OK) {
    load_options options;
    result = load_args_options(&args, NULL, "gate", &options, err);
    if (result == 0 && args.assertions)
      result = assertion_gate(&paths, &options, out, err);
    else if (result == 0)
      result = run_gate(baseline, &paths, &options, max_new, out, err);
  }
  load_args_release(&args);
  string_list_release(&paths);
  return result;
}

int cmd_gate(int argc, const char **argv) {
  return cmd_gate_to(stdout, stderr, argc, argv);
}
