#ifndef SITEGEN_CCMARK_CONCURRENCY_H
#define SITEGEN_CCMARK_CONCURRENCY_H

/// Makes cmark-gfm's table of special inline characters safe to share between threads parsing at
/// once (see concurrency.c). Returns 1 when the fix is in place. Call before the first parse.
int sg_cmark_concurrency_fix_installed(void);

#endif
