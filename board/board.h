// SPDX-License-Identifier: MIT
// What every file of board/ includes: board/ is the ESP8266 as its users
// see it (machine, esp, the boot sequence), built on core/, lib/ and the
// hardware boundary; the same code runs on the chip and on the simulated
// board of the host. Modules register with lib/lib.h's ESPY_MODULE.
#ifndef ESPY_BOARD_H
#define ESPY_BOARD_H

#include "lib.h"

#endif
