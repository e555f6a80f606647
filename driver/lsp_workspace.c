#define _GNU_SOURCE /* realpath, memmem */
#include "lsp_workspace.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "object_remarks.h"
#include "remark_load.h"
#include "scan_paths.h"

void lsp_workspace_init(lsp_workspace *ws, const char *build_dir) {
  memset(ws, 0, sizeof *ws);
  lsp_workspace_set_build_dir(ws, build_dir);
}

static void release_project(lsp_project *project) {
  if (!project)
    return;
  free(project->db_path);
  free(project->db_dir);
  free(project->signature);
  compile_db_release(&project->db);
  free(project);
}

void lsp_workspace_release(lsp_workspace *ws) {
  for (size_t i = 0; i < ws->project_count; i++)
    release_project(ws->projects[i]);
  free(ws->projects);
  for (size_t i = 0; i < ws->probe_count; i++)
    free(ws->probes[i].path);
  free(ws->probes);
  free(ws->build_dir);
  memset(ws, 0, sizeof *ws);
}

void lsp_workspace_set_build_dir(lsp_workspace *ws, const char *build_dir) {
  free(ws->build_dir);
  ws->build_dir = build_dir && *build_dir ? strdup(build_dir) : NULL;
}

void lsp_sources_init(lsp_sources *sources) {
  memset(sources, 0, sizeof *sources);
  path_list_init(&sources->paths);
  escape_strbuf_init(&sources->base);
  escape_strbuf_init(&sources->signature);
}

void lsp_sources_release(lsp_sources *sources) {
  path_list_release(&sources->paths);
  escape_strbuf_release(&sources->base);
  escape_strbuf_release(&sources->signature);
}

void lsp_workspace_absolute(const char *base, const char *name,
                            escape_strbuf *out) {
  scan_path_absolute(base && *base ? base : "/", name, out);
}

/* Appends "path:mtime:size;" (or "path:-;" when absent) to signature;
 * returns whether the file exists, with its mtime in ns and its size. */
static int sign_sized(const char *path, escape_strbuf *signature,
                      long long *mtime, long long *size) {
  struct stat st;
  if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
    escape_strbuf_addf(signature, "%s:-;", path);
    return 0;
  }
  long long ns =
      (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
  escape_strbuf_addf(signature, "%s:%lld:%lld;", path, ns,
                     (long long)st.st_size);
  if (mtime)
    *mtime = ns;
  if (size)
    *size = (long long)st.st_size;
  return 1;
}

static int sign(const char *path, escape_strbuf *signature, long long *mtime) {
  return sign_sized(path, signature, mtime, NULL);
}

/* object_remarks_present, remembered per object while it is unchanged. */
static int object_has_remarks(lsp_workspace *ws, const char *path,
                              long long mtime, long long size) {
  lsp_object_probe *probe = NULL;
  for (size_t i = 0; i < ws->probe_count && !probe; i++)
    if (strcmp(ws->probes[i].path, path) == 0)
      probe = &ws->probes[i];
  if (probe && probe->mtime == mtime && probe->size == size)
    return probe->present;
  int present = object_remarks_present(path);
  if (!probe) {
    lsp_object_probe *more =
        realloc(ws->probes, (ws->probe_count + 1) * sizeof *more);
    char *copy = strdup(path);
    if (more)
      ws->probes = more;
    if (!more || !copy) {
      free(copy);
      return present;
    }
    probe = &ws->probes[ws->probe_count++];
    probe->path = copy;
  }
  probe->mtime = mtime;
  probe->size = size;
  probe->present = present;
  return present;
}

/* The compile_commands.json for path: in the configured build directory,
 * else in path's directory or its build/, going up. */
static int find_database(const lsp_workspace *ws, const char *path,
                         escape_strbuf *db) {
  struct stat st;
  escape_strbuf_reset(db);
  if (ws->build_dir) {
    escape_strbuf_addstr(db, ws->build_dir);
    if (stat(ws->build_dir, &st) != 0 || S_ISDIR(st.st_mode))
      escape_strbuf_addstr(db, "/compile_commands.json");
    return stat(db->buf, &st) == 0 ? 0 : -1;
  }
  escape_strbuf dir;
  escape_strbuf_init(&dir);
  escape_strbuf_addstr(&dir, path);
  int found = -1;
  for (char *slash; found != 0 && (slash = strrchr(dir.buf, '/'));) {
    *slash = '\0';
    dir.len = (size_t)(slash - dir.buf);
    static const char *const names[] = {"/compile_commands.json",
                                        "/build/compile_commands.json"};
    for (size_t i = 0; i < 2 && found != 0; i++) {
      escape_strbuf_reset(db);
      escape_strbuf_addf(db, "%s%s", dir.buf, names[i]);
      if (stat(db->buf, &st) == 0 && S_ISREG(st.st_mode))
        found = 0;
    }
  }
  escape_strbuf_release(&dir);
  return found;
}

