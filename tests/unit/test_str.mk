# SPDX-License-Identifier: MIT
# Builds and runs the str/bytes unit test: make -f tests/unit/test_str.mk
CC ?= cc
PYTHON ?= python3
GEN := build/unit_str/gen
SRC := core/str.c core/str_methods.c core/str_case.c core/str_tables.c core/strformat.c \
       core/vstr.c core/unicode.c core/bytes.c core/bytearray.c core/memoryview.c \
       core/gc.c core/qstr.c tests/unit/test_str.c $(GEN)/qstrdata.c

run: build/unit_str/test_str
	build/unit_str/test_str

$(GEN)/qstrdefs.h: $(SRC:$(GEN)/qstrdata.c=) core/qstr_special.txt
	@mkdir -p $(GEN)
	$(PYTHON) tools/genqstr.py $(GEN) core/qstr_special.txt core/*.c core/*.h tests/unit/test_str.c

$(GEN)/qstrdata.c: $(GEN)/qstrdefs.h

build/unit_str/test_str: $(GEN)/qstrdefs.h $(SRC)
	$(CC) -std=gnu11 -g -O1 -fsanitize=address,undefined -Wall -Wextra -Wno-unused-parameter \
	    -Icore -Iplatform/host -I$(GEN) $(SRC) -o $@ -lm
