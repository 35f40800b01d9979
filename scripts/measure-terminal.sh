#!/usr/bin/env bash
# Measures the live screen as a terminal sees it, in tmux, on a release build:
#   - time from launch to the first full frame (the status line drawn),
#   - bytes written to the terminal per second while idle (tmux pipe-pane),
#   - CPU used while idle.
#
#   scripts/measure-terminal.sh              # IDLE=10 seconds of idle by default
set -euo pipefail
cd "$(dirname "$0")/.."
idle=${IDLE:-10}
swift build -c release --product interview >/dev/null
bin=$PWD/.build/release/interview
work=$(mktemp -d "${TMPDIR:-/tmp}/interview-measure.XXXXXX")
socket=interview-measure-$$
trap 'tmux -L $socket kill-server 2>/dev/null; rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }
for size in 80x24 200x60; do
  w=${size%x*} h=${size#*x}
  start=$(now_ms)
  tmux -u -L $socket new-session -d -s m -x "$w" -y "$h" \
    "exec env -u NO_COLOR LANG=C.UTF-8 TERM=tmux-256color XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config $bin --candidate Measure"
  until tmux -L $socket capture-pane -p -t m | grep -q "? help"; do sleep 0.005; done
  first=$(( $(now_ms) - start ))
  pid=$(tmux -L $socket display-message -p -t m '#{pane_pid}')
  sleep 1
  tmux -L $socket pipe-pane -t m -o "cat > $work/bytes"
  ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
  before=$(ticks)
  sleep "$idle"
  after=$(ticks)
  tmux -L $socket pipe-pane -t m
  bytes=$(wc -c < "$work/bytes")
  hz=$(getconf CLK_TCK)
  cpu=$(awk -v t=$((after - before)) -v hz="$hz" -v s="$idle" 'BEGIN { printf "%.2f", 100 * t / hz / s }')
  echo "$size: first full frame after ${first} ms (tmux launch included); idle: $((bytes / idle)) bytes/s to the terminal, ${cpu}% CPU"
  tmux -L $socket kill-server
done
