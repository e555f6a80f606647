#define _POSIX_C_SOURCE 200809L
#include "remark_load.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "digest_set.h"
#include "error_report.h"
#include "escape/inline_remark.h"
#include "escape/remark_catalog.h"
#include "escape/remark_reader.h"
#include "escape/remark_section.h"
#include "escape/remark_sentence.h"
#include "load_inputs.h"
#include "name_demangle.h"
#include "object_remarks.h"
#include "suppression.h"

/* Files larger than this are split into ranges read by several threads;
 * smaller pieces would cost more in thread hand-offs than they gain. */
#define PIECE_MIN_BYTES (8ULL << 20)

/* One piece of work: documents starting in [begin, end) of one YAML
 * file, or every embedded stream of one object or archive. */
typedef struct load_unit {
  const load_input *input;
  size_t index; /* of the input: ranges of one file are one translation unit */
  unsigned long long begin;
  unsigned long long end; /* 0: to the end */
} load_unit;

/* The remarks of one translation unit as read by a unit: a YAML range, or
 * one embedded stream with its digest. */
typedef struct unit_piece {
  remark_set set;
  int embedded;
  uint64_t digest;
} unit_piece;

/* What a finished unit left for merging. */
typedef struct unit_result {
  int done;
  int status; /* 0, or -1 with err set */
  unit_piece *pieces;
  size_t piece_count;
  escape_strbuf err;
} unit_result;

/* State shared by the worker threads, guarded by lock. */
typedef struct load_state {
  const load_options *options;
  const load_unit *units;
  size_t unit_count;
  unit_result *results;
  pthread_mutex_t lock;
  size_t next_unit;   /* next unit to read */
  size_t next_merge;  /* next unit to merge, in order */
  size_t stop_after;  /* first failed unit: later ones are not started */
  int failed;         /* merging met a failed unit or ran out of memory */
  size_t tu;          /* translation units merged so far */
  size_t last_yaml;   /* index + 1 of the YAML input merged last, 0: none */
  digest_set streams; /* embedded streams merged so far */
  remark_set *set;
  escape_strbuf *err;
} load_state;

/* What the reader callback needs while reading one unit. */
typedef struct unit_reader {
  const load_options *options;
  remark_set *set;
  size_t input;
  escape_strbuf message;
  escape_remark converted; /* an inliner remark as escape's */
  escape_arg *args;        /* scratch for relative arg locations */
  size_t arg_alloc;
  escape_arg *shown; /* scratch for the args with names demangled */
  size_t shown_alloc;
  int out_of_memory;
} unit_reader;

const char *remark_load_relative(const char *path, const char *root) {
  if (!path)
    return NULL;
  /* "./x.h" (how clang names a header included from the current
   * directory) and "x.h" are one file. */
  while (path[0] == '.' && path[1] == '/' && path[2])
    path += 2;
  if (!root || !*root)
    return path;
  size_t len = strlen(root);
  while (len > 1 && root[len - 1] == '/')
    len--;
  if (strncmp(path, root, len) != 0 ||
      (path[len] != '/' && root[len - 1] != '/'))
    return path;
  const char *rest = path + len;
  while (*rest == '/')
    rest++;
  return *rest ? rest : path;
}

/* The reader's pass filter: ours, the inliners', or all of them. */
static int want_pass(const char *pass, void *ctx) {
  const load_options *options = ctx;
  return options->all_passes || strcmp(pass, ESCAPE_PASS_NAME) == 0 ||
         escape_inline_pass(pass);
}

static int name_selected(const string_list *names, const char *name) {
  if (!names || names->count == 0)
    return 1;
  for (size_t i = 0; i < names->count; i++)
    if (strcmp(names->items[i], name) == 0)
      return 1;
  return 0;
}

/* Maps an inliner remark onto escape's catalog and drops other passes'
 * remarks unless all passes were asked for. Returns the remark to keep,
 * NULL to skip it; sets out_of_memory on failure. */
