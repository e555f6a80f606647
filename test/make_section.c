/* Writes the contents of an .escape.remarks section with the one writer
 * (escape/remark_section.h), so that lit tests can make objects with
 * llvm-objcopy --add-section before (and besides) the plugin.
 *
 * usage: make_section OUT [--zlib] [--magic M] [--yaml-size N]
 *                     [--truncate N] YAML...
 * Each YAML file becomes one record (plain, or zlib with --zlib); "-" is an
 * empty stream. --magic and --yaml-size overwrite those header fields of
 * every record, --truncate cuts the section to N bytes: malformed sections
 * for the reader's error tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape/remark_section.h"
#include "escape/strbuf.h"

/* The header fields the options overwrite (offsets in a record). */
enum { MAGIC_OFFSET = 0, YAML_SIZE_OFFSET = 24 };

typedef struct options {
  const char *out;
  int zlib;
  const char *magic;
  long long yaml_size; /* -1: as written */
  long long truncate;  /* -1: whole section */
} options;

static int read_file(const char *path, escape_strbuf *out) {
  if (strcmp(path, "-") == 0)
    return 0;
  FILE *in = fopen(path, "rb");
  if (!in) {
    fprintf(stderr, "make_section: cannot read %s\n", path);
    return -1;
  }
  char chunk[4096];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, in)) > 0)
    escape_strbuf_add(out, chunk, got);
  fclose(in);
  return out->failed ? -1 : 0;
}

static void overwrite(escape_strbuf *section, size_t record, const options *o) {
  if (o->magic)
    memcpy(section->buf + record + MAGIC_OFFSET, o->magic, 8);
  if (o->yaml_size >= 0)
    for (int i = 0; i < 8; i++)
      section->buf[record + YAML_SIZE_OFFSET + i] =
          (char)((unsigned long long)o->yaml_size >> (8 * i) & 0xFF);
}

static int add_record(escape_strbuf *section, const char *path,
                      const options *o) {
  escape_strbuf yaml;
  escape_strbuf_init(&yaml);
  size_t record = section->len;
  int status = read_file(path, &yaml);
  if (status == 0)
    status = escape_remark_section_append(
        section, yaml.buf ? yaml.buf : "", yaml.len,
        o->zlib ? ESCAPE_REMARK_SECTION_ZLIB : ESCAPE_REMARK_SECTION_PLAIN);
  escape_strbuf_release(&yaml);
  if (status == 0)
    overwrite(section, record, o);
  return status;
}

static int usage(void) {
  fputs("usage: make_section OUT [--zlib] [--magic M] [--yaml-size N] "
        "[--truncate N] YAML...\n",
        stderr);
  return 2;
}

int main(int argc, char **argv) {
  if (argc < 2)
    return usage();
  options o = {argv[1], 0, NULL, -1, -1};
  const char *inputs[64];
  int input_count = 0;
  for (int i = 2; i < argc; i++) {
    const char *arg = argv[i];
    int has_value = i + 1 < argc;
    if (strcmp(arg, "--zlib") == 0)
      o.zlib = 1;
    else if (strcmp(arg, "--magic") == 0 && has_value &&
             strlen(argv[i + 1]) == 8)
      o.magic = argv[++i];
    else if (strcmp(arg, "--yaml-size") == 0 && has_value)
      o.yaml_size = atoll(argv[++i]);
    else if (strcmp(arg, "--truncate") == 0 && has_value)
      o.truncate = atoll(argv[++i]);
    else if (arg[0] == '-' && arg[1] != '\0')
      return usage();
    else if (input_count < 64)
      inputs[input_count++] = arg;
    else
      return usage();
  }
  escape_strbuf section;
  escape_strbuf_init(&section);
  for (int i = 0; i < input_count; i++)
    if (add_record(&section, inputs[i], &o))
      return 1;
  size_t len = section.len;
  if (o.truncate >= 0 && (size_t)o.truncate < len)
    len = (size_t)o.truncate;
  FILE *out = fopen(o.out, "wb");
  int ok = out && fwrite(section.buf ? section.buf : "", 1, len, out) == len;
  ok = out && fclose(out) == 0 && ok;
  escape_strbuf_release(&section);
  if (!ok)
    fprintf(stderr, "make_section: cannot write %s\n", o.out);
  return ok ? 0 : 1;
}
