/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_worker.h — the worker program's own pieces (ipwiz-worker,
 * evidence_serve.c) besides the decoders: libmagic (evidence_magic.c) and
 * the sandbox (evidence_sandbox.c). The parent side of the worker is in
 * evidence_internal.h. */
#ifndef IPWIZ_EVIDENCE_WORKER_H
#define IPWIZ_EVIDENCE_WORKER_H

#include <stdbool.h>
#include <stddef.h>

/* libmagic with the system database only (never $MAGIC or ~/.magic), or
 * NULL when it cannot be loaded. */
void *evidence_magic_load(void);
/* The MIME type of fd into mime; false when libmagic has no answer. */
bool evidence_magic_describe(void *magic, int fd, char *mime, size_t size);

/* Limits for the worker's whole life: no core files, no file written, at
 * most EVIDENCE_WORKER_MEMORY of address space (not under AddressSanitizer,
 * which reserves terabytes of shadow memory). */
void evidence_sandbox_limits(void);
/* The next seconds of CPU time are this file's: the worker is killed by
 * SIGXCPU when they are used up. */
void evidence_sandbox_cpu(unsigned seconds);
/* Confine the worker for good, after every library is loaded: Landlock (read
 * only, and only where fonts and shared data live) and a seccomp filter
 * (the system calls decoding needs; opening files read-only), each where
 * the kernel and the build have it. Returns the EVIDENCE_SANDBOX_* bits in
 * force. */
unsigned evidence_sandbox_enter(void);

#endif
