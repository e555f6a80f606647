/* `escape annotate FILE`: the source listing with the remarks under their
 * lines, like llvm-opt-report. Without --yaml it reads the remark files
 * where the build put them: beside FILE (x.c: x.escape.yaml, x.opt.yaml,
 * which is where `clang -c x.c` puts them), else beside FILE's object as
 * the nearest compile_commands.json names it; it never walks directories
 * (a stray fixture elsewhere must not break it). FILE must be text. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "compile_db.h"
#include "compile_job.h"
#include "error_report.h"
#include "load_args.h"
#include "remark_flow.h"
#include "remark_place.h"
#include "report_format.h"

static const char usage[] =
    "usage: escape annotate [--yaml PATH]... [--name N,..] [--hot]\n"
    "                       [--all-passes] [--include GLOB] [--exclude GLOB]\n"
    "                       FILE\n";

static const char description[] =
    "Prints FILE with its remarks: a marker column (M Missed, A Analysis,\n"
    "P Passed) and, under each line, a caret at the remark's column with its\n"
    "name and message.\n";

/* Adds FILE's stem + suffix to paths when that file exists. */
static int add_beside(string_list *paths, const char *file,
                      const char *suffix) {
  const char *slash = strrchr(file, '/');
  const char *dot = strrchr(slash ? slash : file, '.');
  size_t stem = dot ? (size_t)(dot - file) : strlen(file);
  escape_strbuf path;
  escape_strbuf_init(&path);
  escape_strbuf_add(&path, file, stem);
  escape_strbuf_addstr(&path, suffix);
  struct stat st;
  int result = 0;
  if (!path.failed && stat(path.buf, &st) == 0 && S_ISREG(st.st_mode))
    result = string_list_add(paths, path.buf);
  result |= path.failed ? -1 : 0;
  escape_strbuf_release(&path);
  return result;
}

/* Adds the remark files beside the object that db's entry for the source
 * writes (its -o, relative to the entry's directory). */
static int add_from_entry(string_list *paths, const compile_entry *entry) {
  const char *object =
      compile_job_output((int)entry->arguments.count - 1,
                         (const char *const *)entry->arguments.items + 1);
  if (!object)
    return 0;
  escape_strbuf path;
  escape_strbuf_init(&path);
  if (object[0] != '/')
    escape_strbuf_addf(&path, "%s/", entry->directory);
  escape_strbuf_addstr(&path, object);
  int result = path.failed ? -1 : add_beside(paths, path.buf, ".escape.yaml");
  if (result == 0)
    result = add_beside(paths, path.buf, ".opt.yaml");
  escape_strbuf_release(&path);
  return result;
}

/* Whether entry compiles the source at source_real. */
static int entry_compiles(const compile_entry *entry, const char *source_real) {
  escape_strbuf path;
  escape_strbuf_init(&path);
  if (entry->file[0] != '/')
    escape_strbuf_addf(&path, "%s/", entry->directory);
  escape_strbuf_addstr(&path, entry->file);
  char *real = path.failed ? NULL : realpath(path.buf, NULL);
  int same = real && strcmp(real, source_real) == 0;
  free(real);
  escape_strbuf_release(&path);
  return same;
}

/* Looks the source up in the database at db_path, if there is one. */
static int add_from_database(string_list *paths, const char *db_path,
                             const char *source_real) {
  struct stat st;
  if (stat(db_path, &st) != 0 || !S_ISREG(st.st_mode))
    return 0;
  compile_db db;
  escape_strbuf why;
  escape_strbuf_init(&why);
  int result = 0;
  if (compile_db_load(db_path, &db, &why) == 0) {
    for (size_t i = 0; i < db.count && paths->count == 0 && result == 0; i++)
      if (entry_compiles(&db.entries[i], source_real))
        result = add_from_entry(paths, &db.entries[i]);
    compile_db_release(&db);
  }
  escape_strbuf_release(&why);
  return result;
}

/* Tries DIR/compile_commands.json and DIR/build/compile_commands.json. */
static int add_from_build_dir(string_list *paths, const char *dir,
                              const char *source_real) {
  static const char *const names[] = {"/compile_commands.json",
                                      "/build/compile_commands.json"};
  escape_strbuf db_path;
  escape_strbuf_init(&db_path);
  int result = 0;
  for (size_t i = 0; i < 2 && paths->count == 0 && result == 0; i++) {
    escape_strbuf_reset(&db_path);
    escape_strbuf_addf(&db_path, "%s%s", strcmp(dir, "/") ? dir : "", names[i]);
    result = db_path.failed
                 ? -1
                 : add_from_database(paths, db_path.buf, source_real);
  }
  escape_strbuf_release(&db_path);
  return result;
}

