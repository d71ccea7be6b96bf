#ifndef SITEGEN_CPOSIX_H
#define SITEGEN_CPOSIX_H

/// Atomically swaps two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0 on success, or -1
/// with errno set; callers fall back to two renames where the file system does not support it.
int sg_exchange_paths(const char *a, const char *b);
/// Renames `from` to `to` only if nothing is at `to` (EEXIST if something is); EINVAL where the system cannot.
int sg_rename_noreplace(const char *from, const char *to);
/// The same, each name relative to a folder held open (`AT_FDCWD` for the working folder).
int sg_renameat_noreplace(int fromdir, const char *from, int todir, const char *to);

/// Makes the C allocator map every block of `threshold` bytes or more on its own and give it back to
/// the system when freed (glibc's M_MMAP_THRESHOLD, which otherwise rises after the first large free).
/// Does nothing with other C libraries.
void sg_map_large_blocks(int threshold);

/// Gives the memory the C allocator holds free back to the system (glibc's malloc_trim), between the
/// steps of a build: what one step let go, in the middle of the heap or another thread's arena, is
/// otherwise still counted against the process while the next step grows elsewhere. Does nothing
/// with other C libraries.
void sg_release_free_memory(void);

/// A descriptor that only names the file at `path`, following no final link and opening nothing
/// (Linux O_PATH): a device or FIFO there is not opened, yet `fstat` tells what it is, and
/// `/proc/self/fd/N` opens that very file afterwards. -1 with errno set (ENOSYS elsewhere than Linux).
int sg_open_name(const char *path);

/// A new file of no name in `folder`, open for reading and writing, gone when closed (Linux O_TMPFILE;
/// elsewhere a file made and unlinked at once). -1 with errno set.
int sg_open_unnamed(const char *folder);

/// Reads the next entries of the folder open at `fd` into `buffer` as Linux's getdents64 gives them
/// (records of inode, offset, length, kind and a NUL-ended name): no directory stream, so no second
/// descriptor and no checks of the first. The bytes read, 0 at the end, or -1 with errno set
/// (ENOSYS elsewhere than Linux).
long sg_read_folder(int fd, void *buffer, unsigned long size);

/// Opens the folder `name` (one name, no slash) in the folder open at `parent`, following no link in
/// its place and crossing into no other mount (Linux openat2 with RESOLVE_NO_XDEV): a folder mounted
/// there, a bind mount of someone's folder included, is not the output's, and is never entered to remove
/// what it holds. -1 with errno set (EXDEV for a mount). Where the system has no openat2, a plain openat.
int sg_open_folder_here(int parent, const char *name);

/// Makes `uid` the user this thread's file-system accesses are checked as (Linux setfsuid), and gives
/// up the rights that pass those checks when it is not root's; the previous one. What a user without
/// the right to read a folder sees, told apart from root's view on this thread only.
int sg_set_file_user(unsigned int uid);

#endif
