// The globs of --include/--exclude and of the project configuration,
// matched against a remark's file path. `*`, `?` and `[...]` match within
// one path component (fnmatch with FNM_PATHNAME); `**` as a whole component
// matches any number of components, none included (`src/**` is everything
// below src, `**/test_*.c` every test file at any depth). A pattern that
// starts with `/` must match the whole path; any other pattern matches the
// path or any tail of it that starts at a component, so `tests/**` matches
// `tests/a.c` and `/home/me/proj/tests/a.c` alike.
#ifndef ESCAPE_DRIVER_PATH_GLOB_H
#define ESCAPE_DRIVER_PATH_GLOB_H

/* Whether pattern matches path as described above. */
int path_glob_match(const char *pattern, const char *path);

#endif