/* The remark files to read when no --yaml was given: beside the source,
 * else beside its object per compile_commands.json in the current
 * directory or in the source's directory or above. */
static int default_yaml(string_list *paths, const char *file) {
  if (add_beside(paths, file, ".escape.yaml") != 0 ||
      add_beside(paths, file, ".opt.yaml") != 0)
    return -1;
  char *source_real = realpath(file, NULL);
  if (paths->count > 0 || !source_real) {
    free(source_real);
    return 0;
  }
  int result = add_from_build_dir(paths, ".", source_real);
  char *dir = strdup(source_real);
  for (char *slash; result == 0 && paths->count == 0 && dir &&
                    (slash = strrchr(dir, '/')) != NULL;) {
    slash[slash == dir ? 1 : 0] = '\0';
    result = add_from_build_dir(paths, dir, source_real);
    if (slash == dir)
      break;
  }
  result |= dir ? 0 : -1;
  free(dir);
  free(source_real);
  return result;
}

/* Whether the file's first bytes hold no NUL: an object, an archive or an
 * image is not a source to list. */
static int is_text(FILE *source) {
  unsigned char head[8192];
  size_t got = fread(head, 1, sizeof head, source);
  rewind(source);
  return memchr(head, '\0', got) == NULL;
}

/* Whether a remark's file names the source: the same path, the same file
 * once resolved, or (for a relative name) a path suffix of it. */
static int same_source(const char *remark_file, const char *source_real) {
  char *real = realpath(remark_file, NULL);
  int same = real && strcmp(real, source_real) == 0;
  free(real);
  if (same || remark_file[0] == '/')
    return same;
  size_t len = strlen(remark_file), total = strlen(source_real);
  return len < total && source_real[total - len - 1] == '/' &&
         strcmp(source_real + total - len, remark_file) == 0;
}

/* The entries located in the source, in line order (set order). */
static const remark_entry **
select_entries(const remark_set *set, const char *source_real, size_t *count) {
  const remark_entry **selected = malloc((set->count + 1) * sizeof *selected);
  if (!selected)
    return NULL;
  *count = 0;
  const char *last_file = NULL;
  int last_same = 0;
  for (size_t i = 0; i < set->count; i++) {
    const char *file = set->entries[i]->remark.loc.file;
    if (!file)
      continue;
    if (!last_file || strcmp(file, last_file) != 0) {
      last_file = file;
      last_same = same_source(file, source_real);
    }
    if (last_same)
      selected[(*count)++] = set->entries[i];
  }
  /* Line-0 remarks move to their function's line (remark_place.h);
   * insertion keeps the set's order among equal lines. */
  for (size_t i = 1; i < *count; i++) {
    const remark_entry *moving = selected[i];
    size_t j = i;
    for (; j > 0 && selected[j - 1]->display_line > moving->display_line; j--)
      selected[j] = selected[j - 1];
    selected[j] = moving;
  }
  return selected;
}

static unsigned count_lines(FILE *source) {
  unsigned lines = 0;
  int c, last = '\n';
  while ((c = getc(source)) != EOF) {
    lines += c == '\n';
    last = c;
  }
  rewind(source);
  return lines + (last != '\n');
}

/* "MAP"-style markers of the remark types on one line. */
static void markers(char out[4], const remark_entry **entries, size_t count) {
  static const struct {
    escape_remark_type type;
    char letter;
  } kinds[] = {{ESCAPE_REMARK_MISSED, 'M'},
               {ESCAPE_REMARK_ANALYSIS, 'A'},
               {ESCAPE_REMARK_PASSED, 'P'}};
  size_t n = 0;
  for (size_t k = 0; k < 3; k++)
    for (size_t i = 0; i < count; i++)
      if (entries[i]->remark.type == kinds[k].type) {
        out[n++] = kinds[k].letter;
        break;
      }
  out[n] = '\0';
}

/* The caret line under a source line: tabs kept so the caret lines up. */
static void caret(FILE *out, int width, const char *line,
                  const remark_entry *entry) {
  fprintf(out, "%*s     | ", width, "");
  unsigned column = entry->remark.loc.column;
  size_t len = strlen(line);
  for (unsigned i = 0; i + 1 < column; i++)
    fputc(i < len && line[i] == '\t' ? '\t' : ' ', out);
  fprintf(out, "^ %s: %s\n", entry->remark.name, entry->message);
  /* The flow chain under the caret, each step at its own place. */
  if (!remark_flow_has_chain(&entry->remark))
    return;
  char indent[32];
  snprintf(indent, sizeof indent, "%*s     |   ", width, "");
  format_text_why_lines(out, &entry->remark, indent);
}

