#define _XOPEN_SOURCE 700 /* realpath, strndup, mkdtemp */
#include "compiler_id.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "spawn.h"

static const char *base_name(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

/* Parses "-19" or "-19.1" (the version suffix of clang-19); 0 if not one. */
static int version_suffix(const char *rest) {
  if (rest[0] != '-' || !isdigit((unsigned char)rest[1]))
    return 0;
  char *end;
  long major = strtol(rest + 1, &end, 10);
  if (*end != '\0' && *end != '.')
    return 0;
  return major > 0 && major < 1000 ? (int)major : 0;
}

compiler_info compiler_from_name(const char *name) {
  const char *base = base_name(name);
  compiler_info info = {COMPILER_UNKNOWN, 0, strstr(base, "++") != NULL};
  if (strncmp(base, "clang", 5) == 0) {
    const char *rest = base + 5 + (strncmp(base + 5, "++", 2) == 0 ? 2 : 0);
    /* clang-cl, clang-tidy, clang-format... are not gcc-style drivers. */
    if (*rest == '\0' || version_suffix(rest)) {
      info.kind = COMPILER_CLANG;
      info.major = version_suffix(rest);
    }
  } else if (strstr(base, "gcc") || strstr(base, "g++")) {
    info.kind = COMPILER_GCC;
  }
  return info;
}

int compiler_is_launcher(const char *name) {
  static const char *const launchers[] = {"ccache", "sccache", "distcc",
                                          "icecc",  "escape",  NULL};
  const char *base = base_name(name);
  for (const char *const *p = launchers; *p; p++)
    if (strcmp(base, *p) == 0)
      return 1;
  return 0;
}

int compiler_launcher_traits(const char *name) {
  const char *base = base_name(name);
  if (strcmp(base, "ccache") == 0 || strcmp(base, "sccache") == 0)
    return LAUNCHER_LOSES_SIDE_FILES;
  if (strcmp(base, "distcc") == 0 || strcmp(base, "icecc") == 0)
    return LAUNCHER_LOSES_SIDE_FILES | LAUNCHER_COMPILES_REMOTELY;
  return 0;
}

int compiler_name_is_compiler(const char *name) {
  const char *base = base_name(name);
  if (compiler_is_launcher(name) || strncmp(base, "clang", 5) == 0 ||
      strstr(base, "gcc") || strstr(base, "g++") || strcmp(base, "cc") == 0 ||
      strcmp(base, "c++") == 0)
    return 1;
  struct stat st;
  return strchr(name, '/') && stat(name, &st) == 0 && S_ISREG(st.st_mode) &&
         access(name, X_OK) == 0;
}

compiler_info compiler_from_version_text(const char *text, int cxx) {
  compiler_info info = {COMPILER_UNKNOWN, 0, cxx};
  const char *clang = strstr(text, "clang version ");
  if (clang) {
    info.kind = COMPILER_CLANG;
    info.major = atoi(clang + strlen("clang version "));
  } else if (strstr(text, "Free Software Foundation") || strstr(text, "gcc") ||
             strstr(text, "(GCC)")) {
    info.kind = COMPILER_GCC;
  }
  return info;
}

char *compiler_find(const char *command) {
  if (strchr(command, '/'))
    return realpath(command, NULL);
  const char *path = getenv("PATH");
  escape_strbuf candidate;
  escape_strbuf_init(&candidate);
  char *found = NULL;
  for (const char *dir = path; dir && !found;) {
    const char *end = strchr(dir, ':');
    size_t len = end ? (size_t)(end - dir) : strlen(dir);
    escape_strbuf_reset(&candidate);
    if (len)
      escape_strbuf_add(&candidate, dir, len);
    else
      escape_strbuf_addch(&candidate, '.'); /* an empty entry is "." */
    escape_strbuf_addf(&candidate, "/%s", command);
    if (access(candidate.buf, X_OK) == 0)
      found = realpath(candidate.buf, NULL);
    dir = end ? end + 1 : NULL;
  }
  escape_strbuf_release(&candidate);
  return found;
}

/* Debian and Ubuntu install clang-N as /usr/lib/llvm-N/bin/clang. */
static int llvm_dir_version(const char *real) {
  const char *llvm = strstr(real, "/llvm-");
  if (!llvm)
    return 0;
  char *end;
  long major = strtol(llvm + 6, &end, 10);
  return *end == '/' && major > 0 && major < 1000 ? (int)major : 0;
}

/* The cache file for --version results, or NULL when there is no home. */
static char *cache_path(void) {
  escape_strbuf path;
  escape_strbuf_init(&path);
  const char *xdg = getenv("XDG_CACHE_HOME");
  const char *home = getenv("HOME");
  if (xdg && *xdg)
    escape_strbuf_addf(&path, "%s/escape", xdg);
  else if (home && *home)
    escape_strbuf_addf(&path, "%s/.cache/escape", home);
  else
    return NULL;
  return escape_strbuf_detach(&path);
}

/* Looks real (with its mtime and size) up in the cache. */
static int cache_lookup(const char *file, const char *key,
                        compiler_info *info) {
  FILE *in = fopen(file, "r");
  if (!in)
    return 0;
  char line[4352];
  int found = 0;
  size_t key_len = strlen(key);
  while (!found && fgets(line, sizeof line, in)) {
    int kind, major;
    if (strncmp(line, key, key_len) == 0 && line[key_len] == ' ' &&
        sscanf(line + key_len, " %d %d", &kind, &major) == 2) {
      info->kind = (compiler_kind)kind;
      info->major = major;
      found = 1;
    }
  }
  fclose(in);
  return found;
}

/* Appends one line; a single small write, so parallel launchers do not
 * interleave (O_APPEND). A cache that cannot be written is only slower. */
static void cache_store(const char *dir, const char *file, const char *key,
                        const compiler_info *info) {
  char *parent =
      strrchr(dir, '/') ? strndup(dir, strrchr(dir, '/') - dir) : NULL;
  if (parent)
    mkdir(parent, 0777);
  free(parent);
  mkdir(dir, 0777);
  FILE *out = fopen(file, "a");
  if (!out)
    return;
  fprintf(out, "%s %d %d\n", key, (int)info->kind, info->major);
  fclose(out);
}

/* Runs `real --version` once per binary (keyed by path, mtime and size). */
static compiler_info probe_version(const char *real, int cxx) {
  compiler_info info = {COMPILER_UNKNOWN, 0, cxx};
  struct stat st;
  if (stat(real, &st) != 0)
    return info;
  escape_strbuf key, file;
  escape_strbuf_init(&key);
  escape_strbuf_init(&file);
  escape_strbuf_addf(&key, "%s %lld %lld", real, (long long)st.st_mtime,
                     (long long)st.st_size);
  char *dir = cache_path();
  if (dir)
    escape_strbuf_addf(&file, "%s/compilers", dir);
  if (!dir || !cache_lookup(file.buf, key.buf, &info)) {
    escape_strbuf text;
    escape_strbuf_init(&text);
    const char *argv[] = {real, "--version", NULL};
    if (spawn_capture(argv, 4096, &text) == 0) {
      info = compiler_from_version_text(text.buf, cxx);
      if (dir)
        cache_store(dir, file.buf, key.buf, &info);
    }
    escape_strbuf_release(&text);
  }
  free(dir);
  escape_strbuf_release(&key);
  escape_strbuf_release(&file);
  return info;
}

compiler_info compiler_identify(const char *command) {
  compiler_info info = compiler_from_name(command);
  if (info.kind == COMPILER_GCC || (info.kind == COMPILER_CLANG && info.major))
    return info;
  char *real = compiler_find(command);
  if (!real)
    return info;
  compiler_info resolved = compiler_from_name(real);
  resolved.cxx = info.cxx;
  if (resolved.kind == COMPILER_CLANG && !resolved.major)
    resolved.major = llvm_dir_version(real);
  if (resolved.kind == COMPILER_GCC || resolved.major)
    info = resolved;
  else
    info = probe_version(real, info.cxx);
  free(real);
  return info;
}
