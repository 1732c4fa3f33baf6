// SPDX-License-Identifier: MIT
// The regular-expression engine behind the re module (mod_re.c).
//
// A pattern is compiled once (re_compile.c) to a small bytecode program,
// and a backtracking VM (re_exec.c) runs it over the subject. Neither
// recurses in C: the compiler keeps its open groups in an array on the
// heap, and the VM keeps its choice points on an explicit stack on the heap,
// so no pattern or subject can overflow the 8 KiB C stack; a stack that
// outgrows the heap is a MemoryError, and a long match can be stopped by
// Ctrl-C.
//
// Subjects are str (UTF-8: the VM steps by characters, positions are byte
// offsets that mod_re.c turns into character indexes) or bytes.
//
// The program is a byte string. Operands are little-endian; jump operands
// are signed 16-bit offsets from the start of the instruction, so that a
// piece of code can be moved as a whole when the compiler wraps it in a
// repeat. A character is 3 bytes (a code point, or a byte of a bytes
// pattern).
//
//     STR n b1..bn        these n bytes (whole UTF-8 characters)
//     CHAR_I c            the character c, ignoring case
//     ANY / ANY_NL        any character but a newline / any character
//     CLASS f n e m r..   a set: flags f (RE_CLASS_*), n ranges (u16) of two
//                         characters each, escape bits e (\d \w \s and their
//                         negations: RE_ESC_*), and m: the answer for each ASCII
//                         character, a 128-bit map made by the compiler
//     BOL MBOL EOL MEOL   ^ and $, without and with MULTILINE
//     BOS EOS             \A and \Z
//     WORDB a / NWORDB a  \b and \B (a: ASCII word characters only)
//     SAVE r              register r (u16) = position (group start/end)
//     SPLIT o             go on; on failure resume at pc+o
//     SPLIT_LAZY o        go to pc+o; on failure resume at the next instruction
//     JMP o               go to pc+o
//     REP_INIT l          loop l (u16): count = 0
//     REP_LOOP l min max g o   enter the body of loop l, or leave to pc+o,
//                         by its count and greediness g (min, max: u32)
//     REP_MARK l          remember where this iteration started
//     REP_END l o         count one iteration and go back to pc+o (the
//                         REP_LOOP), or on when the iteration was empty
//     SIMPLE min max g    repeat the one-character item that follows
//                         (STR of one character, CHAR_I, ANY, ANY_NL, CLASS)
//                         without a choice point per character; g is
//                         REPEAT_LAZY, REPEAT_GREEDY or REPEAT_POSSESSIVE
//     BACKREF g f         the text of group g (u16) again; f: RE_CLASS_ICASE,
//                         RE_CLASS_ASCII
//     LOOK k w o          start a lookaround of kind k (LOOK_*) whose body
//                         is w (u16) characters wide for a look-behind; pc+o
//                         is after its LOOK_END
//     LOOK_END            end of a lookaround or atomic group body
//     MATCH               success
#ifndef ESPY_RE_H
#define ESPY_RE_H

#include "obj.h"

// Flags, with CPython's values.
#define RE_TEMPLATE 1
#define RE_IGNORECASE 2
#define RE_LOCALE 4
#define RE_MULTILINE 8
#define RE_DOTALL 16
#define RE_UNICODE 32
#define RE_VERBOSE 64
#define RE_DEBUG 128
#define RE_ASCII 256

enum {
    RE_OP_MATCH,
    RE_OP_STR,
    RE_OP_CHAR_I,
    RE_OP_ANY,
    RE_OP_ANY_NL,
    RE_OP_CLASS,
    RE_OP_BOL,
    RE_OP_MBOL,
    RE_OP_EOL,
    RE_OP_MEOL,
    RE_OP_BOS,
    RE_OP_EOS,
    RE_OP_WORDB,
    RE_OP_NWORDB,
    RE_OP_SAVE,
    RE_OP_SPLIT,
    RE_OP_SPLIT_LAZY,
    RE_OP_JMP,
    RE_OP_REP_INIT,
    RE_OP_REP_LOOP,
    RE_OP_REP_MARK,
    RE_OP_REP_END,
    RE_OP_SIMPLE,
    RE_OP_BACKREF,
    RE_OP_LOOK,
    RE_OP_LOOK_END,
};

