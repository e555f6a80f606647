/* `escape scan`: re-runs the compile commands of a compile_commands.json
 * with the plugin, in parallel, writing each translation unit's YAML under
 * an output directory and its object to a temporary file, so that any
 * build (Make, Ninja, Bazel via a generated database...) gets remarks
 * without being changed and its build directory is never written. */
#define _XOPEN_SOURCE 700 /* realpath, strndup, mkdtemp */
#include <dirent.h>
#include <errno.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "compile_db.h"
#include "compile_job.h"
#include "compiler_id.h"
#include "error_report.h"
#include "job_pool.h"
#include "options.h"
#include "plugin_flags.h"
#include "plugin_path.h"
#include "project_config.h"
#include "scan_command.h"
#include "scan_paths.h"
#include "scan_progress.h"
#include "spawn.h"

static const char usage[] =
    "usage: escape scan [-p BUILD_DIR] [-j N] [-o OUT_DIR] [--filter REGEX]\n";

static const char description[] =
    "Compiles every translation unit of BUILD_DIR/compile_commands.json\n"
    "again with the escape plugin, from its directory, and writes its remarks\n"
    "to OUT_DIR/SOURCE.escape.yaml (sources outside the current directory\n"
    "under OUT_DIR/ABSOLUTE/PATH). Objects go to a temporary directory and\n"
    "dependency files (-MD, -MF) are not written: the build is not touched.\n"
    "Sources that the nearest .escape.conf excludes are not compiled.\n"
    "gcc, g++, cc and c++ are replaced by clang-" ESCAPE_LLVM_MAJOR_TEXT
    " and clang++-" ESCAPE_LLVM_MAJOR_TEXT ".\n";

static const char epilog[] =
    "\n"
    "ESCAPE_ARGS adds plugin arguments (e.g. verbose). Exit status: 0 when\n"
    "every translation unit compiled, 1 when one failed (each failure is\n"
    "shown with the compiler's messages), 2 for a usage error or a missing\n"
    "or malformed compile_commands.json.\n";

typedef struct scan_unit {
  char *name; /* as shown and mirrored: relative to the current directory */
  char *dir;  /* where the command runs */
  char *yaml;
  char *log;
  string_list command;
  const char **argv;
} scan_unit;

typedef struct scan_run {
  FILE *out, *err;
  scan_unit *units;
  size_t count;
  size_t skipped;
  size_t failed;
  string_list failed_names;
  scan_progress progress;
  char *temp_dir;
  const project_config *config;  /* .escape.conf: excluded sources skipped */
  size_t unoptimized;            /* units compiled at -O0 */
  const char *first_unoptimized; /* the first one's name (a unit's) */
} scan_run;

typedef struct scan_options {
  const char *build_dir;
  const char *out_dir;
  const char *filter;
  unsigned jobs;
} scan_options;

/* Prints "escape: WHAT: error: DETAIL" for a file, "escape: error: WHAT"
 * without detail; returns 2 for convenience. */
static int fail(FILE *err, const char *what, const char *detail) {
  return detail ? error_file(err, what, "%s", detail)
                : error_other(err, "%s", what);
}

/* The database file: BUILD_DIR/compile_commands.json, or BUILD_DIR when
 * it names a file. */
static void database_path(const char *build_dir, escape_strbuf *path) {
  struct stat st;
  escape_strbuf_addstr(path, build_dir);
  if (stat(build_dir, &st) != 0 || S_ISDIR(st.st_mode))
    escape_strbuf_addstr(path, "/compile_commands.json");
}

/* The plugin's clang when installed, for commands of gcc and other clangs. */
static char *replacement_compiler(const char *name, const char *fallback) {
  char *found = compiler_find(name);
  return found ? found : compiler_find(fallback);
}

/* Removes the files scan left in its temporary directory, then it. */
static void remove_temp_dir(const char *dir) {
  DIR *d = opendir(dir);
  struct dirent *entry;
  escape_strbuf path;
  escape_strbuf_init(&path);
  while (d && (entry = readdir(d))) {
    if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
      continue;
    escape_strbuf_reset(&path);
    escape_strbuf_addf(&path, "%s/%s", dir, entry->d_name);
    unlink(path.buf);
  }
  if (d)
    closedir(d);
  rmdir(dir);
  escape_strbuf_release(&path);
}

static void release_run(scan_run *run) {
  for (size_t i = 0; i < run->count; i++) {
    free(run->units[i].name);
    free(run->units[i].dir);
    free(run->units[i].yaml);
    free(run->units[i].log);
    free(run->units[i].argv);
    string_list_release(&run->units[i].command);
  }
  free(run->units);
  string_list_release(&run->failed_names);
  if (run->temp_dir)
    remove_temp_dir(run->temp_dir);
  free(run->temp_dir);
}

