#ifndef PCPLAN_COPENSSL_SHIM_H
#define PCPLAN_COPENSSL_SHIM_H

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#include <openssl/err.h>
#include <openssl/opensslv.h>

// OPENSSL_VERSION_TEXT and friends are macros; expose them as functions.
static inline const char *pc_openssl_version_text(void) {
    return OpenSSL_version(OPENSSL_VERSION);
}

static inline unsigned long pc_openssl_version_number(void) {
    return OpenSSL_version_num();
}

#endif
