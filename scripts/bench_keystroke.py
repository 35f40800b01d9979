"""Key to changed screen, through a pty and a VT emulator (pyte): the program runs on a
pseudo-terminal of its own, everything it writes is fed to an emulated screen as it
comes, and a key's delay is the time from writing its bytes to the first change of that
screen (its cells or its cursor). No tmux between: nothing polls, nothing batches."""

import os
import pty
import select
import signal
import statistics
import struct
import termios
import fcntl
import time

import pyte

ESC = "\x1b"


class PtyScreen:
    """A program on a pty of `width` x `height`, read into a pyte screen."""

    def __init__(self, command, environment, width, height):
        self.screen = pyte.Screen(width, height)
        self.stream = pyte.ByteStream(self.screen)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(command[0], command, environment)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))

    def pump(self, timeout):
        """Feeds what the program wrote within `timeout` seconds; whether anything came."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            return False
        self.stream.feed(data)
        return bool(data)

    def state(self):
        return ("\n".join(self.screen.display), self.screen.cursor.x, self.screen.cursor.y)

    def text(self):
        return "\n".join(self.screen.display)

    def settle(self, quiet=0.3, limit=10):
        """Reads until nothing came for `quiet` seconds."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline and self.pump(quiet):
            pass

    def wait_for(self, condition, limit=10, what="the screen"):
        deadline = time.monotonic() + limit
        while not condition(self.text()):
            if time.monotonic() > deadline:
                raise RuntimeError(f"timed out waiting for {what}:\n{self.text()}")
            self.pump(0.05)

    def press(self, data, limit=2):
        """Writes `data`; seconds until the screen or its cursor first changed."""
        self.settle(0.05)
        before = self.state()
        start = time.perf_counter()
        os.write(self.fd, data.encode())
        deadline = start + limit
        while time.perf_counter() < deadline:
            if self.pump(deadline - time.perf_counter()) and self.state() != before:
                return time.perf_counter() - start
        raise RuntimeError(f"no change within {limit} s after {data!r}")

    def place(self, text):
        for y, line in enumerate(self.screen.display):
            x = line.find(text)
            if x >= 0:
                return x, y
        raise RuntimeError(f"{text!r} is not on the screen")

    def close(self):
        try:
            os.kill(self.pid, signal.SIGTERM)
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                self.pump(0.05)
                if os.waitpid(self.pid, os.WNOHANG)[0]:
                    break
        except ChildProcessError:
            pass
        os.close(self.fd)


def click(x, y):
    return f"{ESC}[<0;{x + 1};{y + 1}M{ESC}[<0;{x + 1};{y + 1}m"


def measure(interview, environment, runs):
    """The delays of each gesture, in seconds: {name: [samples]}."""
    program = PtyScreen([interview, "run", "--now", "--candidate", "Bench"], environment, 120, 40)
    samples = {}

    def sample(name, keys, before=None, after=None):
        for _ in range(runs):
            if before:
                before()
            samples.setdefault(name, []).append(program.press(keys))
            if after:
                after()

    try:
        program.wait_for(lambda text: "F1 help" in text, what="the first frame")
        program.settle()
        # A note to move in: → moves the cursor along it.
        program.press("the candidate explains regularization")
        sample("`→` (the cursor in the notes)", f"{ESC}[D", after=lambda: program.press(f"{ESC}[C"))
        sample("`Esc` out of typing", ESC, before=lambda: program.press("x"), after=lambda: program.press(ESC))
        sample("`Esc 1` (tick)", ESC + "1")
        sample("`Esc r 3` (rate: the last key)", "3", before=lambda: program.press(ESC + "r"),
               after=lambda: (program.press(ESC + "r"), program.press("0")))
        x, y = program.place("2 [")
        sample("a click on rubric item 2", click(x + 2, y))
        sample("`Esc n` (next question)", ESC + "n", after=lambda: program.press(ESC + "p"))
        sample("`Ctrl-N` (next question)", "\x0e", after=lambda: program.press("\x10"))
    finally:
        program.close()
    return samples


def summary(values):
    return (statistics.median(values), min(values), max(values))