static const escape_remark *translate(unit_reader *u,
                                      const escape_remark *remark) {
  if (escape_inline_pass(remark->pass)) {
    escape_remark_clear(&u->converted);
    int converted = escape_inline_remark_convert(remark, &u->converted);
    if (converted < 0)
      u->out_of_memory = 1;
    if (converted > 0)
      return &u->converted;
    return converted == 0 && u->options->all_passes ? remark : NULL;
  }
  if (!u->options->all_passes && strcmp(remark->pass, ESCAPE_PASS_NAME) != 0)
    return NULL;
  return remark;
}

/* Makes view a shallow copy of remark with file names relative to root. */
static int relative_view(unit_reader *u, const escape_remark *remark,
                         escape_remark *view) {
  const char *root = u->options->root;
  *view = *remark;
  view->loc.file = (char *)remark_load_relative(remark->loc.file, root);
  if (remark->arg_count == 0)
    return 0;
  if (remark->arg_count > u->arg_alloc) {
    escape_arg *args = realloc(u->args, remark->arg_count * sizeof *args);
    if (!args)
      return -1;
    u->args = args;
    u->arg_alloc = remark->arg_count;
  }
  for (size_t i = 0; i < remark->arg_count; i++) {
    u->args[i] = remark->args[i];
    u->args[i].loc.file =
        (char *)remark_load_relative(remark->args[i].loc.file, root);
  }
  view->args = u->args;
  return 0;
}

/* Whether path is a system header: the C library's, the compiler's own,
 * or the SDK's. */
static int system_header(const char *path) {
  static const char *const prefixes[] = {
      "/usr/include/", "/usr/local/include/", "/usr/lib/",
      "/usr/lib64/",   "/Library/Developer/", "/Applications/Xcode"};
  for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
    if (strncmp(path, prefixes[i], strlen(prefixes[i])) == 0)
      return 1;
  return 0;
}

/* A callee without a definition that is declared in a system header (libc,
 * libm, libstdc++): the plugin leaves these out because nothing can be
 * done about them, and so does the driver for LLVM's own remarks. */
static int unfixable(const escape_remark *remark) {
  const char *reason = escape_remark_arg(remark, ESCAPE_KEY_REASON);
  if (!reason ||
      strcmp(reason, escape_inline_reason_name(ESCAPE_INLINE_NO_DEFINITION)))
    return 0;
  for (size_t i = 0; i < remark->arg_count; i++)
    if (strcmp(remark->args[i].key, ESCAPE_KEY_CALLEE) == 0)
      return remark->args[i].loc.file &&
             system_header(remark->args[i].loc.file);
  return 0;
}

/* Builds u->message from remark with its C++ names demangled (the remark
 * itself keeps the mangled names: they are its identity). */
static int build_message(unit_reader *u, const escape_remark *remark) {
  escape_strbuf_reset(&u->message);
  if (remark->arg_count > u->shown_alloc) {
    escape_arg *shown = realloc(u->shown, remark->arg_count * sizeof *shown);
    if (!shown)
      return -1;
    u->shown = shown;
    u->shown_alloc = remark->arg_count;
  }
  escape_remark view = *remark;
  view.args = remark->arg_count ? u->shown : NULL;
  view.function = name_demangle(remark->function);
  if (!view.function)
    view.function = remark->function;
  for (size_t i = 0; i < remark->arg_count; i++) {
    u->shown[i] = remark->args[i];
    char *demangled = name_demangle(remark->args[i].value);
    if (demangled)
      u->shown[i].value = demangled;
  }
  escape_remark_message(&view, &u->message);
  for (size_t i = 0; i < remark->arg_count; i++)
    if (u->shown[i].value != remark->args[i].value)
      free(u->shown[i].value);
  if (view.function != remark->function)
    free(view.function);
  return u->message.failed ? -1 : 0;
}

/* A Definition record (remark_join.h): no finding, so no filter but the
 * assertions view leaves it out; the join needs every one. */
static int join_record(const load_options *options,
                       const escape_remark *remark) {
  return !options->assertions && remark->pass && remark->name &&
         strcmp(remark->pass, ESCAPE_PASS_NAME) == 0 &&
         strcmp(remark->name, ESCAPE_DEFINITION_NAME) == 0;
}

