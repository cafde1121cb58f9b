#include "allocator_settings.h"

// jemalloc (render's allocator on Linux, Package.swift) reads this string when it starts,
// before main; a MALLOC_CONF variable, when set, is read after it and wins.
//
// thp:always: jemalloc's arenas are backed by transparent huge pages (2 MiB) where the kernel
// allows them (`madvise`, Debian's default), so a run that grows to 60-90 MB takes a few
// hundred page faults rather than ~10,000: `render --check` on 1000 notes spends about a
// quarter less time in the kernel (README, speed), for about 10 MB more peak memory.
// metadata_thp:always does the same for jemalloc's own tables.
const char *malloc_conf = "thp:always,metadata_thp:always";
