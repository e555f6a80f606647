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
#include "plugin_flags.h"
#include "plugin_path.h"
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
                     int *has_plugin, path_list *out) {
  int failed = 0;
  for (int i = 0; i < argc && !failed; i++) {
    if (plugin_flags_loads_plugin(argv[i]))
      *has_plugin = 1;
    if (!plugin_flags_is_rescape(argv[i]))
      failed = path_list_add(out, argv[i]);
    else if (with_plugin && strcmp(argv[i], "-Rescape") == 0)
      failed = path_list_add(out, "-fplugin-arg-escape-remarks");
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

/* Builds the compiler's argv into out; returns 0 or an exit code. */
static int build_command(int argc, const char **argv, path_list *out) {
  /* `escape ccache clang-19 ...`: the compiler follows the launchers,
   * which are kept in front of it. */
  int first = 0, traits = 0;
  while (first + 1 < argc && compiler_is_launcher(argv[first]))
    traits |= compiler_launcher_traits(argv[first++]);
  const char *compiler = argv[first];
  int with_plugin = wants_plugin(compiler, argc - first - 1, argv + first + 1);
  int has_plugin = 0, failed = 0;
  for (int i = 0; i <= first && !failed; i++)
    failed = path_list_add(out, argv[i]);
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
    fprintf(stderr, "escape: error: out of memory\n");
    result = 2;
  } else if (plugin_path_find(&plugin, &err) != 0) {
    fprintf(stderr, "escape: error: %s\n", err.buf);
    result = 2;
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
    fprintf(stderr, "escape cc: no compiler given\n%s", usage);
    return 2;
  }
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
    printf("%s%s", usage, help);
    return 0;
  }
  /* `escape cc -c x.c`, as a Makefile's `escape $(CC)` with CC=cc gives:
   * an option where the compiler should be means cc is the compiler. */
  int compiler_at = argv[1][0] == '-' && strcmp(argv[0], "cc") == 0 ? 0 : 1;
  path_list command;
  path_list_init(&command);
  int result = build_command(argc - compiler_at, argv + compiler_at, &command);
  const char **args = result == 0 ? spawn_argv(&command) : NULL;
  if (args) {
    fflush(NULL);
    execvp(args[0], (char *const *)args);
    fprintf(stderr, "escape: error: cannot run '%s': %s\n", args[0],
            strerror(errno));
    result = 127;
  } else if (result == 0) {
    fprintf(stderr, "escape: error: out of memory\n");
    result = 2;
  }
  free(args);
  path_list_release(&command);
  return result;
}