/* Whether the options leave remark out. */
static int filtered_out(const load_options *options,
                        const escape_remark *remark) {
  if (join_record(options, remark))
    return 0;
  return unfixable(remark) || !name_selected(options->names, remark->name) ||
         (options->hot_only && !remark->has_hotness &&
          remark_loop_depth(remark) == 0) ||
         !remark_in_view(remark, options->suppressed, options->assertions);
}

/* Reader callback: translates, filters and records one remark. */
static int take_remark(const escape_remark *read, void *data) {
  unit_reader *u = data;
  const escape_remark *remark = translate(u, read);
  if (!remark)
    return u->out_of_memory;
  if (filtered_out(u->options, remark))
    return 0;
  escape_remark view;
  if (relative_view(u, remark, &view) != 0) {
    u->out_of_memory = 1;
    return 1;
  }
  if (!join_record(u->options, remark) &&
      !project_config_selects(u->options->config, u->options->include,
                              u->options->exclude, view.loc.file))
    return 0;
  if (u->options->keep && !u->options->keep(&view, u->options->keep_ctx))
    return 0;
  if (build_message(u, remark) != 0 ||
      remark_set_add(u->set, &view, u->message.buf, u->input) != 0) {
    u->out_of_memory = 1;
    return 1;
  }
  return 0;
}

/* Appends an empty piece to result; NULL when out of memory. */
static unit_piece *add_piece(unit_result *result) {
  unit_piece *pieces = realloc(result->pieces, (result->piece_count + 1) *
                                                   sizeof *result->pieces);
  if (!pieces)
    return NULL;
  result->pieces = pieces;
  unit_piece *piece = &pieces[result->piece_count++];
  memset(piece, 0, sizeof *piece);
  remark_set_init(&piece->set);
  return piece;
}

static void release_pieces(unit_result *result) {
  for (size_t i = 0; i < result->piece_count; i++)
    remark_set_release(&result->pieces[i].set);
  free(result->pieces);
  result->pieces = NULL;
  result->piece_count = 0;
}

/* What the object callback needs: each stream becomes its own piece. */
typedef struct object_unit {
  unit_reader *reader;
  unit_result *result;
  const escape_read_options *read_options;
} object_unit;

/* Object callback: reads one embedded stream into a new piece. */
static int take_stream(const char *name, const char *yaml, size_t len,
                       unsigned record, void *data) {
  (void)record;
  object_unit *o = data;
  unit_piece *piece = add_piece(o->result);
  if (!piece) {
    o->reader->out_of_memory = 1;
    return 1;
  }
  piece->embedded = 1;
  piece->digest = escape_remark_section_digest(yaml, len);
  o->reader->set = &piece->set;
  return escape_remark_read_buffer_with(name, yaml, len, o->read_options,
                                        take_remark, o->reader,
                                        &o->result->err);
}

/* Reads the embedded streams of an object or archive; one named on the
 * command line must have some. */
static int read_object(unit_reader *u, const load_unit *unit,
                       const escape_read_options *read_options,
                       unit_result *result) {
  object_unit o = {u, result, read_options};
  object_remarks_info info;
  int status = object_remarks_read(unit->input->path, take_stream, &o, &info,
                                   &result->err);
  if (status == 0 && info.with_section == 0 && unit->input->named) {
    object_remarks_missing(unit->input->path, &info, &result->err);
    status = -1;
  }
  return status;
}

/* Reads one range of a YAML file into one piece. */
static int read_yaml(unit_reader *u, const load_unit *unit,
                     const escape_read_options *read_options,
                     unit_result *result) {
  unit_piece *piece = add_piece(result);
  if (!piece) {
    u->out_of_memory = 1;
    return 1;
  }
  u->set = &piece->set;
  return escape_remark_read_file_with(unit->input->path, read_options,
                                      take_remark, u, &result->err);
}

