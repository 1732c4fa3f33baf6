// SPDX-License-Identifier: MIT
// Entry point, CPU vectors and exception entry of the ESP8266 firmware.
//
// The boot ROM copies the image's IRAM and DRAM segments and jumps to _start
// (the ELF entry, written in the image header) with its own stack and
// vectors. _start masks interrupts, takes the C stack (the top 8 KiB of the
// ROM's data RAM, as MicroPython does: esp8266.ld), points VECBASE at the
// table below, clears .bss, maps the first MiB of flash at 0x40200000 with
// Cache_Read_Enable(0, 0, 1) before anything there is touched, and calls
// firmware_main (main.c), which never returns. chip_soft_restart enters the
// same path with the cache already on (MicroPython's soft reboot: every C
// variable starts afresh).
//
// The vector table sits at the start of IRAM (spec section 1: the offsets
// from VECBASE). All level-1 interrupts and all exceptions of code running
// with PS.UM = 1, which is all our code, arrive at the user vector: it saves
// every register in an exception_frame_t (chip.h) on the interrupted stack
// and calls chip_exception_dispatch (exception.c), which serves the
// interrupt, or emulates a byte load from flash and moves the saved pc past
// it, or reports a fatal exception. Then the frame is restored, including
// any register the handler changed, and RFE resumes at EPC1. The handler
// runs with PS.EXCM set: interrupts stay masked and a fault inside it is a
// double exception. The other vectors (debug, kernel, double) report and
// restart; an NMI (nothing routes one to the CPU) returns at once.

#define FRAME_SIZE 80               // sizeof(exception_frame_t), a multiple of 16
#define FRAME_SAR 64
#define FRAME_PC 68
#define FRAME_PS 72
#define PS_BOOT 0x2F                // UM = 1, EXCM = 0, INTLEVEL = 15

    .section .vectors.text, "ax"
    .global _vectors
    .align 256
_vectors:
    .org    0x10                    // debug exception (level 2)
    movi    a2, 1
    j       .Lfatal_vector
    .org    0x20                    // NMI (level 3)
    rfi     3
    .org    0x30                    // kernel exception
    movi    a2, 3
    j       .Lfatal_vector
    .org    0x50                    // user exception and level-1 interrupts
    wsr     a0, excsave1
    j       _user_exception
    .org    0x70                    // double exception
    movi    a2, 5
    j       .Lfatal_vector
    .org    0x80
    .align  4
.Lfatal_stack:
    .word   _stack_top
.Lfatal_fn:
    .word   chip_fatal_vector
// The stack pointer may be what went wrong: take a fresh one (the chip
// restarts after the report).
.Lfatal_vector:
    l32r    a1, .Lfatal_stack
    l32r    a0, .Lfatal_fn
    callx0  a0                      // chip_fatal_vector(vector)
1:
    j       1b

    .section .iram.text, "ax"
    .literal .Lstack_top, _stack_top           // in .iram.literal (esp8266.ld)
    .literal .Lvector_base, _vectors
    .literal .Lbss_start, _bss_start
    .literal .Lbss_end, _bss_end
    .literal .Lcache_read_enable, Cache_Read_Enable
    .literal .Lfirmware_main, firmware_main
    .literal .Ldispatch, chip_exception_dispatch

    .global _start
    .type   _start, @function
_start:
    movi    a12, 0                  // cold start
    j       .Lboot

    .global chip_soft_restart
    .type   chip_soft_restart, @function
chip_soft_restart:
    movi    a12, 1                  // soft restart: the cache is on already

.Lboot:
    movi    a2, PS_BOOT
    wsr     a2, ps
    rsync
    movi    a2, 0
    wsr     a2, intenable
    l32r    a1, .Lstack_top
    l32r    a2, .Lvector_base
    wsr     a2, vecbase
    isync
    l32r    a2, .Lbss_start         // .bss is word-aligned at both ends (esp8266.ld)
    l32r    a3, .Lbss_end
    movi    a4, 0
1:
    bgeu    a2, a3, 2f
    s32i    a4, a2, 0
    addi    a2, a2, 4
    j       1b
2:
    bnez    a12, 3f
    movi    a2, 0                   // Cache_Read_Enable(0, 0, 1): flash 0..1 MiB, 32 KiB cache
    movi    a3, 0
    movi    a4, 1
    l32r    a0, .Lcache_read_enable
    callx0  a0
3:
    mov     a2, a12
    l32r    a0, .Lfirmware_main
    callx0  a0                      // firmware_main(soft), never returns
4:
    j       4b
    .size   _start, . - _start

    .global _user_exception
    .type   _user_exception, @function
    .align  4
_user_exception:
    addi    a1, a1, -FRAME_SIZE
    s32i    a2, a1, 8
    s32i    a3, a1, 12
    s32i    a4, a1, 16
    s32i    a5, a1, 20
    s32i    a6, a1, 24
    s32i    a7, a1, 28
    s32i    a8, a1, 32
    s32i    a9, a1, 36
    s32i    a10, a1, 40
    s32i    a11, a1, 44
    s32i    a12, a1, 48
    s32i    a13, a1, 52
    s32i    a14, a1, 56
    s32i    a15, a1, 60
    rsr     a2, excsave1            // a0, saved by the vector
    s32i    a2, a1, 0
    addi    a2, a1, FRAME_SIZE      // a1 as it was
    s32i    a2, a1, 4
    rsr     a2, sar
    s32i    a2, a1, FRAME_SAR
    rsr     a2, epc1
    s32i    a2, a1, FRAME_PC
    rsr     a2, ps
    s32i    a2, a1, FRAME_PS
    mov     a2, a1
    l32r    a0, .Ldispatch
    callx0  a0                      // chip_exception_dispatch(frame)
    l32i    a2, a1, FRAME_SAR
    wsr     a2, sar
    l32i    a2, a1, FRAME_PC
    wsr     a2, epc1
    l32i    a2, a1, FRAME_PS
    wsr     a2, ps
    rsync
    l32i    a0, a1, 0
    l32i    a2, a1, 8
    l32i    a3, a1, 12
    l32i    a4, a1, 16
    l32i    a5, a1, 20
    l32i    a6, a1, 24
    l32i    a7, a1, 28
    l32i    a8, a1, 32
    l32i    a9, a1, 36
    l32i    a10, a1, 40
    l32i    a11, a1, 44
    l32i    a12, a1, 48
    l32i    a13, a1, 52
    l32i    a14, a1, 56
    l32i    a15, a1, 60
    l32i    a1, a1, 4               // last: the handler may have set a1 (a load into a1)
    rfe
    .size   _user_exception, . - _user_exception
