/* A small streaming JSON writer: escaped strings (always valid UTF-8 out),
 * numbers, and nested objects and arrays with the commas and indentation
 * handled, for the json and sarif report formats. */
#ifndef ESCAPE_DRIVER_JSON_WRITER_H
#define ESCAPE_DRIVER_JSON_WRITER_H

#include <stdio.h>

enum { JSON_MAX_DEPTH = 32 };

typedef struct json_writer {
  FILE *out;
  int depth;
  int count[JSON_MAX_DEPTH]; /* values written at each depth */
  int after_key;             /* the next value follows a key */
  int compact;               /* no newlines, indentation or spaces */
} json_writer;

/* Starts writing one JSON value to out, indented by two spaces a level. */
void json_init(json_writer *w, FILE *out);

/* Starts writing one JSON value to out without any whitespace, as a
 * JSON-RPC message body is sent. */
void json_init_compact(json_writer *w, FILE *out);

/* Writes s as a JSON string: quoted, escaped, invalid UTF-8 replaced by
 * U+FFFD; a NULL s writes null. Usable without a writer. */
void json_write_string(FILE *out, const char *s);

/* Opens an object or array as the next value. */
void json_begin_object(json_writer *w);
void json_begin_array(json_writer *w);

/* Closes the innermost object or array. */
void json_end_object(json_writer *w);
void json_end_array(json_writer *w);

/* Writes an object key; the next call writes its value. */
void json_key(json_writer *w, const char *key);

/* Writes a string value (NULL: null). */
void json_string(json_writer *w, const char *s);

/* Writes an unsigned number value. */
void json_uint(json_writer *w, unsigned long long n);

/* Writes key and string value in one call. */
void json_key_string(json_writer *w, const char *key, const char *s);

/* Writes true or false. */
void json_bool(json_writer *w, int value);

/* Writes "key": true or false. */
void json_key_bool(json_writer *w, const char *key, int value);

/* Writes key and number value in one call. */
void json_key_uint(json_writer *w, const char *key, unsigned long long n);

/* Ends the document with a newline. */
void json_finish(json_writer *w);

#endif
