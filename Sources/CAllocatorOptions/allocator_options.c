// jemalloc's options, read once at start-up from this symbol (see `man jemalloc`, "malloc_conf").
//
// thp:always — the heap is backed by transparent huge pages where the kernel allows them
// (Debian's default is "madvise", which jemalloc's madvise satisfies). A render touches
// ~75 MB of fresh heap; in 2 MiB pages instead of 4 KiB ones it takes ~3.7k page faults
// instead of ~13.8k, and `scripts/bench` spends ~50 ms less in the kernel per 1000 notes.
// The price is ~17 MB more resident memory. MALLOC_CONF in the environment still overrides.
#include "allocator_options.h"

const char *malloc_conf = "thp:always";