/* Loads (or reloads, when it changed) the database at db_path. */
static lsp_project *load_project(lsp_workspace *ws, const char *db_path,
                                 escape_strbuf *err) {
  escape_strbuf signature;
  escape_strbuf_init(&signature);
  sign(db_path, &signature, NULL);
  lsp_project *project = NULL;
  size_t slot = ws->project_count;
  for (size_t i = 0; i < ws->project_count; i++)
    if (strcmp(ws->projects[i]->db_path, db_path) == 0)
      slot = i;
  if (slot < ws->project_count &&
      strcmp(ws->projects[slot]->signature, signature.buf) == 0) {
    escape_strbuf_release(&signature);
    return ws->projects[slot];
  }
  project = calloc(1, sizeof *project);
  char *real = realpath(db_path, NULL);
  if (!project || !real || compile_db_load(db_path, &project->db, err) != 0) {
    free(real);
    free(project);
    escape_strbuf_release(&signature);
    return NULL;
  }
  *strrchr(real, '/') = '\0';
  project->db_dir = real;
  project->db_path = strdup(db_path);
  project->signature = escape_strbuf_detach(&signature);
  if (slot < ws->project_count) {
    release_project(ws->projects[slot]);
    ws->projects[slot] = project;
    return project;
  }
  lsp_project **more =
      realloc(ws->projects, (ws->project_count + 1) * sizeof *more);
  if (!more) {
    release_project(project);
    return NULL;
  }
  ws->projects = more;
  ws->projects[ws->project_count++] = project;
  return project;
}

/* The entry compiling path, with its directory made absolute in dir. */
static const compile_entry *find_entry(const lsp_project *project,
                                       const char *path, escape_strbuf *dir) {
  escape_strbuf source;
  escape_strbuf_init(&source);
  const compile_entry *found = NULL;
  for (size_t i = 0; i < project->db.count && !found; i++) {
    const compile_entry *entry = &project->db.entries[i];
    lsp_workspace_absolute(project->db_dir, entry->directory, dir);
    lsp_workspace_absolute(dir->buf, entry->file, &source);
    if (strcmp(source.buf, path) == 0)
      found = entry;
  }
  escape_strbuf_release(&source);
  return found;
}

/* The -o of an entry's arguments, or NULL. */
static const char *entry_output(const compile_entry *entry) {
  const path_list *args = &entry->arguments;
  for (size_t i = 1; i < args->count; i++) {
    if (strcmp(args->items[i], "-o") == 0 && i + 1 < args->count)
      return args->items[i + 1];
    if (strncmp(args->items[i], "-o", 2) == 0 && args->items[i][2])
      return args->items[i] + 2;
  }
  return NULL;
}

/* The YAML the plugin writes by default beside object: x.o -> x.escape.yaml */
static void yaml_beside(const char *object, escape_strbuf *yaml) {
  escape_strbuf_reset(yaml);
  escape_strbuf_addstr(yaml, object);
  char *slash = strrchr(yaml->buf, '/');
  char *dot = strrchr(yaml->buf, '.');
  if (dot && (!slash || dot > slash))
    yaml->len = (size_t)(dot - yaml->buf), *dot = '\0';
  escape_strbuf_addstr(yaml, ".escape.yaml");
}

/* The build's remark files for a compiled source; *newest their mtime. */
static int entry_sources(lsp_workspace *ws, const compile_entry *entry,
                         lsp_sources *out, long long *newest) {
  const char *output = entry_output(entry);
  if (!output)
    return 0;
  escape_strbuf object, yaml;
  escape_strbuf_init(&object);
  escape_strbuf_init(&yaml);
  lsp_workspace_absolute(out->base.buf, output, &object);
  yaml_beside(object.buf, &yaml);
  long long mtime = 0, size = 0;
  int result = 0;
  if (sign(yaml.buf, &out->signature, &mtime)) {
    result |= path_list_add(&out->paths, yaml.buf);
    *newest = mtime > *newest ? mtime : *newest;
  }
  if (sign_sized(object.buf, &out->signature, &mtime, &size) &&
      object_has_remarks(ws, object.buf, mtime, size)) {
    result |= path_list_add(&out->paths, object.buf);
    *newest = mtime > *newest ? mtime : *newest;
  }
  escape_strbuf_release(&object);
  escape_strbuf_release(&yaml);
  return result;
}

/* Every remark file under the database's directory, for a header: the
 * directory itself is the loader's input (objects found there may lack
 * the section), its files make the signature. */
