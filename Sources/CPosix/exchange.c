#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include "CPosix.h"

int sg_exchange_paths(const char *a, const char *b) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
    errno = EINVAL;
    return -1;
#endif
}

int sg_rename_noreplace(const char *from, const char *to) {
    return sg_renameat_noreplace(AT_FDCWD, from, AT_FDCWD, to);
}

int sg_renameat_noreplace(int fromdir, const char *from, int todir, const char *to) {
#if defined(__linux__) && defined(RENAME_NOREPLACE)
    return renameat2(fromdir, from, todir, to, RENAME_NOREPLACE);
#else
    errno = EINVAL;
    return -1;
#endif
}
