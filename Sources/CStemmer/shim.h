#ifndef SITEGEN_CSTEMMER_SHIM_H
#define SITEGEN_CSTEMMER_SHIM_H

// Snowball's C library (Debian libstemmer-dev): sb_stemmer_new("russian", "UTF_8") and friends. It has
// no pkg-config file; the header is in the default include path.
#include <libstemmer.h>

#endif
