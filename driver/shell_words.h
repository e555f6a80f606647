/* Splits a compile_commands.json "command" string into arguments the way a
 * POSIX shell would for a simple command, without running a shell: blanks
 * separate words, single quotes are literal, double quotes keep blanks and
 * honour \" \\ \$ \` and \newline, a backslash outside quotes escapes the
 * next character. Variables, globs and redirections are not expanded. */
#ifndef ESCAPE_DRIVER_SHELL_WORDS_H
#define ESCAPE_DRIVER_SHELL_WORDS_H

#include "escape/strbuf.h"
#include "string_list.h"

/* Appends the words of command to words; returns 0, or -1 with the reason
 * (e.g. "unterminated double quote") in err. */
int shell_words_split(const char *command, string_list *words,
                      escape_strbuf *err);

#endif
