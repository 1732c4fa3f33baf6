// SPDX-License-Identifier: MIT
// UTF-8 helpers and the character database str methods need.
//
// str objects hold well-formed UTF-8 (the lexer and every str constructor
// check it), so the walking helpers here do not re-validate: they only skip
// continuation bytes. The character database answers what CPython 3.11's
// str methods answer (Unicode 14.0), for every code point: its tables are
// generated from that interpreter by tools/genunicode.py (unicode_tables.h,
// 11 KB of flash); the common questions about ASCII are answered without
// them.
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

// The properties of a code point: bits of unicode_props(c).
enum {
    UNICODE_ALPHA = 1 << 0,           // isalpha: letters (Lu Ll Lt Lm Lo)
    UNICODE_DECIMAL = 1 << 1,         // isdecimal: Nd
    UNICODE_DIGIT = 1 << 2,           // isdigit: decimals, superscripts, circled digits
    UNICODE_NUMERIC = 1 << 3,         // isnumeric: digits, fractions, Roman and CJK numerals
    UNICODE_UPPER = 1 << 4,           // Uppercase: Lu and Other_Uppercase (Ⅷ, Ⓐ)
    UNICODE_LOWER = 1 << 5,           // Lowercase: Ll and Other_Lowercase (ª, ⅰ, ⓐ, ʰ)
    UNICODE_TITLE = 1 << 6,           // Lt: the digraphs ǅ ǈ ǋ ǲ, Greek with prosgegrammeni
    UNICODE_CASE_IGNORABLE = 1 << 7,  // skipped by the final sigma rule: marks, modifiers, '.
    UNICODE_PRINTABLE = 1 << 8,       // isprintable: neither C* nor Z* other than ' '
    UNICODE_ID_START = 1 << 9,        // XID_Start: may start a name
    UNICODE_ID_CONTINUE = 1 << 10,    // XID_Continue: may follow in a name
};
unsigned unicode_props(uint32_t c);

bool unicode_isspace_nonascii(uint32_t c);
static inline bool unicode_isspace(uint32_t c) {
    if (c < 0x80) {
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    }
    return unicode_isspace_nonascii(c);
}
bool unicode_isalpha(uint32_t c);
bool unicode_isdigit(uint32_t c);
bool unicode_isdecimal(uint32_t c);
bool unicode_isnumeric(uint32_t c);
bool unicode_isupper(uint32_t c);
bool unicode_islower(uint32_t c);
bool unicode_istitle(uint32_t c);
// Cased: upper, lower or titlecase (what str.title() and istitle() track).
bool unicode_iscased(uint32_t c);
bool unicode_iscaseignorable(uint32_t c);
bool unicode_isprintable(uint32_t c);
bool unicode_isidstart(uint32_t c);
bool unicode_isidcontinue(uint32_t c);

// Case mappings. The full mapping of a code point may be several code
// points ('ß'.upper() is 'SS', 'ﬁ'.title() is 'Fi', 'İ'.lower() is 'i̇');
// Greek capital sigma's lower case depends on its neighbours, which only
// the caller sees (str_case.c), so here it is always σ.
typedef enum { UNICODE_TO_UPPER, UNICODE_TO_LOWER, UNICODE_TO_TITLE, UNICODE_TO_FOLD } unicode_case_t;
// Writes the full mapping of c to out and returns its length, 1 to 3.
size_t unicode_case_full(uint32_t c, unicode_case_t kind, uint32_t out[3]);
// The first code point of the full mapping, as CPython's Py_UNICODE_TOUPPER.
uint32_t unicode_toupper(uint32_t c);
uint32_t unicode_tolower(uint32_t c);
uint32_t unicode_totitle(uint32_t c);

#endif
