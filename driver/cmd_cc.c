/* `escape cc COMPILER ARGS...`: a compiler launcher in the manner of
 * ccache. Compile jobs run by a clang of the plugin's major version get
 * -fplugin= with the plugin of this escape tree, -Rescape becomes the
 * warning-free -fplugin-arg-escape-remarks, and ESCAPE_ARGS adds plugin
 * arguments; everything else reaches the compiler unchanged, and the
 * compiler's exit status is ours (exec, no shell). Other compilers, links
 * and preprocess-only runs go through without the plugin. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "compile_job.h"
#include "compiler_id.h"
#include "error_report.h"
#include "plugin_flags.h"
#include "plugin_path.h"
#include "project_config.h"
#include "spawn.h"

static const char usage[] = "usage: escape cc COMPILER ARGS...\n"
                            "   or: escape COMPILER ARGS...\n";

static const char help[] =
    "\n"
    "Runs COMPILER ARGS with the escape plugin loaded when COMPILER is clang\n"
    "19 and ARGS compile (-c, -S, -fsyntax-only); otherwise runs it\n"
    "unchanged. -Rescape prints the remarks (as -fplugin-arg-escape-remarks,\n"
    "without clang's unknown-option warning). Use it as\n"
    "CMAKE_C_COMPILER_LAUNCHER=escape or CC=\"escape cc clang-19\".\n"
    "\n"
    "Environment:\n"
    "    ESCAPE_ARGS     plugin arguments, comma-separated, e.g.\n"
    "                    warn,verbose or embed or yaml=none\n"
    "    ESCAPE_PLUGIN   the plugin to load instead of the one of this tree\n"
    "\n"
    "Behind ccache, sccache, distcc or icecc (escape ccache clang-19 ...),\n"
    "the remarks are also embedded in the object (embed), since the YAML\n"
    "beside it is lost on a cache hit or a remote compile; distcc and icecc\n"
    "get the plugin as -Xclang=-load -Xclang=PLUGIN, which distccd accepts.\n"
    "\n"
    "The exit status is the compiler's; 127 when it cannot be run.\n";

/* Copies args, dropping -Rescape (and rewriting it when with_plugin). */
static int copy_args(int argc, const char **argv, int with_plugin,
                     int *has_plugin, string_list *out) {
  int failed = 0;
  for (int i = 0; i < argc && !failed; i++) {
    if (plugin_flags_loads_plugin(argv[i]))
      *has_plugin = 1;
    if (!plugin_flags_is_rescape(argv[i]))
      failed = string_list_add(out, argv[i]);
    else if (with_plugin && strcmp(argv[i], "-Rescape") == 0)
      failed = string_list_add(out, "-fplugin-arg-escape-remarks");
  }
  return failed;
}

/* Whether to load the plugin: a compile job by a clang of our version.
 * Says why not, once, when the compiler is the reason. */
static int wants_plugin(const char *compiler, int argc, const char **args) {
  if (!compile_job_is_compile(argc, args))
    return 0;
  compiler_info info = compiler_identify(compiler);
  if (info.kind == COMPILER_CLANG && info.major == ESCAPE_LLVM_MAJOR)
    return 1;
  if (info.kind == COMPILER_CLANG && info.major)
    fprintf(stderr,
            "escape: note: '%s' is clang %d, the plugin needs clang %d; "
            "compiling without escape\n",
            compiler, info.major, ESCAPE_LLVM_MAJOR);
  else
    fprintf(stderr,
            "escape: note: '%s' is %s, not clang %d; compiling without "
            "escape\n",
            compiler,
            info.kind == COMPILER_GCC ? "gcc" : "not a known compiler",
            ESCAPE_LLVM_MAJOR);
  return 0;
}

/* The plugin arguments: ESCAPE_ARGS, plus embed when a launcher in front
 * loses the YAML beside the object (a cache hit, a remote compile) and
 * the user did not ask for it already. The result is malloc'd. */
static char *plugin_args(int traits, int argc, const char **args) {
  const char *env = getenv("ESCAPE_ARGS");
  escape_strbuf buf;
  escape_strbuf_init(&buf);
  escape_strbuf_addstr(&buf, env ? env : "");
  int has_embed = plugin_flags_has_arg(env, "embed");
  for (int i = 0; i < argc && !has_embed; i++)
    has_embed = strcmp(args[i], "-fplugin-arg-escape-embed") == 0;
  if ((traits & LAUNCHER_LOSES_SIDE_FILES) && !has_embed)
    escape_strbuf_addstr(&buf, buf.len ? ",embed" : "embed");
  if (buf.failed) {
    escape_strbuf_release(&buf);
    return NULL;
  }
  return escape_strbuf_detach(&buf);
}

/* Whether the project configuration (.escape.conf) leaves the source out;
 * a malformed configuration is reported and compiles without the plugin,
 * since a launcher must never break a build. */
