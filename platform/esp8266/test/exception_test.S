// SPDX-License-Identifier: MIT
// Assembly for exception_test.c: QEMU's reset stub, loads that fault as on
// the chip, and a loop that an interrupt must not disturb.

// QEMU's sim machine starts here; start.S's _start does the rest.
    .section .reset.text, "ax"
    .global _reset
    .align  4
_reset:
    j       1f
    .align  4
.Lstart:
    .word   _start
1:
    l32r    a0, .Lstart
    jx      a0

// uint32_t NAME(const void *addr): enters the user vector exactly as the
// chip does for INSN (which reads addr through a3) when it raises
// LoadStoreError: EXCCAUSE 3, EXCVADDR = addr, EPC1 = the instruction,
// PS.EXCM set. exception.c must emulate INSN and resume after it; NAME then
// returns what INSN loaded (moved to a2 by MOVE). PAD, never executed, moves
// INSN to another offset within its word (exception.c reads the instruction
// with aligned 32-bit loads).
    .macro  fake_fault name, insn, move, pad=""
    .section .text.\name, "ax"
    .align  4
.Lepc\@:
    .word   .Linsn\@
.Lvector\@:
    .word   _vectors + 0x50
    .global \name
    .type   \name, @function
    .align  4
\name:
    mov     a3, a2
    movi    a4, 3
    wsr     a4, exccause
    wsr     a3, excvaddr
    l32r    a4, .Lepc\@
    wsr     a4, epc1
    rsr     a4, ps
    movi    a5, 0x10                // EXCM
    or      a4, a4, a5
    wsr     a4, ps
    rsync
    movi    a2, 0x5A5A              // what a2 holds unless the emulation writes it
    l32r    a4, .Lvector\@
    jx      a4
    \pad
.Linsn\@:
    \insn
    \move
    ret
    .size   \name, . - \name
    .endm

    fake_fault test_l8ui, "l8ui a2, a3, 0", "nop"
    fake_fault test_l16ui, "l16ui a2, a3, 0", "nop"
    fake_fault test_l16si, "l16si a2, a3, 0", "nop"
    fake_fault test_l8ui_a9, "l8ui a9, a3, 0", "mov a2, a9"
    fake_fault test_s8i, "s8i a2, a3, 0", "nop"
    fake_fault test_l8ui_pad1, "l8ui a2, a3, 0", "nop", ".skip 1"
    fake_fault test_l8ui_pad2, "l8ui a2, a3, 0", "nop", ".skip 2"
    fake_fault test_l8ui_pad3, "l8ui a2, a3, 0", "nop", ".skip 3"

// uint32_t test_irq_spin(volatile uint32_t *count): fills a3..a14 and SAR
// with patterns, spins until *count changes (an interrupt handler ran; a15
// counts the turns down from 2^26), and returns 0 if every register still
// holds its pattern, else the number of the first one that does not (16 for
// SAR, 17 when no interrupt came).
    .section .text.test_irq_spin, "ax"
    .global test_irq_spin
    .type   test_irq_spin, @function
    .align  4
test_irq_spin:
    addi    a1, a1, -32
    s32i    a0, a1, 0
    s32i    a12, a1, 4
    s32i    a13, a1, 8
    s32i    a14, a1, 12
    s32i    a15, a1, 16
    l32i    a3, a2, 0               // the count before
    movi    a4, 0x404
    movi    a5, 0x505
    movi    a6, 0x606
    movi    a7, 0x707
    movi    a8, 0x808
    movi    a9, 0x909
    movi    a10, 0x10A
    movi    a11, 0x10B
    movi    a12, 0x10C
    movi    a13, 0x10D
    movi    a14, 0x10E
    movi    a15, 1
    slli    a15, a15, 26
    ssai    12
1:
    addi    a15, a15, -1
    beqz    a15, .Lno_interrupt
    memw
    l32i    a0, a2, 0
    beq     a0, a3, 1b
    rsr     a0, sar
    bnei    a0, 12, .Lbad_sar
    movi    a0, 0x404
    bne     a4, a0, .Lbad4
    movi    a0, 0x505
    bne     a5, a0, .Lbad5
    movi    a0, 0x606
    bne     a6, a0, .Lbad6
    movi    a0, 0x707
    bne     a7, a0, .Lbad7
    movi    a0, 0x808
    bne     a8, a0, .Lbad8
    movi    a0, 0x909
    bne     a9, a0, .Lbad9
    movi    a0, 0x10A
    bne     a10, a0, .Lbad10
    movi    a0, 0x10B
    bne     a11, a0, .Lbad11
    movi    a0, 0x10C
    bne     a12, a0, .Lbad12
    movi    a0, 0x10D
    bne     a13, a0, .Lbad13
    movi    a0, 0x10E
    bne     a14, a0, .Lbad14
    movi    a2, 0
    j       .Ldone
.Lbad_sar:
    movi    a2, 16
    j       .Ldone
.Lbad4:
    movi    a2, 4
    j       .Ldone
.Lbad5:
    movi    a2, 5
    j       .Ldone
.Lbad6:
    movi    a2, 6
    j       .Ldone
.Lbad7:
    movi    a2, 7
    j       .Ldone
.Lbad8:
    movi    a2, 8
    j       .Ldone
.Lbad9:
    movi    a2, 9
    j       .Ldone
.Lbad10:
    movi    a2, 10
    j       .Ldone
.Lbad11:
    movi    a2, 11
    j       .Ldone
.Lbad12:
    movi    a2, 12
    j       .Ldone
.Lbad13:
    movi    a2, 13
    j       .Ldone
.Lbad14:
    movi    a2, 14
    j       .Ldone
.Lno_interrupt:
    movi    a2, 17
.Ldone:
    l32i    a0, a1, 0
    l32i    a12, a1, 4
    l32i    a13, a1, 8
    l32i    a14, a1, 12
    l32i    a15, a1, 16
    addi    a1, a1, 32
    ret
    .size   test_irq_spin, . - test_irq_spin

// Raises an exception through the kernel vector: PS.UM cleared, then an
// illegal instruction.
    .section .text.test_kernel_exception, "ax"
    .global test_kernel_exception
    .type   test_kernel_exception, @function
    .align  4
test_kernel_exception:
    rsr     a2, ps
    movi    a3, ~0x20
    and     a2, a2, a3
    wsr     a2, ps
    rsync
    ill
    ret
    .size   test_kernel_exception, . - test_kernel_exception
