// SPDX-License-Identifier: MIT
// The host's last resort for internal errors.
#include <stdio.h>
#include <stdlib.h>

#include "hal.h"

void hal_fatal(const char *msg) {
    fprintf(stderr, "espy: fatal error: %s\n", msg);
    abort();
}
