#define _POSIX_C_SOURCE 200809L
#include "report_output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int report_output_open(report_output *output, const char *path, FILE *out,
                       FILE *err) {
  memset(output, 0, sizeof *output);
  if (!path || strcmp(path, "-") == 0) {
    output->stream = out;
    return 0;
  }
  output->path = path;
  size_t len = strlen(path);
  output->temp_path = malloc(len + sizeof ".tmpXXXXXX");
  if (!output->temp_path) {
    fprintf(err, "escape: %s: error: out of memory\n", path);
    return 2;
  }
  memcpy(output->temp_path, path, len);
  memcpy(output->temp_path + len, ".tmpXXXXXX", sizeof ".tmpXXXXXX");
  int fd = mkstemp(output->temp_path);
  if (fd >= 0) {
    /* mkstemp makes 0600; a report is an ordinary file. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
  }
  output->stream = fd >= 0 ? fdopen(fd, "w") : NULL;
  if (!output->stream) {
    fprintf(err, "escape: %s: error: cannot create: %s\n", path,
            strerror(errno));
    if (fd >= 0) {
      close(fd);
      unlink(output->temp_path);
    }
    free(output->temp_path);
    output->temp_path = NULL;
    return 2;
  }
  return 0;
}

void report_output_abort(report_output *output) {
  if (output->temp_path) {
    fclose(output->stream);
    unlink(output->temp_path);
    free(output->temp_path);
  }
  memset(output, 0, sizeof *output);
}

int report_output_close(report_output *output, FILE *err) {
  int failed = fflush(output->stream) != 0 || ferror(output->stream);
  if (!output->temp_path) {
    if (failed)
      fprintf(err, "escape: <stdout>: error: cannot write the report\n");
    memset(output, 0, sizeof *output);
    return failed ? 2 : 0;
  }
  failed |= fclose(output->stream) != 0;
  if (!failed && rename(output->temp_path, output->path) != 0)
    failed = 1;
  if (failed) {
    fprintf(err, "escape: %s: error: cannot write the report: %s\n",
            output->path, strerror(errno));
    unlink(output->temp_path);
  }
  free(output->temp_path);
  memset(output, 0, sizeof *output);
  return failed ? 2 : 0;
}
