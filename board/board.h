// SPDX-License-Identifier: MIT
// What every file of board/ includes: board/ is the ESP8266 as its users
// see it (machine, esp, the boot sequence), built on core/, lib/ and the
// hardware boundary; the same code runs on the chip and on the simulated
// board of the host. Modules register with lib/lib.h's ESPY_MODULE.
#ifndef ESPY_BOARD_H
#define ESPY_BOARD_H

#include "lib.h"

// The board's RAM roots (the REPL's history) and its reset at start-up and
// soft reset; lib/modules.c calls them with lib's own.
void board_mark_roots(void);
void board_reset(void);

#endif
