/* The report site's index.html: the counts by kind, then the remarks
 * costliest first, by file and by function in tables that the site's
 * script sorts and filters (by kind, file, function and text) from the
 * data files. */
#ifndef ESCAPE_DRIVER_SITE_INDEX_H
#define ESCAPE_DRIVER_SITE_INDEX_H

#include <stdio.h>

#include "remark_summary.h"
#include "site_model.h"

/* Writes index.html, which loads data_count data files. Returns 0, or 2
 * after a message on err. */
int site_index_write(const site_model *model, const remark_summary *summary,
                     size_t data_count, FILE *err);

#endif
