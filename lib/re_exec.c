// SPDX-License-Identifier: MIT
// The regex VM: runs a program of re.h over a subject by backtracking.
//
// The VM follows one path through the program at a time. Where the path
// could go two ways it pushes a choice point on an explicit stack and takes
// the preferred way; when an instruction fails it pops back to the latest
// choice point. Register writes (group positions, loop counts) push undo
// records, so that popping back also restores the registers. A repeat of
// a one-character item (SIMPLE) takes all it can in a plain loop and
// leaves a single record that gives the characters back one at a time, so
// `.*` over a long line costs one record, not one per character.
//
// The stack is an array of 32-bit words, on the C stack while it is small
// and then on the heap, doubling; when the heap cannot hold it the match
// ends with MemoryError. Nothing recurses in C, and every few thousand
// steps the VM looks for a pending Ctrl-C, so that a pattern that
// backtracks exponentially can be interrupted.
//
// Records, each ending with a tag word (kind in the low 3 bits, an operand
// above):
//     BRANCH  sp, tag(pc)           resume at pc with this position
//     UNDO    value, tag(register)  put the register's old value back
//     GREEDY  lo, cur, tag(pc)      a greedy SIMPLE: give back one more
//                                   character (down to lo), resume at pc
//     LAZY    count, cur, tag(pc)   a lazy SIMPLE at pc: take one more
//     LOOK    sp, tag(pc)           a lookaround (or atomic group) at pc
//                                   started at sp
//     SKIP    ..., tag(length)      a record made dead by a lookaround that
//                                   succeeded (length words, tag included)
#include <string.h>

#include "re.h"
#include "unicode.h"
#include "vm.h"

enum { K_BRANCH, K_UNDO, K_GREEDY, K_LAZY, K_LOOK, K_SKIP };

#define UNSET UINT32_MAX
#define LOCAL_STACK 32      // words on the C stack before moving to the heap
#define LOCAL_REGS 24
#define STEPS 4096          // instructions between checks for Ctrl-C

typedef struct machine {
    const uint8_t *code;
    const char *data;
    uint32_t end;
    bool is_str;
    uint8_t mode;
    intptr_t not_empty_at;
    uint32_t loop_base;      // register of the first loop's count
    uint32_t *regs;
    uint32_t *stack;
    uint32_t top, alloc;
    bool stack_on_heap;
    unsigned budget;
} machine_t;

// ---- operands --------------------------------------------------------------------------

static inline uint32_t get16(const uint8_t *p) {
    return p[0] | (uint32_t)p[1] << 8;
}

static inline uint32_t get32(const uint8_t *p) {
    return get16(p) | get16(p + 2) << 16;
}

static inline uint32_t get_char(const uint8_t *p) {
    return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16;
}

static inline const uint8_t *jump(const uint8_t *pc, size_t at) {
    return pc + (int16_t)get16(pc + at);
}

// ---- characters -------------------------------------------------------------------------

static bool is_word(uint32_t c, bool ascii) {
    if (c < 0x80) {
        return c == '_' || (uint32_t)((c | 0x20) - 'a') < 26 || (uint32_t)(c - '0') < 10;
    }
    return !ascii && (unicode_isalpha(c) || unicode_isnumeric(c));
}

uint32_t re_lower(uint32_t c, bool ascii) {
    if (c < 0x80 || ascii) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
    return unicode_tolower(c);
}

uint32_t re_upper(uint32_t c, bool ascii) {
    if (c < 0x80 || ascii) {
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }
    return unicode_toupper(c);
}

static bool is_digit(uint32_t c, bool ascii) {
    return c < 0x80 || ascii ? (uint32_t)(c - '0') < 10 : unicode_isdecimal(c);
}

static bool is_space(uint32_t c, bool ascii) {
    if (c < 0x80 || ascii) {
        return c == ' ' || (c >= '\t' && c <= '\r') || (!ascii && c >= 0x1C && c <= 0x1F);
    }
    return unicode_isspace(c);
}

static bool case_equal(uint32_t a, uint32_t b, bool ascii) {
    return a == b || re_lower(a, ascii) == re_lower(b, ascii) || re_upper(a, ascii) == re_upper(b, ascii);
}

