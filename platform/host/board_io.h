// SPDX-License-Identifier: MIT
// `espy --board-io PATH` (board_io.c): the simulated board's controls on a
// Unix socket, for test scripts and people (docs/board-io.md).
#ifndef ESPY_HOST_BOARD_IO_H
#define ESPY_HOST_BOARD_IO_H

// Listens on PATH (replacing a socket an earlier run left there); 0, or -1
// having said why on stderr.
int board_io_start(const char *path);

#endif
