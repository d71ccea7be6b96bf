#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "CPosix.h"

int sg_open_unnamed(const char *folder) {
#if defined(__linux__) && defined(O_TMPFILE)
    int unnamed = open(folder, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (unnamed >= 0) return unnamed;
    // Only a file system that cannot make unnamed files falls back; any other failure is the answer.
    if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) return -1;
#endif
    size_t length = strlen(folder);
    char *name = malloc(length + sizeof("/.sitegen-XXXXXX"));
    if (name == NULL) return -1;
    memcpy(name, folder, length);
    memcpy(name + length, "/.sitegen-XXXXXX", sizeof("/.sitegen-XXXXXX"));
    int fd = mkostemp(name, O_CLOEXEC);
    if (fd >= 0) unlink(name);
    int saved = errno;
    free(name);
    errno = saved;
    return fd;
}
