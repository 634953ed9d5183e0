/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_sandbox.c — the walls around the worker process, which parses
 * hostile bytes with big libraries. Resource limits always: no core file, no
 * file written, a memory ceiling, a CPU budget per file. Then, once
 * libmagic is loaded (and, in a worker that may be asked for PDFs, poppler,
 * cairo and fontconfig have drawn a first page, so their configuration and
 * caches are read), two more where they exist:
 *
 * - Landlock (Linux 5.13 and later, no library): from then on the worker
 *   may read files only under /usr (fonts, poppler's CMaps, OCR models
 *   or $TESSDATA_PREFIX, shared data),
 *   /etc/fonts and the fontconfig caches, and write none; the descriptors it
 *   already holds (the socket, the file being checked) still work;
 * - seccomp (libseccomp, when configure found it): only the system calls
 *   decoding needs — reading, mapping memory, the socket's messages, time,
 *   opening files read-only (fonts are opened when a page first uses them)
 *   — anything else, such as a socket, an exec or a write to a new file,
 *   fails with EPERM.
 *
 * A worker that breaks through the decoder still cannot reach the network,
 * start a program or read the user's files; it can only answer the parent,
 * which trusts nothing it says (evidence_wire.c). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#ifdef HAVE_LINUX_LANDLOCK_H
#include <linux/landlock.h>
#endif
#ifdef HAVE_SECCOMP
#include <seccomp.h>
#endif

#include "evidence_internal.h"
#include "evidence_worker.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

#define WORKER_MEMORY (2048ul * 1024 * 1024)

void evidence_sandbox_limits(void)
{
	struct rlimit zero = {0, 0};
	setrlimit(RLIMIT_CORE, &zero);
	setrlimit(RLIMIT_FSIZE, &zero);
	signal(SIGXFSZ, SIG_IGN); /* a write past the limit fails instead */
#ifndef UNDER_ASAN
	/* ASan reserves terabytes of shadow address space: no limit there. */
	struct rlimit mem = {WORKER_MEMORY, WORKER_MEMORY};
	setrlimit(RLIMIT_AS, &mem);
#endif
}

/* The CPU limit counts the worker's whole life, so its soft value is moved
 * forward before each file; the hard one is left alone (raising it again
 * would need privileges). */
void evidence_sandbox_cpu(unsigned seconds)
{
	struct rusage ru;
	struct rlimit cpu;
	if (getrusage(RUSAGE_SELF, &ru) != 0 || getrlimit(RLIMIT_CPU, &cpu) != 0)
		return;
	rlim_t used = (rlim_t)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + 1;
	cpu.rlim_cur = used + seconds;
	if (cpu.rlim_max != RLIM_INFINITY && cpu.rlim_cur > cpu.rlim_max)
		cpu.rlim_cur = cpu.rlim_max;
	setrlimit(RLIMIT_CPU, &cpu);
}

#if defined(HAVE_LINUX_LANDLOCK_H) && defined(SYS_landlock_create_ruleset)
static void landlock_allow(int ruleset, const char *path, uint64_t access)
{
	int fd = open(path, O_PATH | O_CLOEXEC);
	if (fd < 0)
		return;
	struct landlock_path_beneath_attr rule = {.allowed_access = access, .parent_fd = fd};
	syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0);
	close(fd);
}

static bool landlock_enter(void)
{
	long abi = syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
	if (abi < 1)
		return false;
	uint64_t fs = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE |
		      LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR |
		      LANDLOCK_ACCESS_FS_REMOVE_DIR | LANDLOCK_ACCESS_FS_REMOVE_FILE |
		      LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR |
		      LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_MAKE_SOCK |
		      LANDLOCK_ACCESS_FS_MAKE_FIFO | LANDLOCK_ACCESS_FS_MAKE_BLOCK |
		      LANDLOCK_ACCESS_FS_MAKE_SYM;
#ifdef LANDLOCK_ACCESS_FS_REFER
	if (abi >= 2)
		fs |= LANDLOCK_ACCESS_FS_REFER;
#endif
#ifdef LANDLOCK_ACCESS_FS_TRUNCATE
	if (abi >= 3)
		fs |= LANDLOCK_ACCESS_FS_TRUNCATE;
#endif
	struct landlock_ruleset_attr attr = {.handled_access_fs = fs};
	int ruleset = (int)syscall(SYS_landlock_create_ruleset, &attr, sizeof(attr), 0);
	if (ruleset < 0)
		return false;
	uint64_t read = LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR;
	static const char *const dirs[] = {"/usr", "/etc/fonts", "/var/cache/fontconfig"};
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		landlock_allow(ruleset, dirs[i], read);
	/* OCR models load on the first scan read, from here when it is set. */
	const char *models = getenv("TESSDATA_PREFIX");
	if (models && models[0] == '/')
		landlock_allow(ruleset, models, read);
	bool ok = syscall(SYS_landlock_restrict_self, ruleset, 0) == 0;
	close(ruleset);
	return ok;
}
#else
static bool landlock_enter(void)
{
	return false;
}
#endif

