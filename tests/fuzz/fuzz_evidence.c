/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the structure checks that read hostile files in the
 * wizard's own process (GIF/BMP headers, the ZIP central directory of Office
 * files). libmagic and the decoders run in the worker process (their inputs
 * are run under ASan by tests/evidence/decoders_survive_every_file.sh; the worker's
 * replies by fuzz_worker_reply). The input is put in a memory file so the
 * checks read it with pread exactly as they read a real file. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#include "evidence/evidence_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const mimes[] = {
	    "image/gif", "image/bmp",
	    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"};
	static int fd = -1;
	if (fd < 0 && (fd = memfd_create("fuzz", MFD_CLOEXEC)) < 0)
		return 0;
	if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
		return 0;
	struct evidence_shape sh;
	for (size_t i = 0; i < sizeof(mimes) / sizeof(mimes[0]); i++)
		evidence_shape_check(fd, size, mimes[i], &sh);
	evidence_zip_kind(fd, size);
	return 0;
}