// The character at sp (< end); *next is where the following one starts.
static inline uint32_t char_at(const machine_t *m, uint32_t sp, uint32_t *next) {
    uint8_t b = (uint8_t)m->data[sp];
    if (b < 0x80 || !m->is_str) {
        *next = sp + 1;
        return b;
    }
    const char *p = m->data + sp;
    uint32_t c = utf8_decode(&p);
    *next = (uint32_t)(p - m->data);
    return c;
}

// Where the character before sp (> 0) starts.
static inline uint32_t before(const machine_t *m, uint32_t sp) {
    sp--;
    if (m->is_str) {
        while (sp > 0 && UTF8_IS_CONT(m->data[sp])) {
            sp--;
        }
    }
    return sp;
}

static bool is_word_at(const machine_t *m, uint32_t sp, bool ascii) {
    uint32_t next;
    return is_word(char_at(m, sp, &next), ascii);
}

static bool at_boundary(const machine_t *m, uint32_t sp, bool ascii) {
    bool left = sp > 0 && is_word_at(m, before(m, sp), ascii);
    bool right = sp < m->end && is_word_at(m, sp, ascii);
    return left != right;
}

// ---- one-character items -----------------------------------------------------------

static bool class_has(const uint8_t *pc, uint32_t c) {
    uint32_t n = get16(pc + 2);
    const uint8_t *r = pc + RE_SIZE_CLASS;
    for (uint32_t i = 0; i < n; i++, r += 2 * RE_CHAR_SIZE) {
        if (c >= get_char(r) && c <= get_char(r + RE_CHAR_SIZE)) {
            return true;
        }
    }
    uint8_t bits = pc[4];
    if (bits == 0) {
        return false;
    }
    bool ascii = (pc[1] & RE_CLASS_ASCII) != 0;
    if (bits & (RE_ESC_DIGIT | RE_ESC_NDIGIT)) {
        bool d = is_digit(c, ascii);
        if (((bits & RE_ESC_DIGIT) && d) || ((bits & RE_ESC_NDIGIT) && !d)) {
            return true;
        }
    }
    if (bits & (RE_ESC_WORD | RE_ESC_NWORD)) {
        bool w = is_word(c, ascii);
        if (((bits & RE_ESC_WORD) && w) || ((bits & RE_ESC_NWORD) && !w)) {
            return true;
        }
    }
    if (bits & (RE_ESC_SPACE | RE_ESC_NSPACE)) {
        bool s = is_space(c, ascii);
        if (((bits & RE_ESC_SPACE) && s) || ((bits & RE_ESC_NSPACE) && !s)) {
            return true;
        }
    }
    return false;
}

// Sets beyond ASCII: the ranges and escapes, and the case variants.
static bool class_match_slow(const uint8_t *pc, uint32_t c) {
    bool in = class_has(pc, c);
    if (!in && (pc[1] & RE_CLASS_ICASE)) {
        bool ascii = (pc[1] & RE_CLASS_ASCII) != 0;
        uint32_t lower = re_lower(c, ascii), upper = re_upper(c, ascii);
        in = (lower != c && class_has(pc, lower)) || (upper != c && class_has(pc, upper));
    }
    return in != ((pc[1] & RE_CLASS_NEGATE) != 0);
}

static inline bool class_match(const uint8_t *pc, uint32_t c) {
    if (c < 128) {
        return (pc[RE_CLASS_MAP + c / 8] >> (c % 8)) & 1;
    }
    return class_match_slow(pc, c);
}

static size_t item_size(const uint8_t *pc) {
    switch (pc[0]) {
        case RE_OP_STR: return RE_SIZE_STR + pc[1];
        case RE_OP_CHAR_I: return RE_SIZE_CHAR_I;
        case RE_OP_CLASS: return RE_SIZE_CLASS + 2 * RE_CHAR_SIZE * get16(pc + 2);
        default: return 1;
    }
}

// Whether the one-character item at pc matches at *sp; if so moves *sp past it.
static bool item_match(const machine_t *m, const uint8_t *pc, uint32_t *sp) {
    if (*sp >= m->end) {
        return false;
    }
    if (pc[0] == RE_OP_STR) {
        uint32_t n = pc[1];
        if (m->end - *sp < n || m->data[*sp] != (char)pc[2] || memcmp(m->data + *sp, pc + 2, n) != 0) {
            return false;
        }
        *sp += n;
        return true;
    }
    uint32_t next, c = char_at(m, *sp, &next);
    switch (pc[0]) {
        case RE_OP_ANY:
            if (c == '\n') {
                return false;
            }
            break;
        case RE_OP_CHAR_I:
            if (!case_equal(c, get_char(pc + 1), false)) {
                return false;
            }
            break;
        case RE_OP_CLASS:
            if (!class_match(pc, c)) {
                return false;
            }
            break;
        default:    // ANY_NL
            break;
    }
    *sp = next;
    return true;
}

