#define _POSIX_C_SOURCE 200809L
#include "compile_db.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "shell_words.h"

/* A string member of entry, or NULL. */
static const char *string_member(json_t *entry, const char *key) {
  return json_string_value(json_object_get(entry, key));
}

/* Fills arguments from the "arguments" array; returns 0 or -1 with why. */
static int read_arguments(json_t *array, string_list *arguments,
                          escape_strbuf *why) {
  size_t index;
  json_t *value;
  json_array_foreach(array, index, value) {
    const char *word = json_string_value(value);
    if (!word) {
      escape_strbuf_addf(why, "\"arguments\"[%zu] is not a string", index);
      return -1;
    }
    if (string_list_add(arguments, word) != 0) {
      escape_strbuf_addstr(why, "out of memory");
      return -1;
    }
  }
  return 0;
}

/* Fills one entry from its JSON object; returns 0 or -1 with why. */
static int read_entry(json_t *object, compile_entry *entry,
                      escape_strbuf *why) {
  const char *directory = string_member(object, "directory");
  const char *file = string_member(object, "file");
  json_t *arguments = json_object_get(object, "arguments");
  const char *command = string_member(object, "command");
  if (!json_is_object(object))
    escape_strbuf_addstr(why, "not an object");
  else if (!directory)
    escape_strbuf_addstr(why, "no \"directory\" string");
  else if (!file)
    escape_strbuf_addstr(why, "no \"file\" string");
  else if (!json_is_array(arguments) && !command)
    escape_strbuf_addstr(why, "neither an \"arguments\" array nor a "
                              "\"command\" string");
  if (why->len)
    return -1;
  entry->directory = strdup(directory);
  entry->file = strdup(file);
  if (!entry->directory || !entry->file) {
    escape_strbuf_addstr(why, "out of memory");
    return -1;
  }
  int result = json_is_array(arguments)
                   ? read_arguments(arguments, &entry->arguments, why)
                   : shell_words_split(command, &entry->arguments, why);
  if (result == 0 && entry->arguments.count == 0) {
    escape_strbuf_addstr(why, "empty command");
    result = -1;
  }
  return result;
}

/* Fills db from the parsed array; returns 0 or -1 with err set. */
static int read_entries(const char *path, json_t *root, compile_db *db,
                        escape_strbuf *err) {
  if (!json_is_array(root)) {
    escape_strbuf_addf(err, "%s: error: not a JSON array of compile commands",
                       path);
    return -1;
  }
  size_t count = json_array_size(root);
  db->entries = calloc(count ? count : 1, sizeof *db->entries);
  if (!db->entries) {
    escape_strbuf_addf(err, "%s: error: out of memory", path);
    return -1;
  }
  escape_strbuf why;
  escape_strbuf_init(&why);
  int result = 0;
  for (size_t i = 0; i < count && result == 0; i++) {
    compile_entry *entry = &db->entries[db->count++];
    string_list_init(&entry->arguments);
    result = read_entry(json_array_get(root, i), entry, &why);
    if (result != 0)
      escape_strbuf_addf(err, "%s: error: entry %zu: %s", path, i + 1, why.buf);
  }
  escape_strbuf_release(&why);
  return result;
}

int compile_db_load(const char *path, compile_db *db, escape_strbuf *err) {
  db->entries = NULL;
  db->count = 0;
  json_error_t error;
  /* JSON_DECODE_ANY lets a top-level non-array parse, so that the error
   * says what is wrong rather than "expected array". */
  json_t *root = json_load_file(path, JSON_DECODE_ANY, &error);
  if (!root) {
    if (error.line > 0)
      escape_strbuf_addf(err, "%s:%d: error: %s", path, error.line, error.text);
    else
      escape_strbuf_addf(err, "%s: error: %s", path, error.text);
    return -1;
  }
  int result = read_entries(path, root, db, err);
  json_decref(root);
  if (result != 0)
    compile_db_release(db);
  return result;
}

void compile_db_release(compile_db *db) {
  for (size_t i = 0; i < db->count; i++) {
    free(db->entries[i].directory);
    free(db->entries[i].file);
    string_list_release(&db->entries[i].arguments);
  }
  free(db->entries);
  db->entries = NULL;
  db->count = 0;
}
