// A user header: declares a function defined in another file.
int parse_item(const char *p);
