// cmark-gfm 0.29.0.gfm.6 keeps one process-wide table of "special" inline characters. Before
// parsing the inlines of a document it adds the characters of the attached extensions (`w` and `:`
// for autolinks, `~` for strikethrough, …) and afterwards removes them again. Two threads parsing at
// once therefore race: one thread's removal makes the other miss bare `www.` links or `~~strike~~`,
// and the output changes from run to run.
//
// Every parser in sitegen attaches the same extensions, so the characters never need removing.
// This definition interposes the library's exported function (the library calls it through its
// PLT): the first call adds the characters, once, and every later call does nothing. Where the
// interposition does not take (another platform, a library built without a PLT call), Swift sees
// sg_cmark_concurrency_fix_installed() return 0 and parses one document at a time instead.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include "CCmarkConcurrency.h"

typedef void (*manage_fn)(void *parser, int add);

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int added = 0;
static int installed = 0;

void cmark_manage_extensions_special_characters(void *parser, int add) {
    __atomic_store_n(&installed, 1, __ATOMIC_RELEASE);
    if (!add || __atomic_load_n(&added, __ATOMIC_ACQUIRE)) return;
    pthread_mutex_lock(&lock);
    if (!added) {
        manage_fn real = (manage_fn)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
        if (real) real(parser, 1);
        __atomic_store_n(&added, 1, __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&lock);
}

int sg_cmark_concurrency_fix_installed(void) { return __atomic_load_n(&installed, __ATOMIC_ACQUIRE); }
