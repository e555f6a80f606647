/* How the report site shows a function name. Every name the site prints
 * goes through here, so that a demangler plugs in at one place. */
#ifndef ESCAPE_DRIVER_SITE_NAME_H
#define ESCAPE_DRIVER_SITE_NAME_H

/* The name to show for a function as LLVM wrote it (NULL: ""). The result
 * stays valid while name does. */
const char *site_display_name(const char *name);

#endif
