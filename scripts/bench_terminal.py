"""The terminal side of scripts/bench: a private tmux server with one pane that runs
the program under test, read back as a person sees it (capture-pane), with the bytes
the program sends captured by pipe-pane, and the process's own counters from /proc."""

import os
import shlex
import subprocess
import time

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class Tmux:
    """A tmux server of its own (`-L`, no config file), with one window of a fixed
    size whose pane is respawned for each program measured."""

    def __init__(self, name, width, height):
        self.socket = name
        self.target = "bench:0.0"
        self.run("-f", "/dev/null", "new-session", "-d", "-s", "bench", "-x", str(width), "-y", str(height),
                 "sleep 1000000")
        # A pane whose program exited stays, so its last screen can still be read.
        self.run("set-option", "-g", "remain-on-exit", "on")
        self.socket_path = self.run("display-message", "-p", "#{socket_path}").strip()

    def run(self, *arguments, check=True):
        return subprocess.run(["tmux", "-L", self.socket, *arguments], check=check,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout

    def kill(self):
        """Ends the server and its programs, waits for them (interview saves on the way
        out, into the folder about to be removed), and removes the socket tmux leaves."""
        pids = [int(pid) for pid in self.run("list-panes", "-a", "-F", "#{pane_pid}", check=False).split()]
        self.run("kill-server", check=False)
        deadline = time.monotonic() + 5
        while any(os.path.exists(f"/proc/{pid}") for pid in pids) and time.monotonic() < deadline:
            time.sleep(0.02)
        try:
            os.unlink(self.socket_path)
        except (AttributeError, FileNotFoundError):
            pass

    def respawn(self, command, environment):
        """Replaces the pane's program by `command` (a list), run with `environment`
        added; returns the monotonic time taken just before asking tmux."""
        line = "exec env -u NO_COLOR " + " ".join(
            shlex.quote(f"{key}={value}") for key, value in environment.items()) + " " + shlex.join(command)
        start = time.perf_counter()
        self.run("respawn-pane", "-k", "-t", self.target, line)
        return start

    def screen(self):
        return self.run("capture-pane", "-p", "-t", self.target)

    def pid(self):
        return int(self.run("display-message", "-p", "-t", self.target, "#{pane_pid}").strip())

    def dead(self):
        return self.run("display-message", "-p", "-t", self.target, "#{pane_dead}").strip() == "1"

    def keys(self, *keys):
        self.run("send-keys", "-t", self.target, *keys)

    def type(self, text):
        self.run("send-keys", "-t", self.target, "-l", text)

    def pipe_to(self, path):
        self.run("pipe-pane", "-t", self.target, "-o", "cat >> " + shlex.quote(path))

    def stop_pipe(self):
        self.run("pipe-pane", "-t", self.target)

    def wait_for(self, condition, timeout=20.0, what="the screen"):
        """Polls the screen until `condition(screen)` holds; returns the screen and the
        time of that capture."""
        deadline = time.perf_counter() + timeout
        while True:
            screen = self.screen()
            now = time.perf_counter()
            if condition(screen):
                return screen, now
            if now > deadline:
                raise TimeoutError(f"{what} never came within {timeout} s; last screen:\n{screen}")
            time.sleep(0.002)

    def wait_complete(self, condition, timeout=20.0, what="the screen"):
        """Polls the screen until `condition` holds and the next capture is the same;
        returns the time of the first capture of that final screen, so the confirming
        capture does not count."""
        deadline = time.perf_counter() + timeout
        previous, previous_time = None, 0.0
        while True:
            screen = self.screen()
            now = time.perf_counter()
            if condition(screen):
                if screen == previous:
                    return previous_time
                previous, previous_time = screen, now
            else:
                previous = None
            if now > deadline:
                raise TimeoutError(f"{what} never came within {timeout} s; last screen:\n{screen}")


def cpu_seconds(pid):
    """User plus system CPU time of a process so far."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def peak_rss_kib(pid):
    """VmHWM, the most resident memory the process has had, or None once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except FileNotFoundError:
        return None
    return None


def file_size(path):
    try:
        return os.path.getsize(path)
    except FileNotFoundError:
        return 0
