/* One source page of the report site: the file's text with syntax
 * highlighting and line numbers, each remark under its line with a caret
 * at its column, its inlined-at context and its flow (the args that carry
 * their own DebugLoc), linked to the pages of the files they point into.
 * A page that would pass the page budget continues in further parts. */
#ifndef ESCAPE_DRIVER_SITE_SOURCE_PAGE_H
#define ESCAPE_DRIVER_SITE_SOURCE_PAGE_H

#include <stdio.h>

#include "site_model.h"

/* Writes the page (and its parts) of model->files[index], recording the
 * parts' first lines in the file. Returns 0, or 2 after a message on err. */
int site_source_page_write(site_model *model, size_t index, FILE *err);

#endif
