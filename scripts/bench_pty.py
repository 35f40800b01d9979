"""The first-frame harness of scripts/bench: runs a program on a pseudo-terminal of its
own (no tmux between it and the clock), answers its device-attributes query as a
terminal does, and times the first read after which the screen, as a VT emulator (pyte)
draws it, holds what the program's first frame holds.

Bytes are only collected while the program runs, with the time each read came; the
screen is replayed from them afterwards. Drawing while reading would delay the reads (a
pseudo-terminal holds only a few kilobytes, so the program would wait for the reader)."""

import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time

import pyte

DEVICE_ATTRIBUTES_QUERY = b"\x1b[c"
DEVICE_ATTRIBUTES_ANSWER = b"\x1b[?62;22c"  # a VT220 with colour, as xterm says


def first_frame(command, environment, width, height, shown, marker, timeout=20.0):
    """Seconds from just before the fork to the read that completed the first screen for
    which `shown(screen_text)` holds. `marker` (bytes) is in the program's output once that
    screen is sent; the program is ended with SIGHUP 50 ms after it, or at `timeout`."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for descriptor in (0, 1, 2):
            os.dup2(slave, descriptor)
        os.close(master)
        os.close(slave)
        os.execve(command[0], command, environment)
    os.close(slave)
    reads, seen = [], b""
    deadline = start + timeout
    try:
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                if marker in seen:
                    break
                continue
            try:
                data = os.read(master, 65536)
            except OSError:
                break  # the program is gone
            now = time.perf_counter()
            if DEVICE_ATTRIBUTES_QUERY in seen[-2:] + data:
                os.write(master, DEVICE_ATTRIBUTES_ANSWER)
            seen += data
            reads.append((now, data))
    finally:
        os.kill(pid, signal.SIGHUP)
        os.waitpid(pid, 0)
        os.close(master)
    screen = pyte.Screen(width, height)
    stream = pyte.ByteStream(screen)
    for now, data in reads:
        stream.feed(data)
        if shown("\n".join(screen.display)):
            return now - start
    raise TimeoutError(f"{command[0]}: its first screen never came within {timeout} s; last screen:\n"
                       + "\n".join(screen.display))