/* Whether yaml is already some earlier unit's (a file compiled twice). */
static int yaml_taken(const scan_run *run, const char *yaml) {
  for (size_t i = 0; i < run->count; i++)
    if (strcmp(run->units[i].yaml, yaml) == 0)
      return 1;
  return 0;
}

/* Sets the unit's name, directory and YAML path for entry; returns 0, 1
 * when the filter leaves it out, or an exit code. */
static int place_unit(scan_run *run, scan_unit *unit,
                      const compile_entry *entry, const char *db_dir,
                      const char *cwd, const char *out_dir,
                      const regex_t *filter) {
  escape_strbuf dir, source, yaml;
  escape_strbuf_init(&dir);
  escape_strbuf_init(&source);
  escape_strbuf_init(&yaml);
  scan_path_absolute(db_dir, entry->directory, &dir);
  scan_path_absolute(dir.buf, entry->file, &source);
  int result = 0;
  if (filter && regexec(filter, source.buf, 0, NULL, 0) != 0)
    result = 1;
  if (result == 0 &&
      !project_config_selects(run->config, NULL, NULL, source.buf))
    result = 1;
  const char *name = scan_path_relative(cwd, source.buf);
  for (unsigned variant = 0; result == 0; variant++) {
    scan_yaml_path(out_dir, name, variant, &yaml);
    if (!yaml_taken(run, yaml.buf))
      break;
  }
  if (result == 0 && scan_make_parents(yaml.buf) != 0)
    result = fail(run->err, yaml.buf, strerror(errno));
  if (result == 0) {
    /* Sources outside the current directory are shown by absolute path. */
    unit->name = strdup(name == source.buf + 1 ? source.buf : name);
    unit->dir = escape_strbuf_detach(&dir);
    unit->yaml = escape_strbuf_detach(&yaml);
  }
  escape_strbuf_release(&dir);
  escape_strbuf_release(&source);
  escape_strbuf_release(&yaml);
  return result;
}

/* Builds the unit's command; returns 0, 1 when skipped, or an exit code. */
static int command_unit(scan_run *run, scan_unit *unit,
                        const compile_entry *entry, const scan_setup *setup) {
  escape_strbuf object, log, note;
  escape_strbuf_init(&object);
  escape_strbuf_init(&log);
  escape_strbuf_init(&note);
  escape_strbuf_addf(&object, "%s/%zu.o", run->temp_dir, run->count);
  escape_strbuf_addf(&log, "%s/%zu.log", run->temp_dir, run->count);
  unit->log = escape_strbuf_detach(&log);
  int result = scan_command_build(entry, setup, object.buf, unit->yaml,
                                  &unit->command, &note);
  if (result == 1)
    fprintf(run->err, "escape scan: note: %s: skipped: %s\n", unit->name,
            note.buf);
  else if (result == 0 && !(unit->argv = spawn_argv(&unit->command)))
    result = -1;
  if (result < 0 || !unit->log)
    result = fail(run->err, "out of memory", NULL);
  escape_strbuf_release(&object);
  escape_strbuf_release(&note);
  return result;
}

/* Frees what place_unit and command_unit set for a unit not kept. */
static void drop_unit(scan_unit *unit) {
  free(unit->name);
  free(unit->dir);
  free(unit->yaml);
  free(unit->log);
  free(unit->argv);
  string_list_release(&unit->command);
  memset(unit, 0, sizeof *unit);
}

/* Counts a unit compiled at -O0 (nothing to report) and removes the YAML
 * an earlier, optimized scan left for it, so no report shows it stale. */
static void note_optimization(scan_run *run, const scan_unit *unit,
                              const compile_entry *entry) {
  const char *const *args = (const char *const *)entry->arguments.items;
  if (compile_job_optimizes((int)entry->arguments.count - 1, args + 1))
    return;
  if (run->unoptimized++ == 0)
    run->first_unoptimized = unit->name;
  unlink(unit->yaml);
}

/* Says once that units compile at -O0. */
static void print_unoptimized(const scan_run *run) {
  if (run->unoptimized == 0)
    return;
  fprintf(run->err,
          "escape scan: note: %zu of %zu translation units compile at -O0 "
          "(first: %s): nothing is optimized there, so they have no remarks; "
          "configure with -O1 or higher (e.g. CMAKE_BUILD_TYPE=RelWithDebInfo)"
          "\n",
          run->unoptimized, run->count, run->first_unoptimized);
}

