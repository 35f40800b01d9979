#!/usr/bin/env python3
"""Runs a command RUNS times and prints its best and mean wall-clock time.

    scripts/best-of.py LABEL RUNS COMMAND [ARGS...]
"""
import subprocess, sys, time

label, runs, command = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    times.append(time.perf_counter() - start)
print(f"{label}: best {min(times):.3f} s, mean {sum(times) / len(times):.3f} s over {runs} runs")
