// SPDX-License-Identifier: MIT
// Block devices: what the flash filesystems (os.VfsLfs2, os.VfsFat)
// read and write, with MicroPython's protocol, so that any object having
//
//     readblocks(block, buf, offset=0)     fills buf from block's byte offset on
//     writeblocks(block, buf, offset)      programs buf there (no erase);
//                                          without offset: erases, then writes
//     ioctl(op, arg)                       the BLOCKDEV_IOCTL_* operations
//
// works as one, a class written in Python included. A block device written
// in C (the simulated flash of platform/host/flash_sim.c)
// gives a blockdev_p_t in its type's `protocol` slot and is called directly,
// with no Python call and no allocation.
//
// A filesystem holds a blockdev_t: a C view of the device that reads and
// programs byte ranges inside one block and erases blocks. Its functions
// return 0 or a negative ESPY_E* value and never raise, so that littlefs
// unwinds normally: an exception raised by a Python method is kept in the
// blockdev_t and the function returns -ESPY_EIO; blockdev_check then
// raises it once the filesystem's C code has returned.
#ifndef ESPY_BLOCKDEV_H
#define ESPY_BLOCKDEV_H

#include "lib.h"

// ioctl operations, MicroPython's numbers.
#define BLOCKDEV_IOCTL_INIT 1
#define BLOCKDEV_IOCTL_DEINIT 2
#define BLOCKDEV_IOCTL_SYNC 3
#define BLOCKDEV_IOCTL_BLOCK_COUNT 4
#define BLOCKDEV_IOCTL_BLOCK_SIZE 5
#define BLOCKDEV_IOCTL_BLOCK_ERASE 6

// A block device in C. Ranges never leave the device (blockdev.c checks);
// each returns 0 or a negative ESPY_E* value. ioctl stores the answer of
// BLOCK_COUNT and BLOCK_SIZE in *result.
typedef struct blockdev_p {
    uint8_t kind;              // PROTOCOL_BLOCKDEV
    int (*read)(value_t self, uint32_t block, uint32_t offset, void *buf, size_t len);
    int (*prog)(value_t self, uint32_t block, uint32_t offset, const void *buf, size_t len);
    int (*ioctl)(value_t self, int op, uint32_t arg, uint32_t *result);
} blockdev_p_t;

typedef struct blockdev {
    value_t obj;
    const blockdev_p_t *p;     // NULL: called through its Python methods
    value_t error;             // the exception a method raised, or VAL_NULL
    uint32_t block_size, block_count;
} blockdev_t;

// Makes bd a view of obj: INIT, then its block size and count
// (AttributeError for an object without the methods, OSError when it fails).
void blockdev_open(blockdev_t *bd, value_t obj);
int blockdev_read(blockdev_t *bd, uint32_t block, uint32_t offset, void *buf, size_t len);
int blockdev_prog(blockdev_t *bd, uint32_t block, uint32_t offset, const void *buf, size_t len);
int blockdev_erase(blockdev_t *bd, uint32_t block);
// One whole block, as FAT uses the device (spec 1.4): a Python device gets
// MicroPython's two-argument readblocks(block, buf) and writeblocks(block,
// buf) (which erases before it writes); a C device is read, or erased and
// programmed.
int blockdev_read_block(blockdev_t *bd, uint32_t block, void *buf);
int blockdev_write_block(blockdev_t *bd, uint32_t block, const void *buf);
int blockdev_sync(blockdev_t *bd);
// Raises what a Python method raised during the last calls, if anything,
// else OSError(-err) for err < 0.
void blockdev_check(blockdev_t *bd, int err);

#endif
