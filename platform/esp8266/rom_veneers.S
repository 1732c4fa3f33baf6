// SPDX-License-Identifier: MIT
// Jumps to the boot ROM's floating-point helpers, from flash.
//
// Picolibc's libm is compiled without -mlongcalls: it calls __adddf3 and
// friends with CALL0, which reaches 512 KiB either way, and the ROM at
// 0x4000xxxx is 2 MiB below the flash window. So these names are defined
// here, in irom0 (near libm), each as a jump to the ROM routine that
// esp8266.ld binds as rom_NAME. a8 is free at a call (a scratch register in
// the CALL0 ABI; arguments are in a2..a7, the return address in a0).
//
// Our own code is compiled with -mlongcalls and calls the ROM's integer
// helpers directly (PROVIDE in esp8266.ld); its float operations go through
// these veneers too (one jump more). If another
// library routine ever CALL0s one of those, the link fails with "dangerous
// relocation: call0: call target out of range: NAME": add NAME here.

    .macro  veneer name
    .section .text.veneer\name, "ax"
    .align  4
.Lrom\name:
    .word   rom\name
    .global \name
    .type   \name, @function
    .align  4
\name:
    l32r    a8, .Lrom\name
    jx      a8
    .size   \name, . - \name
    .endm

    veneer  __addsf3
    veneer  __subsf3
    veneer  __mulsf3
    veneer  __floatsisf
    veneer  __floatunsisf
    veneer  __adddf3
    veneer  __subdf3
    veneer  __muldf3
    veneer  __divdf3
    veneer  __fixdfsi
    veneer  __fixunsdfsi
    veneer  __floatsidf
    veneer  __floatunsidf
    veneer  __extendsfdf2
    veneer  __truncdfsf2