/* Reads one unit into result. */
static void read_unit(const load_options *options, const load_unit *unit,
                      unit_result *result) {
  unit_reader u = {.options = options, .input = unit->index};
  escape_strbuf_init(&u.message);
  escape_remark_init(&u.converted);
  escape_read_options read_options = {options->all_passes ? NULL : want_pass,
                                      (void *)options,
                                      unit->begin,
                                      unit->end,
                                      options->want_document,
                                      options->want_document_ctx};
  int status = unit->input->object
                   ? read_object(&u, unit, &read_options, result)
                   : read_yaml(&u, unit, &read_options, result);
  if (u.out_of_memory)
    escape_strbuf_addf(&result->err, "%s: error: out of memory",
                       unit->input->path);
  result->status = status != 0 || u.out_of_memory ? -1 : 0;
  escape_remark_clear(&u.converted);
  escape_strbuf_release(&u.message);
  free(u.args);
  free(u.shown);
}

/* Merges one piece as the next translation unit, unless it is an embedded
 * stream already merged from another file (x.o and lib.a's copy of it).
 * Called with the lock held. */
static void merge_piece(load_state *state, const load_unit *unit,
                        unit_piece *piece) {
  if (piece->embedded) {
    int added = digest_set_add(&state->streams, piece->digest);
    if (added == 0)
      return;
    state->failed = added < 0;
    state->tu++;
    state->last_yaml = 0;
  } else if (state->last_yaml != unit->index + 1) {
    state->tu++;
    state->last_yaml = unit->index + 1;
  }
  if (state->failed ||
      remark_set_merge(state->set, &piece->set, state->tu) != 0) {
    escape_strbuf_addf(state->err, "%s: error: out of memory",
                       unit->input->path);
    state->failed = 1;
  }
}

/* Merges the finished units that are next in order; called with the lock
 * held. Merging in order keeps translation-unit counts exact when one
 * file was split into several units, and the report the same whichever
 * thread finished first. */
static void merge_ready(load_state *state) {
  while (!state->failed && state->next_merge < state->unit_count &&
         state->results[state->next_merge].done) {
    unit_result *result = &state->results[state->next_merge];
    const load_unit *unit = &state->units[state->next_merge];
    if (result->status != 0) {
      escape_strbuf_addstr(state->err, result->err.buf);
      state->failed = 1;
    }
    for (size_t i = 0; i < result->piece_count && !state->failed; i++)
      merge_piece(state, unit, &result->pieces[i]);
    release_pieces(result);
    escape_strbuf_release(&result->err);
    state->next_merge++;
  }
}

static void *worker(void *data) {
  load_state *state = data;
  for (;;) {
    pthread_mutex_lock(&state->lock);
    size_t u = state->next_unit;
    int go = u < state->unit_count && u <= state->stop_after && !state->failed;
    if (go)
      state->next_unit++;
    pthread_mutex_unlock(&state->lock);
    if (!go)
      return NULL;
    unit_result result = {0};
    escape_strbuf_init(&result.err);
    read_unit(state->options, &state->units[u], &result);
    pthread_mutex_lock(&state->lock);
    result.done = 1;
    state->results[u] = result;
    if (result.status != 0 && u < state->stop_after)
      state->stop_after = u;
    merge_ready(state);
    pthread_mutex_unlock(&state->lock);
  }
}

static unsigned thread_count(const load_options *options, size_t units) {
  long online = sysconf(_SC_NPROCESSORS_ONLN);
  unsigned jobs =
      options->jobs ? options->jobs : (unsigned)(online > 0 ? online : 1);
  if (jobs > units)
    jobs = (unsigned)units;
  return jobs ? jobs : 1;
}

/* Runs the workers over the units; the calling thread is one of them. */
static int run_units(load_state *state, unsigned threads) {
  pthread_t *ids = calloc(threads, sizeof *ids);
  if (!ids)
    return -1;
  unsigned started = 0;
  for (; started + 1 < threads; started++)
    if (pthread_create(&ids[started], NULL, worker, state) != 0)
      break; /* fewer threads still finish the work */
  worker(state);
  for (unsigned i = 0; i < started; i++)
    pthread_join(ids[i], NULL);
  free(ids);
  return 0;
}

/* Appends the units of one file: one, or ranges of a large regular file. */