/* Turns the database's entries into units; returns 0 or an exit code. */
static int plan_units(scan_run *run, const compile_db *db, const char *db_dir,
                      const char *out_dir, const regex_t *filter,
                      const scan_setup *setup) {
  char *cwd = getcwd(NULL, 0);
  run->units = calloc(db->count ? db->count : 1, sizeof *run->units);
  if (!cwd || !run->units) {
    free(cwd);
    return fail(run->err, "out of memory", NULL);
  }
  int result = 0;
  for (size_t i = 0; i < db->count && result != 2; i++) {
    scan_unit *unit = &run->units[run->count];
    string_list_init(&unit->command);
    result =
        place_unit(run, unit, &db->entries[i], db_dir, cwd, out_dir, filter);
    if (result == 0) {
      result = command_unit(run, unit, &db->entries[i], setup);
      run->skipped += result == 1;
    }
    if (result == 0)
      note_optimization(run, unit, &db->entries[i]);
    if (result == 0)
      run->count++;
    else
      drop_unit(unit);
  }
  free(cwd);
  return result == 2 ? 2 : 0;
}

static void unit_started(void *ctx, size_t index) {
  scan_run *run = ctx;
  scan_progress_started(&run->progress, run->units[index].name);
}

/* Prints the compiler's captured messages for a failed unit. */
static void show_failure(scan_run *run, const scan_unit *unit, int exit_code) {
  scan_progress_clear(&run->progress);
  fprintf(run->err, "escape scan: error: %s: compile failed (exit %d)\n",
          unit->name, exit_code);
  FILE *log = fopen(unit->log, "r");
  char chunk[4096];
  size_t n, last = 0;
  while (log && (n = fread(chunk, 1, sizeof chunk, log)) > 0) {
    fwrite(chunk, 1, n, run->err);
    last = n;
  }
  if (log)
    fclose(log);
  if (last && chunk[last - 1] != '\n')
    fputc('\n', run->err);
}

static void unit_finished(void *ctx, size_t index, int exit_code) {
  scan_run *run = ctx;
  const scan_unit *unit = &run->units[index];
  if (exit_code != 0) {
    run->failed++;
    string_list_add(&run->failed_names, unit->name);
    show_failure(run, unit, exit_code);
  }
  scan_progress_finished(&run->progress, unit->name, exit_code != 0);
}

/* Compiles every unit and prints the summary; returns the exit code. */
static int run_units(scan_run *run, unsigned jobs, const char *out_dir) {
  pool_job *pool = calloc(run->count ? run->count : 1, sizeof *pool);
  if (!pool)
    return fail(run->err, "out of memory", NULL);
  for (size_t i = 0; i < run->count; i++)
    pool[i] =
        (pool_job){run->units[i].argv, run->units[i].dir, run->units[i].log};
  scan_progress_init(&run->progress, run->err, isatty(fileno(run->err)),
                     run->count);
  pool_events events = {unit_started, unit_finished, run};
  job_pool_run(pool, run->count, jobs, &events);
  free(pool);
  scan_progress_clear(&run->progress);
  print_unoptimized(run);
  fprintf(run->out,
          "escape scan: %zu compiled, %zu failed, %zu skipped in %.1f s; "
          "remarks in %s\n",
          run->count - run->failed, run->failed, run->skipped,
          scan_progress_elapsed(&run->progress), out_dir);
  for (size_t i = 0; i < run->failed_names.count; i++)
    fprintf(run->out, "failed: %s\n", run->failed_names.items[i]);
  return run->failed ? 1 : 0;
}

/* Finds the plugin and the clang to replace other compilers with. */
static int make_setup(scan_setup *setup, char **owned, FILE *err) {
  escape_strbuf plugin, why;
  escape_strbuf_init(&plugin);
  escape_strbuf_init(&why);
  int result = 0;
  if (plugin_path_find(&plugin, &why) != 0)
    result = fail(err, why.buf, NULL);
  owned[0] = escape_strbuf_detach(&plugin);
  owned[1] = replacement_compiler("clang-" ESCAPE_LLVM_MAJOR_TEXT,
                                  ESCAPE_LLVM_BINDIR "/clang");
  owned[2] = replacement_compiler("clang++-" ESCAPE_LLVM_MAJOR_TEXT,
                                  ESCAPE_LLVM_BINDIR "/clang++");
  *setup = (scan_setup){owned[0], getenv("ESCAPE_ARGS"), owned[1], owned[2]};
  escape_strbuf_release(&why);
  return result;
}

/* The output directory, created, as an absolute path (compiles run in
 * other directories); NULL after an error. */
static char *make_out_dir(const char *out_dir, FILE *err) {
  escape_strbuf path;
  escape_strbuf_init(&path);
  escape_strbuf_addf(&path, "%s/.", out_dir);
  char *real = NULL;
  if (scan_make_parents(path.buf) != 0 || !(real = realpath(out_dir, NULL)))
    fail(err, out_dir, strerror(errno));
  escape_strbuf_release(&path);
  return real;
}

