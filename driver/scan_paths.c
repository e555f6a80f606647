#define _POSIX_C_SOURCE 200809L
#include "scan_paths.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

/* Appends one path component, resolving "." and "..". */
static void add_component(escape_strbuf *out, const char *name, size_t len) {
  if (len == 0 || (len == 1 && name[0] == '.'))
    return;
  if (len == 2 && name[0] == '.' && name[1] == '.') {
    char *slash = strrchr(out->buf, '/');
    if (slash)
      out->len = (size_t)(slash - out->buf), *slash = '\0';
    return;
  }
  escape_strbuf_addch(out, '/');
  escape_strbuf_add(out, name, len);
}

static void add_components(escape_strbuf *out, const char *path) {
  while (*path) {
    size_t len = strcspn(path, "/");
    add_component(out, path, len);
    path += len;
    path += strspn(path, "/");
  }
}

void scan_path_absolute(const char *dir, const char *path, escape_strbuf *out) {
  escape_strbuf_reset(out);
  if (path[0] != '/')
    add_components(out, dir);
  add_components(out, path);
  if (out->len == 0)
    escape_strbuf_addch(out, '/');
}

const char *scan_path_relative(const char *base, const char *source) {
  size_t len = strlen(base);
  if (len > 1 && strncmp(source, base, len) == 0 && source[len] == '/')
    return source + len + 1;
  return source[0] == '/' ? source + 1 : source;
}

void scan_yaml_path(const char *out_dir, const char *relative, unsigned variant,
                    escape_strbuf *out) {
  escape_strbuf_reset(out);
  escape_strbuf_addf(out, "%s/", out_dir);
  size_t start = out->len;
  escape_strbuf_addstr(out, relative);
  char *slash = strrchr(out->buf + start, '/');
  char *dot = strrchr(out->buf + start, '.');
  /* Only an extension of the file name, not a dot in a directory. */
  if (dot && (!slash || dot > slash) && dot > out->buf + start &&
      dot[-1] != '/')
    out->len = (size_t)(dot - out->buf), *dot = '\0';
  if (variant)
    escape_strbuf_addf(out, ".%u", variant);
  escape_strbuf_addstr(out, ".escape.yaml");
}

int scan_make_parents(const char *path) {
  escape_strbuf dir;
  escape_strbuf_init(&dir);
  escape_strbuf_addstr(&dir, path);
  int result = dir.failed ? -1 : 0;
  for (char *p = dir.buf + 1; result == 0 && (p = strchr(p, '/')); p++) {
    *p = '\0';
    if (mkdir(dir.buf, 0777) != 0 && errno != EEXIST)
      result = -1;
    *p = '/';
  }
  escape_strbuf_release(&dir);
  return result;
}
