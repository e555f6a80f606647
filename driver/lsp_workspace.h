/* Where an open file's remarks come from: its compile_commands.json (a
 * configured build directory, or searched like clangd does: from the
 * file's directory upward, in each directory and its build/), the entry
 * that compiles it, the remark files that compile leaves (S.escape.yaml
 * beside the object, the object's embedded section), and for files that no
 * entry compiles (headers) every remark file of the build directory. The
 * remarks are read with the driver's loader and kept only for the file
 * asked for, so memory is bounded by the open files' remarks. */
#ifndef ESCAPE_DRIVER_LSP_WORKSPACE_H
#define ESCAPE_DRIVER_LSP_WORKSPACE_H

#include "compile_db.h"
#include "escape/strbuf.h"
#include "input_paths.h"
#include "remark_set.h"

/* One compile_commands.json, loaded. */
typedef struct lsp_project {
  char *db_path;
  char *db_dir;    /* absolute directory of the database */
  char *signature; /* its stat signature when loaded */
  compile_db db;
} lsp_project;

/* Whether an object had an embedded remark section when it had this
 * mtime and size: the answer costs an ELF read, and the sources of an
 * open file are looked up on every publish and poll. */
typedef struct lsp_object_probe {
  char *path;
  long long mtime, size;
  int present;
} lsp_object_probe;

typedef struct lsp_workspace {
  char *build_dir; /* configured (--build-dir, initializationOptions), or
                      NULL: searched */
  lsp_project **projects;
  size_t project_count;
  lsp_object_probe *probes; /* one per object asked about */
  size_t probe_count;
} lsp_workspace;

/* The remark files of one source and what they were read relative to. */
typedef struct lsp_sources {
  path_list paths;         /* remark files and objects that exist */
  escape_strbuf base;      /* directory relative file names are resolved in */
  escape_strbuf signature; /* stat signature of every candidate */
  const compile_entry *entry; /* the entry compiling it, or NULL */
  const lsp_project *project; /* NULL: no compile_commands.json found */
} lsp_sources;

/* Initializes a workspace; build_dir may be NULL. */
void lsp_workspace_init(lsp_workspace *ws, const char *build_dir);

/* Frees the loaded databases. */
void lsp_workspace_release(lsp_workspace *ws);

/* Sets the configured build directory (NULL: search). */
void lsp_workspace_set_build_dir(lsp_workspace *ws, const char *build_dir);

/* Initializes an empty source list. */
void lsp_sources_init(lsp_sources *sources);

/* Frees the lists. */
void lsp_sources_release(lsp_sources *sources);

/* Finds the remark files of path (absolute). rerun_yaml, when not NULL, is
 * a fresher YAML of its translation unit from a background compile: it is
 * taken instead of the build's files when it is newer than all of them.
 * Returns 0, or -1 with why in err (a malformed compile_commands.json). */
int lsp_workspace_sources(lsp_workspace *ws, const char *path,
                          const char *rerun_yaml, lsp_sources *out,
                          escape_strbuf *err);

/* Which remarks of a file are wanted. */
typedef struct lsp_remark_filter {
  /* Whether a remark of the file is wanted (its location is the file's
   * absolute path; its args' locations are as read). */
  int (*show)(const escape_remark *remark, void *ctx);
  /* A quick look at a remark's YAML text before it is parsed: 0 when it
   * cannot be wanted (remark_reader.h's want_document); may be NULL. */
  int (*glance)(const char *text, size_t len, void *ctx);
  void *ctx;
} lsp_remark_filter;

/* Reads the sources' remarks about path that filter wants (NULL: all)
 * into set (finished: sorted), with every file name made absolute. The
 * other remarks are dropped as they are read, before they are copied, and
 * most are not even parsed: those whose location, read from the text, is
 * in another file, and those the filter's glance turns down.
 * Returns 0, or -1 with "FILE:LINE: error: ..." in err for an unreadable
 * or malformed file. */
int lsp_workspace_load(const lsp_sources *sources, const char *path,
                       const lsp_remark_filter *filter, remark_set *set,
                       escape_strbuf *err);

/* Writes name resolved against base when relative, "." and ".." removed. */
void lsp_workspace_absolute(const char *base, const char *name,
                            escape_strbuf *out);

#endif
