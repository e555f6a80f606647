/* Where escape scan puts things: absolute source paths, the YAML file of
 * each translation unit under the output directory (mirroring the source
 * tree), and the directories they need. */
#ifndef ESCAPE_DRIVER_SCAN_PATHS_H
#define ESCAPE_DRIVER_SCAN_PATHS_H

#include "escape/strbuf.h"

/* Writes path resolved against dir (path kept when absolute) to out,
 * with "." and ".." removed lexically (the file need not exist). */
void scan_path_absolute(const char *dir, const char *path, escape_strbuf *out);

/* The name to show and mirror for the absolute source: relative to base
 * when below it, else the absolute path without its leading '/'. */
const char *scan_path_relative(const char *base, const char *source);

/* Writes OUT_DIR/RELATIVE with the source extension replaced by
 * ".escape.yaml" (src/a.c -> OUT_DIR/src/a.escape.yaml) to out; a
 * nonzero variant (the same file compiled twice) adds ".N". */
void scan_yaml_path(const char *out_dir, const char *relative, unsigned variant,
                    escape_strbuf *out);

/* Creates path's parent directories as needed (mkdir -p of dirname);
 * returns 0, or -1 with errno set. */
int scan_make_parents(const char *path);

#endif
