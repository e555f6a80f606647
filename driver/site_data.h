/* The data files of the report site's index: data-N.js, each a few
 * `escapeData.TABLE.push(row, ...)` statements, split so that no file
 * passes the page budget however many remarks there are. Script elements
 * load them from file:// (fetch cannot), and the index renders only the
 * rows in view, so a large project's index still loads at once. */
#ifndef ESCAPE_DRIVER_SITE_DATA_H
#define ESCAPE_DRIVER_SITE_DATA_H

#include <stdio.h>

#include "remark_summary.h"
#include "site_model.h"

/* Writes the data files: kinds (from summary), files, functions and the
 * remarks in rank order; stores their number in *count. Returns 0, or 2
 * after a message on err. */
int site_data_write(const site_model *model, const remark_summary *summary,
                    size_t *count, FILE *err);

#endif