static int directory_sources(const lsp_project *project, lsp_sources *out,
                             escape_strbuf *err) {
  escape_strbuf_addstr(&out->base, project->db_dir);
  path_list files;
  path_list_init(&files);
  int result = input_paths_expand(project->db_dir, &files, err);
  for (size_t i = 0; result == 0 && i < files.count; i++)
    sign(files.items[i], &out->signature, NULL);
  if (result == 0 && files.count > 0)
    result = path_list_add(&out->paths, project->db_dir);
  path_list_release(&files);
  return result;
}

int lsp_workspace_sources(lsp_workspace *ws, const char *path,
                          const char *rerun_yaml, lsp_sources *out,
                          escape_strbuf *err) {
  escape_strbuf db;
  escape_strbuf_init(&db);
  int found = find_database(ws, path, &db);
  const lsp_project *project = found == 0 ? load_project(ws, db.buf, err) : 0;
  escape_strbuf_release(&db);
  if (found != 0)
    return 0;
  if (!project)
    return -1;
  out->project = project;
  out->entry = find_entry(project, path, &out->base);
  if (!out->entry) {
    escape_strbuf_reset(&out->base);
    return directory_sources(project, out, err);
  }
  long long newest = 0, rerun_time = 0;
  if (entry_sources(ws, out->entry, out, &newest) != 0)
    return -1;
  if (rerun_yaml && sign(rerun_yaml, &out->signature, &rerun_time) &&
      rerun_time >= newest) {
    path_list_release(&out->paths);
    path_list_init(&out->paths);
    return path_list_add(&out->paths, rerun_yaml);
  }
  return 0;
}

/* Makes every file name of remark absolute, into a shallow view whose
 * names live in names (one buffer per name, args after the remark). */
static int absolute_view(const escape_remark *remark, const char *base,
                         escape_remark *view, escape_arg *args,
                         escape_strbuf *names) {
  *view = *remark;
  lsp_workspace_absolute(base, remark->loc.file, &names[0]);
  view->loc.file = names[0].buf;
  for (size_t i = 0; i < remark->arg_count; i++) {
    args[i] = remark->args[i];
    if (!args[i].loc.file)
      continue;
    lsp_workspace_absolute(base, args[i].loc.file, &names[i + 1]);
    args[i].loc.file = names[i + 1].buf;
  }
  view->args = args;
  return 0;
}

/* What the loader's keep callback needs: the remarks of one file (made
 * absolute against the compile's directory) that the filter shows. */
typedef struct file_filter {
  const char *base;
  const char *path;
  const lsp_remark_filter *filter; /* NULL: every remark of the file */
  escape_strbuf absolute;          /* scratch */
  escape_strbuf glanced;           /* the file name a glance found */
  char *last_file;                 /* the file name asked about last */
  int last_match;                  /* and whether it is path */
  int out_of_memory;
} file_filter;

/* Whether a remark's file name (as read) is path: remarks come in runs of
 * one file, so the last answer is remembered. */
static int is_the_file(file_filter *f, const char *file) {
  if (f->last_file && strcmp(f->last_file, file) == 0)
    return f->last_match;
  free(f->last_file);
  f->last_file = strdup(file);
  if (!f->last_file)
    f->out_of_memory = 1;
  escape_strbuf_reset(&f->absolute);
  lsp_workspace_absolute(f->base, file, &f->absolute);
  f->last_match = strcmp(f->absolute.buf, f->path) == 0;
  return f->last_match;
}

/* Loader callback: whether remark is about the file and shown. */
static int keep_remark(const escape_remark *remark, void *ctx) {
  file_filter *f = ctx;
  if (!remark->loc.file || !is_the_file(f, remark->loc.file))
    return 0;
  if (!f->filter || !f->filter->show)
    return 1;
  escape_remark view = *remark;
  view.loc.file = (char *)f->path;
  return f->filter->show(&view, f->filter->ctx);
}

/* The end of a single-quoted name at p (after its quote) without quotes
 * inside, or of a plain one (starting like a path, ending at ',' or '}');
 * NULL when the name is not written so plainly. */
static const char *plain_name_end(const char *p, const char *stop, int quoted) {
  const char *end = p;
  if (quoted) {
    while (end < stop && *end != '\'' && *end != '\n')
      end++;
    /* '' is an escaped quote: leave that to libyaml. */
    if (end + 1 >= stop || *end != '\'' || end[1] == '\'')
      return NULL;
    return end > p ? end : NULL;
  }
  while (end < stop &&
         ((*end >= 'a' && *end <= 'z') || (*end >= 'A' && *end <= 'Z') ||
          (*end >= '0' && *end <= '9') || *end == '/' || *end == '.' ||
          *end == '_' || *end == '-' || *end == '+'))
    end++;
  return end > p && end < stop && (*end == ',' || *end == '}') ? end : NULL;
}

/* The file of a remark document's own DebugLoc, from its text as LLVM
 * writes it: a line "DebugLoc: { File: NAME, ..." with NAME quoted or
 * plain. Into out; 0 when it is not written that plainly (or is absent). */
