// The options `render` gives jemalloc (defined in allocator_options.c; nothing calls them).
extern const char *malloc_conf;
