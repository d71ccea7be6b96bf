#ifndef SITEGEN_CICU_SHIM_H
#define SITEGEN_CICU_SHIM_H

// ICU renames every C entry point with its major version (uidna_openUTS46 is
// really uidna_openUTS46_72) through object-like macros that Swift cannot see
// through. These static inline wrappers are compiled by clang, where the macros
// apply, so Swift code calls stable names and never hard-codes the ICU version.

#include <stdbool.h>
#include <stdint.h>
#include <unicode/utypes.h>
#include <unicode/uchar.h>
#include <unicode/uidna.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/ubrk.h>

// MARK: Error codes

// U_SUCCESS is a macro; warnings (negative codes) count as success.
static inline bool sg_u_success(UErrorCode code) { return U_SUCCESS(code); }

static inline const char *sg_u_errorName(UErrorCode code) { return u_errorName(code); }

// MARK: IDNA (UTS #46)

static inline UIDNA *sg_uidna_openUTS46(uint32_t options, UErrorCode *status) {
    return uidna_openUTS46(options, status);
}

static inline void sg_uidna_close(UIDNA *idna) { uidna_close(idna); }

// UIDNAInfo must start with its own size filled in; the initializer macro does
// that and cannot be used from Swift.
static inline UIDNAInfo sg_uidna_info_make(void) {
    UIDNAInfo info = UIDNA_INFO_INITIALIZER;
    return info;
}

static inline int32_t sg_uidna_nameToASCII_UTF8(const UIDNA *idna,
                                                const char *name, int32_t length,
                                                char *dest, int32_t capacity,
                                                UIDNAInfo *info, UErrorCode *status) {
    return uidna_nameToASCII_UTF8(idna, name, length, dest, capacity, info, status);
}

static inline int32_t sg_uidna_nameToUnicodeUTF8(const UIDNA *idna,
                                                 const char *name, int32_t length,
                                                 char *dest, int32_t capacity,
                                                 UIDNAInfo *info, UErrorCode *status) {
    return uidna_nameToUnicodeUTF8(idna, name, length, dest, capacity, info, status);
}

// MARK: Spoof checking (UTS #39)

static inline USpoofChecker *sg_uspoof_open(UErrorCode *status) { return uspoof_open(status); }

static inline void sg_uspoof_close(USpoofChecker *checker) { uspoof_close(checker); }

static inline void sg_uspoof_setChecks(USpoofChecker *checker, int32_t checks, UErrorCode *status) {
    uspoof_setChecks(checker, checks, status);
}

static inline void sg_uspoof_setRestrictionLevel(USpoofChecker *checker, URestrictionLevel level) {
    uspoof_setRestrictionLevel(checker, level);
}

static inline int32_t sg_uspoof_getSkeletonUTF8(const USpoofChecker *checker,
                                                const char *id, int32_t length,
                                                char *dest, int32_t capacity,
                                                UErrorCode *status) {
    // The type argument has been ignored since ICU 58.
    return uspoof_getSkeletonUTF8(checker, 0, id, length, dest, capacity, status);
}

static inline int32_t sg_uspoof_areConfusableUTF8(const USpoofChecker *checker,
                                                  const char *id1, int32_t length1,
                                                  const char *id2, int32_t length2,
                                                  UErrorCode *status) {
    return uspoof_areConfusableUTF8(checker, id1, length1, id2, length2, status);
}

static inline USpoofCheckResult *sg_uspoof_openCheckResult(UErrorCode *status) {
    return uspoof_openCheckResult(status);
}

static inline void sg_uspoof_closeCheckResult(USpoofCheckResult *result) {
    uspoof_closeCheckResult(result);
}

static inline int32_t sg_uspoof_check2UTF8(const USpoofChecker *checker,
                                           const char *id, int32_t length,
                                           USpoofCheckResult *result,
                                           UErrorCode *status) {
    return uspoof_check2UTF8(checker, id, length, result, status);
}

static inline URestrictionLevel sg_uspoof_getCheckResultRestrictionLevel(const USpoofCheckResult *result,
                                                                         UErrorCode *status) {
    return uspoof_getCheckResultRestrictionLevel(result, status);
}

// MARK: Character properties

static inline UScriptCode sg_uscript_getScript(UChar32 c, UErrorCode *status) {
    return uscript_getScript(c, status);
}

static inline const char *sg_uscript_getShortName(UScriptCode script) {
    return uscript_getShortName(script);
}

static inline bool sg_u_hasBinaryProperty(UChar32 c, UProperty which) {
    return u_hasBinaryProperty(c, which) != 0;
}

static inline int8_t sg_u_charType(UChar32 c) { return u_charType(c); }

// MARK: Text boundaries

static inline UBreakIterator *sg_ubrk_openSentences(const char *locale, const UChar *text, int32_t length,
                                                   UErrorCode *status) {
    return ubrk_open(UBRK_SENTENCE, locale, text, length, status);
}

static inline int32_t sg_ubrk_next(UBreakIterator *iterator) { return ubrk_next(iterator); }

static inline void sg_ubrk_close(UBreakIterator *iterator) { ubrk_close(iterator); }

static inline int32_t sg_ubrk_done(void) { return UBRK_DONE; }

#endif