static int glance_file(const char *text, size_t len, escape_strbuf *out) {
  static const char key[] = "\nDebugLoc:";
  const char *stop = text + len;
  const char *p = memmem(text, len, key, sizeof key - 1);
  if (!p)
    return 0;
  for (p += sizeof key - 1; p < stop && *p == ' ';)
    p++;
  if (p == stop || *p++ != '{')
    return 0;
  while (p < stop && *p == ' ')
    p++;
  if (stop - p < 5 || memcmp(p, "File:", 5) != 0)
    return 0;
  for (p += 5; p < stop && *p == ' ';)
    p++;
  int quoted = p < stop && *p == '\'';
  const char *end = plain_name_end(p + quoted, stop, quoted);
  if (!end)
    return 0;
  escape_strbuf_add(out, p + quoted, (size_t)(end - p - quoted));
  return !out->failed;
}

/* Reader glance: a remark document whose own location is in another file
 * is not parsed; else the filter's glance decides. */
static int glance_remark(const char *text, size_t len, void *ctx) {
  file_filter *f = ctx;
  escape_strbuf_reset(&f->glanced);
  if (glance_file(text, len, &f->glanced) && !is_the_file(f, f->glanced.buf))
    return 0;
  return !f->filter || !f->filter->glance ||
         f->filter->glance(text, len, f->filter->ctx);
}

/* Adds the entries of all that are about path to set. */
static int keep_file(const remark_set *all, const char *base, const char *path,
                     remark_set *set) {
  size_t most = 0;
  for (size_t i = 0; i < all->count; i++)
    if (all->entries[i]->remark.arg_count > most)
      most = all->entries[i]->remark.arg_count;
  escape_arg *args = calloc(most + 1, sizeof *args);
  escape_strbuf *names = calloc(most + 1, sizeof *names);
  int result = args && names ? 0 : -1;
  for (size_t i = 0; names && i <= most; i++)
    escape_strbuf_init(&names[i]);
  for (size_t i = 0; i < all->count && result == 0; i++) {
    const remark_entry *entry = all->entries[i];
    if (!entry->remark.loc.file)
      continue;
    escape_remark view;
    absolute_view(&entry->remark, base, &view, args, names);
    if (strcmp(view.loc.file, path) == 0)
      result = remark_set_add(set, &view, entry->message, 0);
  }
  for (size_t i = 0; names && i <= most; i++)
    escape_strbuf_release(&names[i]);
  free(names);
  free(args);
  return result;
}

/* The directory of path, for the search of the project configuration. */
static char *directory_of(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? strndup(path, (size_t)(slash - path) + (slash == path))
               : strdup(".");
}

int lsp_workspace_load(const lsp_sources *sources, const char *path,
                       const lsp_remark_filter *filter, remark_set *set,
                       escape_strbuf *err) {
  if (sources->paths.count == 0)
    return remark_set_finish(set);
  /* The project's .escape.conf, found upward from the open file as the
   * driver finds it from its working directory: its include/exclude globs
   * and names decide what the editor shows, as they decide the reports. */
  project_config config;
  project_config_init(&config);
  char *dir = directory_of(path);
  int found = dir ? project_config_find(&config, dir, err) : -1;
  free(dir);
  if (found != 0) {
    if (!err->len)
      escape_strbuf_addf(err, "%s: error: out of memory", path);
    project_config_release(&config);
    return -1;
  }
  remark_set all;
  remark_set_init(&all);
  /* Suppressed remarks too: the `suppressed` setting shows them. */
  load_options options = {.jobs = 1, .suppressed = 1};
  options.config = &config;
  if (config.names.count)
    options.names = &config.names;
  file_filter keep = {
      .base = sources->base.buf, .path = path, .filter = filter};
  escape_strbuf_init(&keep.absolute);
  escape_strbuf_init(&keep.glanced);
  options.keep = keep_remark;
  options.keep_ctx = &keep;
  options.want_document = glance_remark;
  options.want_document_ctx = &keep;
  int result = remark_load(&sources->paths, &options, &all, err);
  if (result == 0 && keep.out_of_memory) {
    escape_strbuf_addf(err, "%s: error: out of memory", path);
    result = -1;
  }
  escape_strbuf_release(&keep.absolute);
  escape_strbuf_release(&keep.glanced);
  free(keep.last_file);
  if (result == 0 && keep_file(&all, sources->base.buf, path, set) != 0) {
    escape_strbuf_addf(err, "%s: error: out of memory", path);
    result = -1;
  }
  remark_set_release(&all);
  project_config_release(&config);
  if (result == 0 && remark_set_finish(set) != 0) {
    escape_strbuf_addf(err, "%s: error: out of memory", path);
    result = -1;
  }
  return result;
}