#define RE_CLASS_NEGATE 1
#define RE_CLASS_ICASE 2    // also for BACKREF
#define RE_CLASS_ASCII 4    // ASCII case folding and \d \w \s (also for BACKREF)

#define RE_ESC_DIGIT 0x01
#define RE_ESC_NDIGIT 0x02
#define RE_ESC_WORD 0x04
#define RE_ESC_NWORD 0x08
#define RE_ESC_SPACE 0x10
#define RE_ESC_NSPACE 0x20

#define RE_REPEAT_LAZY 0
#define RE_REPEAT_GREEDY 1
#define RE_REPEAT_POSSESSIVE 2

#define RE_LOOK_AHEAD 0
#define RE_LOOK_NOT_AHEAD 1
#define RE_LOOK_BEHIND 2
#define RE_LOOK_NOT_BEHIND 3
#define RE_LOOK_ATOMIC 4

#define RE_INFINITE UINT32_MAX    // max of an unbounded repeat
#define RE_CHAR_SIZE 3

// Sizes of the instructions (a CLASS adds 6 bytes per range).
#define RE_SIZE_STR 2             // plus the bytes
#define RE_SIZE_CHAR_I 4
#define RE_SIZE_CLASS 21
#define RE_CLASS_MAP 5          // offset of the ASCII map in a CLASS
#define RE_SIZE_SAVE 3
#define RE_SIZE_JUMP 3            // SPLIT, SPLIT_LAZY, JMP
#define RE_SIZE_REP_INIT 3
#define RE_SIZE_REP_LOOP 14
#define RE_SIZE_REP_MARK 3
#define RE_SIZE_REP_END 5
#define RE_SIZE_SIMPLE 10
#define RE_SIZE_LOOK 6
#define RE_SIZE_BACKREF 4
#define RE_SIZE_WORDB 2

typedef struct re_prog {
    uint16_t n_groups;      // capture groups, not counting group 0
    uint16_t n_loops;       // counted loops (two registers each after the groups')
    uint16_t len;           // bytes of code
    uint8_t is_bytes;       // a bytes pattern (else str)
    uint8_t anchored;       // starts with \A or ^ (without MULTILINE): one position to try
    uint8_t code[];
} re_prog_t;

// Compiles a pattern (str text when is_bytes is false) with the given
// flags; inline flags found at its start are added to *flags. Named groups
// are stored in *groupindex (a dict made on the first name, else left
// VAL_NULL). Raises re.error for a bad pattern.
re_prog_t *re_compile(const char *pattern, size_t len, bool is_bytes, unsigned *flags, value_t *groupindex);

// The exception type of bad patterns and templates: re.error, a ValueError
// (MicroPython raises ValueError) named as CPython's.
extern const type_t type_re_error;
// Raises re.error with a message (print_fmt's format) followed, when
// pos >= 0, by " at position N".
_Noreturn void re_error(intptr_t pos, const char *fmt, ...);

// How re_exec tries the program.
typedef enum { RE_MATCH, RE_SEARCH, RE_FULLMATCH } re_mode_t;

// Runs prog over data[0:end] (the subject up to endpos), trying the
// positions from start on (only start unless mode is RE_SEARCH). With
// not_empty_at >= 0, an empty match at that position is refused (the rule
// that lets sub/split/findall move past an empty match). On success fills
// caps with 2 * (n_groups + 1) byte offsets (-1 for a group that did not
// take part) and returns true.
bool re_exec(const re_prog_t *prog, const char *data, size_t end, size_t start, re_mode_t mode,
             intptr_t not_empty_at, intptr_t *caps);

// Case mapping as the engine sees it (ascii: bytes or re.ASCII).
uint32_t re_lower(uint32_t c, bool ascii);
uint32_t re_upper(uint32_t c, bool ascii);

#endif
