#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include "CPosix.h"

int sg_open_name(const char *path) {
#if defined(__linux__) && defined(O_PATH)
    return open(path, O_PATH | O_NOFOLLOW | O_CLOEXEC);
#else
    errno = ENOSYS;
    return -1;
#endif
}