// ---- the stack --------------------------------------------------------------------------

static void grow(machine_t *m) {
    if (m->alloc > UINT32_MAX / 2 / sizeof(uint32_t)) {
        exc_raise_memory_error(SIZE_MAX);
    }
    uint32_t *bigger = gc_alloc(2 * m->alloc * sizeof(uint32_t), GC_LEAF);
    memcpy(bigger, m->stack, m->top * sizeof(uint32_t));
    if (m->stack_on_heap) {
        gc_free(m->stack);
    }
    m->stack = bigger;
    m->stack_on_heap = true;
    m->alloc *= 2;
}

static inline void push2(machine_t *m, uint32_t a, uint32_t tag) {
    if (m->top + 2 > m->alloc) {
        grow(m);
    }
    m->stack[m->top] = a;
    m->stack[m->top + 1] = tag;
    m->top += 2;
}

static inline void push3(machine_t *m, uint32_t a, uint32_t b, uint32_t tag) {
    if (m->top + 3 > m->alloc) {
        grow(m);
    }
    m->stack[m->top] = a;
    m->stack[m->top + 1] = b;
    m->stack[m->top + 2] = tag;
    m->top += 3;
}

static inline uint32_t tag(const machine_t *m, const uint8_t *pc, int kind) {
    return (uint32_t)(pc - m->code) << 3 | (uint32_t)kind;
}

// With no choice point below, a failure ends this attempt and nothing
// needs restoring: the undo record is skipped.
static inline void set_reg(machine_t *m, uint32_t reg, uint32_t value) {
    if (m->top > 0) {
        push2(m, m->regs[reg], reg << 3 | K_UNDO);
    }
    m->regs[reg] = value;
}

static uint32_t record_length(uint32_t tag) {
    switch (tag & 7) {
        case K_GREEDY:
        case K_LAZY:
            return 3;
        case K_SKIP:
            return tag >> 3;
        default:
            return 2;
    }
}

// Pops records down to `to`, restoring registers.
static void unwind(machine_t *m, uint32_t to) {
    while (m->top > to) {
        uint32_t t = m->stack[m->top - 1];
        if ((t & 7) == K_UNDO) {
            m->regs[t >> 3] = m->stack[m->top - 2];
        }
        m->top -= record_length(t);
    }
}

// Backtracks to the latest choice point: false when there is none left.
static bool backtrack(machine_t *m, const uint8_t **pc, uint32_t *sp) {
    while (m->top > 0) {
        uint32_t *rec = &m->stack[m->top - 1];
        uint32_t t = *rec;
        const uint8_t *at = m->code + (t >> 3);
        switch (t & 7) {
            case K_UNDO:
                m->regs[t >> 3] = rec[-1];
                m->top -= 2;
                break;
            case K_BRANCH:
                *sp = rec[-1];
                *pc = at;
                m->top -= 2;
                return true;
            case K_GREEDY: {
                uint32_t cur = before(m, rec[-1]);
                if (cur <= rec[-2]) {
                    m->top -= 3;
                } else {
                    rec[-1] = cur;
                }
                *sp = cur;
                *pc = at;
                return true;
            }
            case K_LAZY: {
                const uint8_t *item = at + RE_SIZE_SIMPLE;
                uint32_t count = rec[-2], cur = rec[-1];
                m->top -= 3;
                if (count < get32(at + 5) && item_match(m, item, &cur)) {
                    push3(m, count + 1, cur, t);
                    *sp = cur;
                    *pc = item + item_size(item);
                    return true;
                }
                break;
            }
            case K_LOOK:
                m->top -= 2;
                if (at[1] == RE_LOOK_NOT_AHEAD || at[1] == RE_LOOK_NOT_BEHIND) {
                    // the body failed: the negative assertion holds
                    *sp = rec[-1];
                    *pc = jump(at, 4);
                    return true;
                }
                break;
            default:
                m->top -= t >> 3;
                break;
        }
    }
    return false;
}

// ---- instructions that need more than a few lines -----------------------------------------

