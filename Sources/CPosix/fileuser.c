#include "CPosix.h"

#ifdef __linux__
#include <sys/fsuid.h>

int sg_set_file_user(unsigned int uid) { return setfsuid(uid); }
#else
#include <errno.h>

int sg_set_file_user(unsigned int uid) {
    (void)uid;
    errno = ENOSYS;
    return -1;
}
#endif
