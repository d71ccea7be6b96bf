#ifndef SITEGEN_CPOSIX_H
#define SITEGEN_CPOSIX_H

/// Atomically swaps two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0 on success, or -1
/// with errno set; callers fall back to two renames where the file system does not support it.
int sg_exchange_paths(const char *a, const char *b);

#endif
