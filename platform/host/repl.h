// SPDX-License-Identifier: MIT
// The host program's own interface between its files: the interactive
// REPL (repl.c) and the start-up hook of hal_host.c.
#ifndef ESPY_HOST_REPL_H
#define ESPY_HOST_REPL_H

// Runs the interactive REPL on stdin until Ctrl-D or SystemExit; returns
// the process's exit status. espy_init() must have been called.
int host_repl_run(void);

// The banner's first line (without newline), also used by --version.
const char *repl_version_line(void);

// ---- hal_host.c
// Records where the C stack starts (called first thing in main).
void hal_host_init(void *stack_top);

#endif