static bool backref_match(const machine_t *m, const uint8_t *pc, uint32_t *sp) {
    uint32_t group = get16(pc + 1);
    uint32_t s = m->regs[2 * group], e = m->regs[2 * group + 1];
    if (s == UNSET || e == UNSET || e < s) {
        return false;
    }
    if (!(pc[3] & RE_CLASS_ICASE)) {
        if (m->end - *sp < e - s || memcmp(m->data + *sp, m->data + s, e - s) != 0) {
            return false;
        }
        *sp += e - s;
        return true;
    }
    bool ascii = (pc[3] & RE_CLASS_ASCII) != 0;
    uint32_t at = *sp;
    while (s < e) {
        if (at >= m->end) {
            return false;
        }
        uint32_t a = char_at(m, s, &s), b = char_at(m, at, &at);
        if (!case_equal(a, b, ascii)) {
            return false;
        }
    }
    *sp = at;
    return true;
}

// The LOOK record of the innermost lookaround: its index in the stack.
static uint32_t find_look(const machine_t *m) {
    uint32_t i = m->top;
    while ((m->stack[i - 1] & 7) != K_LOOK) {
        i -= record_length(m->stack[i - 1]);
    }
    return i - 2;
}

// A lookaround's body matched. Returns false when that makes the
// lookaround fail (a negative one); else drops the body's choice points
// (keeping its register changes undoable) and sets *sp where matching goes
// on.
static bool look_end(machine_t *m, uint32_t *sp) {
    uint32_t at = find_look(m);
    const uint8_t *look = m->code + (m->stack[at + 1] >> 3);
    uint32_t started = m->stack[at];
    if (look[1] == RE_LOOK_NOT_AHEAD || look[1] == RE_LOOK_NOT_BEHIND) {
        unwind(m, at);
        return false;
    }
    if (look[1] != RE_LOOK_ATOMIC) {
        *sp = started;
    }
    bool has_undo = false;
    for (uint32_t i = m->top; i > at + 2; i -= record_length(m->stack[i - 1])) {
        has_undo |= (m->stack[i - 1] & 7) == K_UNDO;
    }
    if (!has_undo) {
        m->top = at;
        return true;
    }
    // The undo records must stay (they are below later choice points):
    // every other record of the body, and the LOOK record, become dead.
    for (uint32_t i = m->top; i > at;) {
        uint32_t t = m->stack[i - 1], len = record_length(t);
        if ((t & 7) != K_UNDO) {
            m->stack[i - 1] = len << 3 | K_SKIP;
        }
        i -= len;
    }
    return true;
}

// Starts a lookaround: false when a look-behind cannot fit before sp (then
// *pc is where to go for a negative one, or NULL to fail).
static bool look_start(machine_t *m, const uint8_t **pc, uint32_t *sp) {
    const uint8_t *look = *pc;
    uint32_t from = *sp;
    if (look[1] == RE_LOOK_BEHIND || look[1] == RE_LOOK_NOT_BEHIND) {
        for (uint32_t n = get16(look + 2); n > 0; n--) {
            if (from == 0) {
                *pc = look[1] == RE_LOOK_NOT_BEHIND ? jump(look, 4) : NULL;
                return false;
            }
            from = before(m, from);
        }
    }
    push2(m, *sp, tag(m, look, K_LOOK));
    *sp = from;
    *pc = look + RE_SIZE_LOOK;
    return true;
}

// A SIMPLE repeat at pc: takes its characters and leaves the record that
// can give them back (greedy) or take more (lazy). False when fewer than
// min characters match.
static bool simple(machine_t *m, const uint8_t **pc, uint32_t *sp) {
    const uint8_t *at = *pc, *item = at + RE_SIZE_SIMPLE, *next = item + item_size(item);
    uint32_t min = get32(at + 1), max = get32(at + 5), n = 0, cur = *sp;
    for (; n < min; n++) {
        if (!item_match(m, item, &cur)) {
            return false;
        }
    }
    if (at[9] == RE_REPEAT_LAZY) {
        if (n < max) {
            push3(m, n, cur, tag(m, at, K_LAZY));
        }
    } else {
        uint32_t lo = cur;
        if (item[0] == RE_OP_ANY_NL && !m->is_str) {
            cur = max - n < m->end - cur ? cur + (max - n) : m->end;
        } else {
            for (; n < max && item_match(m, item, &cur); n++) {
            }
        }
        if (at[9] == RE_REPEAT_GREEDY && cur > lo) {
            push3(m, lo, cur, tag(m, next, K_GREEDY));
        }
    }
    *sp = cur;
    *pc = next;
    return true;
}

