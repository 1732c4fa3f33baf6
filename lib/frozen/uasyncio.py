# SPDX-License-Identifier: MIT
# uasyncio, asyncio's old name in MicroPython: the same module under both.
import sys
import asyncio

sys.modules["uasyncio"] = asyncio
