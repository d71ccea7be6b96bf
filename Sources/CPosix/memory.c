#include <malloc.h>
#include "CPosix.h"

void sg_map_large_blocks(int threshold) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, threshold);
#else
    (void)threshold;
#endif
}

void sg_release_free_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}
