"""Run one function on untrusted input in a child process with a deadline and a memory and CPU ceiling.

A crafted file can make any parser slow or hungry; in the web process that would hold a worker (or all of them)
for as long as the attacker likes. The child is a plain os.fork of the web process, so everything already imported
(pikepdf, the file it checks) is there at no cost, and nothing is pickled on the way in. It sets its own limits,
sends back one pickled value through a pipe and leaves with os._exit, so no cleanup of the parent's (database
connections, temporary files, test runners) ever runs in it. The parent waits at most `seconds` and kills it.

Forking is safe under gunicorn's sync workers (one thread), runserver's and live_server's threads (the child runs
only this function in the thread that forked) and pytest-xdist (each worker forks its own children). The memory
ceiling is counted from Linux's /proc; where there is none (a developer's Mac) only time and CPU are bounded.
"""

import contextlib
import gc
import math
import os
import pickle
import resource
import select
import signal
import time


class TookTooLong(Exception):
    """The child did not answer before the deadline and was killed."""


class RanOutOfResources(Exception):
    """The child died (memory or CPU ceiling reached) or could not run at all."""


class ChildFailed(Exception):
    """The function raised in the child; the message names the exception."""


_CHUNK = 65536
# The answer is prefixed with its length: until it closes what it inherited, another thread's child holds a copy
# of our pipe's write end, so the end of the answer cannot be told by the pipe closing.
_LENGTH_BYTES = 8


def _virtual_memory_in_use():
    """Bytes of address space this process already maps: the child's ceiling is counted on top of it."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):  # no /proc (a developer's Mac): no memory ceiling, time still bounded
        return None


def _close_all_but(keep):
    try:
        open_descriptors = [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:
        open_descriptors = range(3, resource.getrlimit(resource.RLIMIT_NOFILE)[0])
    for descriptor in open_descriptors:
        if descriptor > 2 and descriptor != keep:
            with contextlib.suppress(OSError):
                os.close(descriptor)


def _limit_child(seconds, memory_bytes):
    for number in (signal.SIGTERM, signal.SIGINT, signal.SIGXCPU, signal.SIGALRM):
        signal.signal(number, signal.SIG_DFL)
    cpu = max(1, math.ceil(seconds))
    _lower_limit(resource.RLIMIT_CPU, cpu, cpu + 1)  # SIGXCPU at the soft limit, SIGKILL at the hard one
    in_use = _virtual_memory_in_use()
    if memory_bytes and in_use is not None:
        _lower_limit(resource.RLIMIT_AS, in_use + memory_bytes, in_use + memory_bytes)
    # A crash must not leave a core file of someone's CV behind.
    _lower_limit(resource.RLIMIT_CORE, 0, 0)


def _lower_limit(kind, soft, hard):
    """Only ever lower a limit: the service manager may already have set a stricter one, which stays."""
    _current_soft, current_hard = resource.getrlimit(kind)
    if current_hard != resource.RLIM_INFINITY:
        soft, hard = min(soft, current_hard), min(hard, current_hard)
    resource.setrlimit(kind, (soft, hard))


def _run_child(write_end, function, args, seconds, memory_bytes):
    # A collection would walk (and so copy, page by page) every object the web process holds; the child is gone
    # before its garbage matters.
    gc.disable()
    try:
        try:
            _limit_child(seconds, memory_bytes)
            payload = pickle.dumps(("ok", function(*args)), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as error:  # noqa: BLE001 - whatever happens goes back to the parent, never up the stack
            payload = pickle.dumps(("error", f"{type(error).__name__}: {error}"[:500]))
        view = memoryview(len(payload).to_bytes(_LENGTH_BYTES, "big") + payload)
        while view:
            view = view[os.write(write_end, view[:_CHUNK]) :]
    finally:
        os._exit(0)


def _read_answer(read_end, deadline):
    """The child's answer, or b"" when it died before sending all of it."""
    received = bytearray()
    expected = None
    while expected is None or len(received) < _LENGTH_BYTES + expected:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([read_end], [], [], remaining)[0]:
            raise TookTooLong
        chunk = os.read(read_end, _CHUNK)
        if not chunk:
            return b""
        received += chunk
        if expected is None and len(received) >= _LENGTH_BYTES:
            expected = int.from_bytes(received[:_LENGTH_BYTES], "big")
    return bytes(received[_LENGTH_BYTES:])


def _reap(pid, *, kill):
    if kill:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):  # already reaped: the host process ignores SIGCHLD
        os.waitpid(pid, 0)


def run_bounded(function, *args, seconds, memory_bytes):
    """function(*args) in a child limited to `seconds` of wall-clock and CPU time and `memory_bytes` of new address
    space. Returns what it returned; raises TookTooLong, RanOutOfResources or ChildFailed."""
    deadline = time.monotonic() + seconds
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError as error:
        os.close(read_end)
        os.close(write_end)
        raise RanOutOfResources(str(error)) from error
    if pid == 0:
        # Only our end of our pipe stays open: another thread's pipe must see its end when its own child is done.
        _close_all_but(write_end)
        _run_child(write_end, function, args, seconds, memory_bytes)
    os.close(write_end)
    finished = False
    try:
        payload = _read_answer(read_end, deadline)
        finished = True
    finally:
        os.close(read_end)
        _reap(pid, kill=not finished)
    if not payload:
        raise RanOutOfResources("the check stopped without an answer")
    outcome, value = pickle.loads(payload)
    if outcome != "ok":
        if value.startswith("MemoryError"):
            raise RanOutOfResources(value)
        raise ChildFailed(value)
    return value
