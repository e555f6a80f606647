/* The report site's shared style sheet and script (driver/site/escape.css
 * and escape.js, embedded into the driver at build time), written once
 * into the site so that every page links them instead of copying them. */
#ifndef ESCAPE_DRIVER_SITE_ASSETS_H
#define ESCAPE_DRIVER_SITE_ASSETS_H

#include <stdio.h>

#include "site_model.h"

/* The embedded escape.css. */
extern const char site_assets_css[];

/* The embedded escape.js. */
extern const char site_assets_js[];

/* Writes escape.css and escape.js into the site. Returns 0, or 2 after a
 * message on err. */
int site_assets_write(const site_model *model, FILE *err);

#endif