/* Makes the temporary directory for objects and logs; returns 0 or 2. */
static int make_temp_dir(scan_run *run) {
  escape_strbuf temp;
  escape_strbuf_init(&temp);
  const char *tmp = getenv("TMPDIR");
  escape_strbuf_addf(&temp, "%s/escape-scan-XXXXXX",
                     tmp && *tmp ? tmp : "/tmp");
  int result = 0;
  if (!mkdtemp(temp.buf))
    result = fail(run->err, temp.buf, strerror(errno));
  else
    run->temp_dir = escape_strbuf_detach(&temp);
  escape_strbuf_release(&temp);
  return result;
}

/* Runs the loaded database; returns the exit code. */
static int scan_database(const scan_options *options, const compile_db *db,
                         const char *db_dir, const regex_t *filter,
                         const project_config *config, FILE *out, FILE *err) {
  scan_run run = {.out = out, .err = err, .config = config};
  string_list_init(&run.failed_names);
  char *owned[3] = {NULL, NULL, NULL};
  scan_setup setup;
  char *out_dir = NULL;
  int result = make_setup(&setup, owned, err);
  if (result == 0 && !(out_dir = make_out_dir(options->out_dir, err)))
    result = 2;
  if (result == 0)
    result = make_temp_dir(&run);
  if (result == 0)
    result = plan_units(&run, db, db_dir, out_dir, filter, &setup);
  if (result == 0)
    result = run_units(&run, options->jobs, options->out_dir);
  release_run(&run);
  for (int i = 0; i < 3; i++)
    free(owned[i]);
  free(out_dir);
  return result;
}

/* Reads the database and runs it; returns the exit code. */
static int scan(const scan_options *options, const regex_t *filter, FILE *out,
                FILE *err) {
  escape_strbuf db_path, why;
  escape_strbuf_init(&db_path);
  escape_strbuf_init(&why);
  database_path(options->build_dir, &db_path);
  compile_db db;
  project_config config;
  int result = 2;
  if (project_config_find(&config, ".", &why) != 0) {
    error_input(err, why.buf);
  } else if (compile_db_load(db_path.buf, &db, &why) != 0) {
    error_input(err, why.buf);
  } else {
    /* Relative "directory" entries are relative to the database's. */
    char *db_dir = realpath(db_path.buf, NULL);
    if (db_dir && strrchr(db_dir, '/'))
      *strrchr(db_dir, '/') = '\0';
    result = scan_database(options, &db, db_dir ? db_dir : ".", filter,
                           &config, out, err);
    free(db_dir);
    compile_db_release(&db);
  }
  project_config_release(&config);
  escape_strbuf_release(&db_path);
  escape_strbuf_release(&why);
  return result;
}

int cmd_scan_to(FILE *out, FILE *err, int argc, const char **argv) {
  const command_usage command = {"scan", usage, description, epilog};
  long cpus = sysconf(_SC_NPROCESSORS_ONLN);
  scan_options options = {".", "escape-out", NULL,
                          cpus > 0 ? (unsigned)cpus : 1};
  const option_spec specs[] = {
      OPT_STRING("--build-dir", "-p", &options.build_dir, "BUILD_DIR",
                 "where compile_commands.json is (default .), or the\n"
                 "file itself"),
      OPT_UNSIGNED("--jobs", "-j", &options.jobs, "N",
                   "compiles at once (default: one per CPU)"),
      OPT_STRING("--output", "-o", &options.out_dir, "OUT_DIR",
                 "where the YAML goes (default escape-out)"),
      OPT_STRING("--filter", NULL, &options.filter, "REGEX",
                 "only sources whose absolute path matches (POSIX ERE)"),
  };
  string_list positional;
  string_list_init(&positional);
  int result = parse_options(specs, sizeof specs / sizeof specs[0], &command,
                             argc, argv, &positional, out, err);
  if (result == OPTIONS_OK && positional.count > 0) {
    result = error_usage(err, "scan", usage, "unexpected argument '%s'",
                         positional.items[0]);
  }
  string_list_release(&positional);
  if (result != OPTIONS_OK)
    return result;
  regex_t filter;
  int filter_error = options.filter ? regcomp(&filter, options.filter,
                                              REG_EXTENDED | REG_NOSUB)
                                    : 0;
  if (filter_error) {
    char why[256];
    regerror(filter_error, &filter, why, sizeof why);
    return error_usage(err, "scan", usage, "--filter '%s': %s", options.filter,
                       why);
  }
  result = scan(&options, options.filter ? &filter : NULL, out, err);
  if (options.filter)
    regfree(&filter);
  return result;
}

int cmd_scan(int argc, const char **argv) {
  return cmd_scan_to(stdout, stderr, argc, argv);
}
