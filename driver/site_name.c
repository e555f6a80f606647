#include "site_name.h"

/* Names are shown as the YAML spells them until the driver demangles C++
 * names; this is where that will happen. */
const char *site_display_name(const char *name) { return name ? name : ""; }