/* Appends the units of one input: one, or ranges of a large YAML file. */
static int add_units(load_unit **units, size_t *count, size_t *alloc,
                     const load_input *input, size_t index, unsigned jobs) {
  struct stat st;
  unsigned long long size = 0;
  if (!input->object && strcmp(input->path, "-") != 0 &&
      stat(input->path, &st) == 0 && S_ISREG(st.st_mode))
    size = (unsigned long long)st.st_size;
  unsigned long long pieces = jobs > 1 ? size / PIECE_MIN_BYTES : 0;
  if (pieces > 4ULL * jobs)
    pieces = 4ULL * jobs;
  if (pieces == 0)
    pieces = 1;
  if (*count + pieces > *alloc) {
    size_t grown = 2 * (*count + pieces);
    load_unit *more = realloc(*units, grown * sizeof *more);
    if (!more)
      return -1;
    *units = more;
    *alloc = grown;
  }
  for (unsigned long long i = 0; i < pieces; i++) {
    load_unit unit = {input, index, size * i / pieces,
                      i + 1 == pieces ? 0 : size * (i + 1) / pieces};
    (*units)[(*count)++] = unit;
  }
  return 0;
}

/* Reads the inputs (already expanded) into set. */
static int load_files(const load_input_list *inputs,
                      const load_options *options, remark_set *set,
                      size_t *tu_count, escape_strbuf *err) {
  unsigned jobs = thread_count(options, (size_t)-1);
  load_unit *units = NULL;
  size_t count = 0, alloc = 0;
  for (size_t i = 0; i < inputs->count; i++)
    if (add_units(&units, &count, &alloc, &inputs->items[i], i, jobs) != 0) {
      free(units);
      escape_strbuf_addf(err, "%s: error: out of memory",
                         inputs->items[i].path);
      return -1;
    }
  load_state state = {.options = options,
                      .units = units,
                      .unit_count = count,
                      .stop_after = (size_t)-1,
                      .set = set,
                      .err = err};
  digest_set_init(&state.streams);
  state.results = calloc(count ? count : 1, sizeof *state.results);
  int result = state.results ? 0 : -1;
  if (result == 0) {
    pthread_mutex_init(&state.lock, NULL);
    result = run_units(&state, thread_count(options, count));
    pthread_mutex_destroy(&state.lock);
  }
  if (result != 0 && !state.failed)
    escape_strbuf_addstr(err, "error: out of memory");
  result = result != 0 || state.failed ? -1 : 0;
  if (result == 0)
    *tu_count = state.tu;
  /* Units read after a failure were never merged. */
  for (size_t i = state.next_merge; state.results && i < count; i++) {
    release_pieces(&state.results[i]);
    escape_strbuf_release(&state.results[i].err);
  }
  digest_set_release(&state.streams);
  free(state.results);
  free(units);
  return result;
}

/* The error of paths that held no remark file at all: a build without
 * the plugin, at -O0, or the wrong directory, never "0 remarks". */
static void no_remark_files(const string_list *paths, escape_strbuf *err) {
  escape_strbuf names;
  escape_strbuf_init(&names);
  for (size_t i = 0; i < paths->count; i++)
    escape_strbuf_addf(&names, "%s%s", i ? ", " : "", paths->items[i]);
  escape_strbuf_addf(err,
                     "%s: error: no remark files under %s — built with the "
                     "plugin, at -O1 or higher?",
                     paths->count ? paths->items[0] : ".",
                     names.failed ? "the inputs" : names.buf);
  escape_strbuf_release(&names);
}

int remark_load(const string_list *paths, const load_options *options,
                remark_set *set, escape_strbuf *err) {
  load_input_list inputs;
  size_t tu_count = 0;
  int result = load_inputs_expand(paths, &inputs, err);
  if (result == 0)
    result = load_files(&inputs, options, set, &tu_count, err);
  if (result == 0 && tu_count == 0) {
    no_remark_files(paths, err);
    result = -1;
  }
  load_inputs_release(&inputs);
  return result;
}

int remark_load_finished(const string_list *paths, const load_options *options,
                         remark_set *set, FILE *err) {
  escape_strbuf message;
  escape_strbuf_init(&message);
  int result = 0;
  if (remark_load(paths, options, set, &message) != 0)
    result = error_input(err, message.buf);
  else if (remark_set_finish(set) != 0)
    result = error_out_of_memory(err);
  escape_strbuf_release(&message);
  return result;
}
