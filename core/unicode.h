// SPDX-License-Identifier: MIT
// UTF-8 helpers and the small character database str methods need.
//
// str objects hold well-formed UTF-8 (the lexer and every str constructor
// check it), so the walking helpers here do not re-validate: they only skip
// continuation bytes. Classification and case mapping are exact for ASCII
// and Latin-1, and cover the common alphabets (Latin Extended-A, Greek,
// Cyrillic, fullwidth forms) and ranges (CJK, kana, Hangul) beyond that;
// other characters count as neither letters nor digits and map to
// themselves. CPython's full Unicode database does not fit in the chip's
// flash budget.
#ifndef ESPY_UNICODE_H
#define ESPY_UNICODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_IS_CONT(c) (((unsigned char)(c) & 0xC0) == 0x80)

// Number of code points in well-formed UTF-8.
size_t utf8_charlen(const char *s, size_t len);
// Decodes one code point at *p and advances *p past it.
uint32_t utf8_decode(const char **p);
// Encodes cp into out (room for 4 bytes); returns the byte count.
size_t utf8_encode(char *out, uint32_t cp);
// The pointer n code points after s (stops at end).
const char *utf8_skip(const char *s, const char *end, size_t n);
// Byte length of the UTF-8 sequence that starts with lead byte c.
size_t utf8_seq_len(unsigned char c);
// Checks that s is well-formed UTF-8: returns true, or false with *bad set
// to the offset of the first bad byte and *badlen to the length of the
// invalid sequence.
bool utf8_check(const char *s, size_t len, size_t *bad, size_t *badlen);

bool unicode_isspace_nonascii(uint32_t c);
static inline bool unicode_isspace(uint32_t c) {
    if (c < 0x80) {
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    }
    return unicode_isspace_nonascii(c);
}
bool unicode_isalpha(uint32_t c);
bool unicode_isdigit(uint32_t c);      // decimal digits and superscripts
bool unicode_isdecimal(uint32_t c);
bool unicode_isnumeric(uint32_t c);
bool unicode_isupper(uint32_t c);
bool unicode_islower(uint32_t c);
bool unicode_isprintable(uint32_t c);
uint32_t unicode_toupper(uint32_t c);
uint32_t unicode_tolower(uint32_t c);
// Letters with a case (for istitle/title: upper, lower or titlecase).
static inline bool unicode_iscased(uint32_t c) {
    return unicode_isupper(c) || unicode_islower(c);
}

#endif
