// SPDX-License-Identifier: MIT
// Start-up and CPU exception vectors for QEMU's lx106 "sim" machine.
//
// The sim machine starts the CPU at its reset vector, 0x50000000 (writable
// "sysrom" there), not at the ELF entry, so the linker script puts _reset
// there. It jumps over two literal words (L32R only loads from lower
// addresses), sets the stack, points VECBASE at our vector table at the start
// of IRAM (as MicroPython does on the chip), leaves the exception mode the
// core resets in (PS.EXCM) with every interrupt masked, and calls
// qemu_start (main.c), which never returns.
//
// Every vector reports the exception through qemu_exception (main.c), which
// prints the cause and address and ends QEMU: a wild pointer, an unaligned
// access or an illegal instruction stops the run at once instead of hanging.

    .section .reset.text, "ax"
    .global _reset
    .align 4
_reset:
    j       1f
    .align 4
.Lstart:
    .word   qemu_start
.Lstack:
    .word   _stack_top
.Lvectors:
    .word   _vectors
1:
    l32r    a1, .Lstack
    l32r    a2, .Lvectors
    wsr     a2, vecbase
    movi    a2, 0x2F                 // PS: UM (user vector), INTLEVEL 15, EXCM 0
    wsr     a2, ps
    rsync
    l32r    a0, .Lstart
    callx0  a0
2:
    j       2b

// The vector table: each slot loads a vector number and jumps to the shared
// report below. Offsets from VECBASE are the lx106's (spec section 1).
    .section .vectors.text, "ax"
    .global _vectors
    .align 256
_vectors:
    .org    0x10                     // debug
    movi    a5, 1
    j       .Lreport
    .org    0x20                     // NMI
    movi    a5, 2
    j       .Lreport
    .org    0x30                     // kernel exception
    movi    a5, 3
    j       .Lreport
    .org    0x50                     // user exception (and level-1 interrupts)
    movi    a5, 4
    j       .Lreport
    .org    0x70                     // double exception: its PC is in DEPC
    rsr     a3, depc
    movi    a5, 5
    j       .Lreport_pc
    .org    0x80
    .align  4
.Lhandler:
    .word   qemu_exception
.Lreport:
    rsr     a3, epc1
.Lreport_pc:
    rsr     a2, exccause
    rsr     a4, excvaddr
    l32r    a0, .Lhandler
    callx0  a0                       // qemu_exception(cause, pc, vaddr, vector)
3:
    j       3b