// ---- the loop ----------------------------------------------------------------------------------

// Runs the program from its start at sp: true when it reaches MATCH.
static bool run(machine_t *m, uint32_t sp) {
    const uint8_t *pc = m->code;
    for (;;) {
        if (--m->budget == 0) {
            m->budget = STEPS;
            if (vm_interrupt_pending) {
                vm_check_interrupt();
            }
        }
        switch (*pc) {
            case RE_OP_MATCH:
                if ((m->mode == RE_FULLMATCH && sp != m->end)
                    || ((intptr_t)sp == m->not_empty_at && m->regs[0] == sp)) {
                    goto fail;
                }
                return true;
            case RE_OP_STR:
            case RE_OP_CHAR_I:
            case RE_OP_ANY:
            case RE_OP_ANY_NL:
            case RE_OP_CLASS:
                if (!item_match(m, pc, &sp)) {
                    goto fail;
                }
                pc += item_size(pc);
                break;
            case RE_OP_BOL:
            case RE_OP_BOS:
                if (sp != 0) {
                    goto fail;
                }
                pc++;
                break;
            case RE_OP_MBOL:
                if (sp != 0 && m->data[sp - 1] != '\n') {
                    goto fail;
                }
                pc++;
                break;
            case RE_OP_EOL:
                if (sp != m->end && !(sp + 1 == m->end && m->data[sp] == '\n')) {
                    goto fail;
                }
                pc++;
                break;
            case RE_OP_MEOL:
                if (sp != m->end && m->data[sp] != '\n') {
                    goto fail;
                }
                pc++;
                break;
            case RE_OP_EOS:
                if (sp != m->end) {
                    goto fail;
                }
                pc++;
                break;
            case RE_OP_WORDB:
            case RE_OP_NWORDB:
                // as CPython's, \B never matches in an empty subject
                if (at_boundary(m, sp, pc[1]) != (*pc == RE_OP_WORDB) || m->end == 0) {
                    goto fail;
                }
                pc += RE_SIZE_WORDB;
                break;
            case RE_OP_SAVE:
                set_reg(m, get16(pc + 1), sp);
                pc += RE_SIZE_SAVE;
                break;
            case RE_OP_SPLIT:
                push2(m, sp, tag(m, jump(pc, 1), K_BRANCH));
                pc += RE_SIZE_JUMP;
                break;
            case RE_OP_SPLIT_LAZY:
                push2(m, sp, tag(m, pc + RE_SIZE_JUMP, K_BRANCH));
                pc = jump(pc, 1);
                break;
            case RE_OP_JMP:
                pc = jump(pc, 1);
                break;
            case RE_OP_REP_INIT:
                set_reg(m, m->loop_base + 2 * get16(pc + 1), 0);
                pc += RE_SIZE_REP_INIT;
                break;
            case RE_OP_REP_LOOP: {
                uint32_t count = m->regs[m->loop_base + 2 * get16(pc + 1)];
                const uint8_t *exit = jump(pc, 12), *body = pc + RE_SIZE_REP_LOOP;
                if (count < get32(pc + 3)) {
                    pc = body;
                } else if (count >= get32(pc + 7)) {
                    pc = exit;
                } else if (pc[11] == RE_REPEAT_GREEDY) {
                    push2(m, sp, tag(m, exit, K_BRANCH));
                    pc = body;
                } else {
                    push2(m, sp, tag(m, body, K_BRANCH));
                    pc = exit;
                }
                break;
            }
            case RE_OP_REP_MARK: {
                // Where an iteration beyond the minimum starts: if it ends
                // there, more would repeat forever (as CPython, the
                // iterations up to the minimum are not checked).
                uint32_t reg = m->loop_base + 2 * get16(pc + 1);
                const uint8_t *loop = pc - RE_SIZE_REP_LOOP;
                set_reg(m, reg + 1, m->regs[reg] >= get32(loop + 3) ? sp : UNSET);
                pc += RE_SIZE_REP_MARK;
                break;
            }
            case RE_OP_REP_END: {
                uint32_t reg = m->loop_base + 2 * get16(pc + 1);
                set_reg(m, reg, m->regs[reg] + 1);
                pc = sp == m->regs[reg + 1] ? pc + RE_SIZE_REP_END : jump(pc, 3);
                break;
            }
            case RE_OP_SIMPLE:
                if (!simple(m, &pc, &sp)) {
                    goto fail;
                }
                break;
            case RE_OP_BACKREF:
                if (!backref_match(m, pc, &sp)) {
                    goto fail;
                }
                pc += RE_SIZE_BACKREF;
                break;
            case RE_OP_LOOK:
                if (!look_start(m, &pc, &sp) && pc == NULL) {
                    goto fail;
                }
                break;
            case RE_OP_LOOK_END:
                if (!look_end(m, &sp)) {
                    goto fail;
                }
                pc++;
                break;
            default:
                goto fail;    // not reached: the compiler emits no other byte
        }
        continue;
    fail:
        if (!backtrack(m, &pc, &sp)) {
            return false;
        }
    }
}