static void annotate(FILE *out, FILE *source, const char *name,
                     const remark_entry **entries, size_t count) {
  unsigned lines = count_lines(source);
  char digits[16];
  int width = snprintf(digits, sizeof digits, "%u", lines ? lines : 1);
  fprintf(out, "< %s\n", name);
  char *line = NULL;
  size_t alloc = 0, next = 0;
  while (next < count && entries[next]->display_line == 0)
    next++; /* no line to show them under: listed at the end */
  size_t unplaced = next;
  for (unsigned n = 1; getline(&line, &alloc, source) >= 0; n++) {
    line[strcspn(line, "\r\n")] = '\0';
    size_t first = next;
    while (next < count && entries[next]->display_line == n)
      next++;
    char marks[4];
    markers(marks, entries + first, next - first);
    fprintf(out, "%*u %-3s | %s\n", width, n, marks, line);
    for (size_t i = first; i < next; i++)
      caret(out, width, line, entries[i]);
  }
  free(line);
  for (size_t i = 0; i < count; i++)
    if (i < unplaced)
      fprintf(out, "%s: (" REMARK_PLACE_UNKNOWN "): %s: %s\n", name,
              entries[i]->remark.name, entries[i]->message);
    else if (i >= next)
      fprintf(out, "%s:%u: %s: %s\n", name, entries[i]->display_line,
              entries[i]->remark.name, entries[i]->message);
}

/* Loads the remarks and prints the listing; returns the exit code. */
static int run_annotate(const char *file, const string_list *yaml,
                        const load_options *options, FILE *out, FILE *err) {
  FILE *source = fopen(file, "r");
  char *source_real = source ? realpath(file, NULL) : NULL;
  if (!source || !source_real) {
    error_file(err, file, "cannot open: %s", strerror(errno));
    if (source)
      fclose(source);
    free(source_real);
    return 2;
  }
  if (!is_text(source)) {
    error_file(err, file,
               "not a text file: annotate lists a source file (for an "
               "object's remarks: escape report)");
    fclose(source);
    free(source_real);
    return 2;
  }
  remark_set set;
  remark_set_init(&set);
  const remark_entry **entries = NULL;
  size_t count = 0;
  int result = remark_load_finished(yaml, options, &set, err);
  if (result == 0 && !(entries = select_entries(&set, source_real, &count)))
    result = error_out_of_memory(err);
  else if (result == 0)
    annotate(out, source, file, entries, count);
  free(entries);
  remark_set_release(&set);
  free(source_real);
  fclose(source);
  return result;
}

int cmd_annotate_to(FILE *out, FILE *err, int argc, const char **argv) {
  const command_usage command = {"annotate", usage, description, NULL};
  string_list yaml;
  string_list_init(&yaml);
  load_args args;
  load_args_init(&args);
  const option_spec specs[] = {
      OPT_REPEAT("--yaml", NULL, &yaml, "PATH",
                 "remark file or directory to read (repeatable);\n"
                 "default: FILE's stem .escape.yaml and .opt.yaml\n"
                 "beside FILE, else beside its object as the nearest\n"
                 "compile_commands.json (here, build/, or above\n"
                 "FILE) names it"),
      LOAD_ARGS_OPTIONS(&args),
  };
  string_list paths;
  string_list_init(&paths);
  int result = parse_options(specs, sizeof specs / sizeof specs[0], &command,
                             argc, argv, &paths, out, err);
  if (result == OPTIONS_OK && paths.count != 1)
    result = error_usage(err, "annotate", usage, "needs one FILE");
  if (result == OPTIONS_OK && yaml.count == 0 &&
      default_yaml(&yaml, paths.items[0]) != 0) {
    result = error_out_of_memory(err);
  } else if (result == OPTIONS_OK && yaml.count == 0 &&
             access(paths.items[0], R_OK) == 0) {
    result = error_file(err, paths.items[0],
                        "no remark files beside it or beside its object in "
                        "compile_commands.json; pass --yaml PATH");
  }
  if (result == OPTIONS_OK) {
    load_options options;
    result = load_args_options(&args, NULL, "annotate", &options, err);
    if (result == 0)
      result = run_annotate(paths.items[0], &yaml, &options, out, err);
  }
  load_args_release(&args);
  string_list_release(&paths);
  string_list_release(&yaml);
  return result;
}

int cmd_annotate(int argc, const char **argv) {
  return cmd_annotate_to(stdout, stderr, argc, argv);
}