static int excluded_by_config(int argc, const char **args) {
  const char *source = compile_job_source(argc, args);
  project_config config;
  escape_strbuf err;
  escape_strbuf_init(&err);
  int excluded = 0;
  if (project_config_find(&config, ".", &err) != 0) {
    fprintf(stderr, "escape: %s; compiling without escape\n", err.buf);
    excluded = 1;
  } else if (source && !project_config_selects(&config, NULL, NULL, source)) {
    excluded = 1;
  }
  project_config_release(&config);
  escape_strbuf_release(&err);
  return excluded;
}

/* Whether ESCAPE_ARGS names the YAML file itself (yaml=, yaml=none). */
static int yaml_chosen(const char *plugin_args) {
  return plugin_args && strstr(plugin_args, "yaml") != NULL;
}

/* At -O0 there is nothing to report: says so once for this compile and
 * removes the remark file an earlier, optimized compile of the same object
 * left, so that a report never shows stale remarks. */
static void note_unoptimized(int argc, const char **args) {
  const char *source = compile_job_source(argc, args);
  fprintf(stderr,
          "escape: note: %s compiles at -O0: nothing is optimized, so there "
          "are no remarks; build with -O1 or higher (e.g. "
          "CMAKE_BUILD_TYPE=RelWithDebInfo)\n",
          source ? source : "this translation unit");
  escape_strbuf yaml;
  escape_strbuf_init(&yaml);
  if (!yaml_chosen(getenv("ESCAPE_ARGS")) &&
      compile_job_default_yaml(compile_job_output(argc, args), &yaml) == 0 &&
      unlink(yaml.buf) == 0)
    fprintf(stderr, "escape: note: removed %s of an earlier compile\n",
            yaml.buf);
  escape_strbuf_release(&yaml);
}

/* Builds the compiler's argv into out; returns 0 or an exit code. */
static int build_command(int argc, const char **argv, string_list *out) {
  /* `escape ccache clang-19 ...`: the compiler follows the launchers,
   * which are kept in front of it. */
  int first = 0, traits = 0;
  while (first + 1 < argc && compiler_is_launcher(argv[first]))
    traits |= compiler_launcher_traits(argv[first++]);
  const char *compiler = argv[first];
  int job_argc = argc - first - 1;
  const char **job = argv + first + 1;
  int with_plugin = wants_plugin(compiler, job_argc, job) &&
                    !excluded_by_config(job_argc, job);
  if (with_plugin && !compile_job_optimizes(job_argc, job))
    note_unoptimized(job_argc, job);
  int has_plugin = 0, failed = 0;
  for (int i = 0; i <= first && !failed; i++)
    failed = string_list_add(out, argv[i]);
  if (failed || copy_args(argc - first - 1, argv + first + 1, with_plugin,
                          &has_plugin, out) != 0)
    return 2;
  if (!with_plugin || has_plugin)
    return 0;
  escape_strbuf plugin, err;
  escape_strbuf_init(&plugin);
  escape_strbuf_init(&err);
  char *args = plugin_args(traits, argc - first - 1, argv + first + 1);
  plugin_load_spelling spelling = traits & LAUNCHER_COMPILES_REMOTELY
                                      ? PLUGIN_LOAD_XCLANG
                                      : PLUGIN_LOAD_FPLUGIN;
  int result = 0;
  if (!args) {
    result = error_other(stderr, "out of memory");
  } else if (plugin_path_find(&plugin, &err) != 0) {
    result = error_other(stderr, "%s", err.buf);
  } else if (plugin_flags_add_spelled(out, plugin.buf, args, spelling) != 0) {
    result = 2;
  }
  free(args);
  escape_strbuf_release(&plugin);
  escape_strbuf_release(&err);
  return result;
}

int cmd_cc(int argc, const char **argv) {
  if (argc < 2) {
    return error_usage(stderr, "cc", usage, "no compiler given");
  }
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
    printf("%s%s", usage, help);
    return 0;
  }
  /* `escape cc -c x.c`, as a Makefile's `escape $(CC)` with CC=cc gives:
   * an option where the compiler should be means cc is the compiler. */
  int compiler_at = argv[1][0] == '-' && strcmp(argv[0], "cc") == 0 ? 0 : 1;
  string_list command;
  string_list_init(&command);
  int result = build_command(argc - compiler_at, argv + compiler_at, &command);
  const char **args = result == 0 ? spawn_argv(&command) : NULL;
  if (args) {
    fflush(NULL);
    execvp(args[0], (char *const *)args);
    error_other(stderr, "cannot run '%s': %s", args[0], strerror(errno));
    result = 127;
  } else if (result == 0) {
    result = error_out_of_memory(stderr);
  }
  free(args);
  string_list_release(&command);
  return result;
}