#ifdef HAVE_SECCOMP
/* Allow call when argument i compares to a (masked by mask, or equal). */
static bool allow_if(scmp_filter_ctx f, int call, unsigned i, enum scmp_compare op, scmp_datum_t a,
		     scmp_datum_t b)
{
	struct scmp_arg_cmp cmp = {.arg = i, .op = op, .datum_a = a, .datum_b = b};
	return seccomp_rule_add_array(f, SCMP_ACT_ALLOW, call, 1, &cmp) == 0;
}

static bool seccomp_enter(void)
{
	scmp_filter_ctx f = seccomp_init(SCMP_ACT_ERRNO(EPERM));
	if (!f)
		return false;
	static const int allowed[] = {
	    /* reading what is open, and the socket */
	    SCMP_SYS(read), SCMP_SYS(readv), SCMP_SYS(pread64), SCMP_SYS(preadv), SCMP_SYS(write),
	    SCMP_SYS(writev), SCMP_SYS(lseek), SCMP_SYS(close), SCMP_SYS(fstat),
	    SCMP_SYS(newfstatat), SCMP_SYS(statx), SCMP_SYS(stat), SCMP_SYS(lstat), SCMP_SYS(fcntl),
	    SCMP_SYS(dup), SCMP_SYS(dup2), SCMP_SYS(dup3), SCMP_SYS(recvmsg), SCMP_SYS(sendmsg),
	    SCMP_SYS(recvfrom), SCMP_SYS(sendto),
	    /* finding fonts: fontconfig looks before FreeType opens */
	    SCMP_SYS(access), SCMP_SYS(faccessat), SCMP_SYS(faccessat2), SCMP_SYS(readlink),
	    SCMP_SYS(readlinkat), SCMP_SYS(getdents64),
	    /* memory */
	    SCMP_SYS(brk), SCMP_SYS(mmap), SCMP_SYS(munmap), SCMP_SYS(mremap), SCMP_SYS(mprotect),
	    SCMP_SYS(madvise),
	    /* the process itself: time, its limits, signals, leaving */
	    SCMP_SYS(futex), SCMP_SYS(clock_gettime), SCMP_SYS(gettimeofday),
	    SCMP_SYS(clock_nanosleep), SCMP_SYS(nanosleep), SCMP_SYS(getrusage),
	    SCMP_SYS(getrlimit), SCMP_SYS(sysinfo), SCMP_SYS(getpid), SCMP_SYS(gettid),
	    SCMP_SYS(getuid), SCMP_SYS(geteuid), SCMP_SYS(getgid), SCMP_SYS(getegid),
	    SCMP_SYS(getrandom), SCMP_SYS(sched_yield), SCMP_SYS(sched_getaffinity),
	    SCMP_SYS(rt_sigaction), SCMP_SYS(rt_sigprocmask), SCMP_SYS(rt_sigreturn),
	    SCMP_SYS(sigaltstack), SCMP_SYS(restart_syscall), SCMP_SYS(exit), SCMP_SYS(exit_group)};
	bool ok = true;
	for (size_t i = 0; i < sizeof(allowed) / sizeof(allowed[0]) && ok; i++)
		ok = seccomp_rule_add(f, SCMP_ACT_ALLOW, allowed[i], 0) == 0 ||
		     allowed[i] < 0; /* a call this architecture does not have */
	/* Opening read-only: fonts and CMaps on first use (Landlock says where). */
	const scmp_datum_t write_flags = O_ACCMODE | O_CREAT | O_TRUNC | O_APPEND;
	ok = ok && allow_if(f, SCMP_SYS(openat), 2, SCMP_CMP_MASKED_EQ, write_flags, O_RDONLY);
	ok = ok && allow_if(f, SCMP_SYS(open), 1, SCMP_CMP_MASKED_EQ, write_flags, O_RDONLY);
	/* Its own CPU budget, moved before each file (glibc's setrlimit is
	 * prlimit64 on itself), and abort()'s signal to itself. */
	struct scmp_arg_cmp self_cpu[2] = {
	    {.arg = 0, .op = SCMP_CMP_EQ, .datum_a = 0, .datum_b = 0},
	    {.arg = 1, .op = SCMP_CMP_EQ, .datum_a = RLIMIT_CPU, .datum_b = 0}};
	ok = ok && seccomp_rule_add_array(f, SCMP_ACT_ALLOW, SCMP_SYS(prlimit64), 2, self_cpu) == 0;
	ok = ok && allow_if(f, SCMP_SYS(setrlimit), 0, SCMP_CMP_EQ, RLIMIT_CPU, 0);
	ok = ok && allow_if(f, SCMP_SYS(tgkill), 0, SCMP_CMP_EQ, (scmp_datum_t)getpid(), 0);
	ok = ok && seccomp_load(f) == 0;
	seccomp_release(f);
	return ok;
}
#else
static bool seccomp_enter(void)
{
	return false;
}
#endif

unsigned evidence_sandbox_enter(void)
{
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		return 0;
	unsigned in_force = 0;
	if (landlock_enter())
		in_force |= EVIDENCE_SANDBOX_LANDLOCK;
	if (seccomp_enter())
		in_force |= EVIDENCE_SANDBOX_SECCOMP;
	return in_force;
}
