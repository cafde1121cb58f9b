#ifndef DERIVE_ALLOCATOR_SETTINGS_H
#define DERIVE_ALLOCATOR_SETTINGS_H

/// The settings jemalloc reads at its start (allocator_settings.c says which and why).
extern const char *malloc_conf;

#endif