// ---- searching ----------------------------------------------------------------------------------

// The first instruction a match must pass that reads a character (after
// the SAVE of group 0 and of groups that open the pattern), or NULL.
static const uint8_t *first_item(const uint8_t *pc) {
    while (*pc == RE_OP_SAVE) {
        pc += RE_SIZE_SAVE;
    }
    if (*pc == RE_OP_SIMPLE && get32(pc + 1) > 0) {
        pc += RE_SIZE_SIMPLE;
    }
    switch (*pc) {
        case RE_OP_STR:
        case RE_OP_CHAR_I:
        case RE_OP_ANY:
        case RE_OP_ANY_NL:
        case RE_OP_CLASS:
            return pc;
        default:
            return NULL;
    }
}

// The next position from sp on where the first item matches (end if none).
static uint32_t skip_to_candidate(const machine_t *m, const uint8_t *first, uint32_t sp) {
    if (first[0] == RE_OP_STR) {
        const char *found = memchr(m->data + sp, first[2], m->end - sp);
        return found != NULL ? (uint32_t)(found - m->data) : m->end;
    }
    while (sp < m->end) {
        uint8_t b = (uint8_t)m->data[sp];
        if (first[0] == RE_OP_CLASS && b < 0x80) {
            if (class_match(first, b)) {
                break;
            }
            sp++;
            continue;
        }
        uint32_t at = sp;
        if (item_match(m, first, &at)) {
            break;
        }
        sp = at > sp ? at : sp + 1;
        if (m->is_str) {
            while (sp < m->end && UTF8_IS_CONT(m->data[sp])) {
                sp++;
            }
        }
    }
    return sp;
}

bool re_exec(const re_prog_t *prog, const char *data, size_t end, size_t start, re_mode_t mode,
             intptr_t not_empty_at, intptr_t *caps) {
    if (end >= UNSET) {
        raise_msg(&type_OverflowError, "string too long for a regular expression");
    }
    uint32_t local_stack[LOCAL_STACK], local_regs[LOCAL_REGS];
    machine_t m;
    m.code = prog->code;
    m.data = data;
    m.end = (uint32_t)end;
    m.is_str = !prog->is_bytes;
    m.mode = (uint8_t)mode;
    m.not_empty_at = not_empty_at;
    m.loop_base = 2 * ((uint32_t)prog->n_groups + 1);
    size_t n_regs = m.loop_base + 2 * (size_t)prog->n_loops;
    m.regs = n_regs <= LOCAL_REGS ? local_regs : gc_alloc(n_regs * sizeof(uint32_t), GC_LEAF);
    m.stack = local_stack;
    m.alloc = LOCAL_STACK;
    m.stack_on_heap = false;
    m.budget = STEPS;
    const uint8_t *first = mode == RE_SEARCH ? first_item(prog->code) : NULL;
    uint32_t sp = (uint32_t)start;
    for (;;) {
        if (first != NULL) {
            sp = skip_to_candidate(&m, first, sp);
            if (sp >= m.end) {
                return false;
            }
        }
        memset(m.regs, 0xFF, m.loop_base * sizeof(uint32_t));
        m.top = 0;
        if (run(&m, sp)) {
            for (uint32_t i = 0; i < m.loop_base; i++) {
                caps[i] = m.regs[i] == UNSET ? -1 : (intptr_t)m.regs[i];
            }
            return true;
        }
        if (mode != RE_SEARCH || prog->anchored || sp >= m.end) {
            return false;
        }
        sp = m.is_str ? (uint32_t)(utf8_skip(data + sp, data + m.end, 1) - data) : sp + 1;
    }
}
