#ifndef SITEGEN_CCRYPTO_SHIM_H
#define SITEGEN_CCRYPTO_SHIM_H

// OpenSSL's libcrypto, for the SHA-256 digests of the bulletin manifest. Only
// the one-shot EVP digest call is used: it is stable across OpenSSL 1.1 and 3.
#include <openssl/evp.h>

#endif
