# SPDX-License-Identifier: MIT
# littlefs's unit test: `make -f tests/unit/lfs2.mk test-lfs2` from the repo
# root builds lib/lfs2*.c alone with the sanitizers and checks the bytes of
# the spec's examples and random operations against a model.

LFS2_CC ?= cc
LFS2_CFLAGS = -std=gnu11 -Wall -Wextra -Wno-unused-parameter -Werror -g -O1 -fsanitize=address,undefined \
	-fno-sanitize-recover=all -fno-omit-frame-pointer
LFS2_SRC = lib/lfs2_meta.c lib/lfs2_fs.c lib/lfs2_file.c tests/unit/test_lfs2.c

.PHONY: test-lfs2

test-lfs2: build/unit/test_lfs2
	./build/unit/test_lfs2

build/unit/test_lfs2: $(LFS2_SRC) lib/lfs2.h lib/lfs2_impl.h tests/unit/lfs2.mk
	@mkdir -p build/unit
	$(LFS2_CC) $(LFS2_CFLAGS) -Ilib -o $@ $(LFS2_SRC)
