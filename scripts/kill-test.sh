#!/usr/bin/env bash
# Twenty `kill -9` at random moments of a scripted interview. Each must leave a valid
# session file that resumes and completes, missing at most the last second of input.
#
#   scripts/kill-test.sh            # RUNS=20 by default; needs tmux and jq
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-20}
swift build --product interview >/dev/null
work=$(mktemp -d "${TMPDIR:-/tmp}/interview-kill.XXXXXX")
# A copy, so that a build during the test does not change the program under test.
cp .build/debug/interview "$work/interview"
bin=$work/interview
socket=interview-kill-$$
# The server is gone once its last pane has ended; under set -e a failed kill-server would be the exit status.
trap 'tmux -L $socket kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
t() { tmux -L $socket "$@"; }
launch() { # name, arguments...
  local name=$1; shift
  t new-session -d -s "$name" -x 120 -y 40 \
    "exec env -u NO_COLOR LANG=C.UTF-8 TERM=tmux-256color XDG_DATA_HOME=$work/data $bin $(printf '%q ' "$@")"
  for _ in $(seq 200); do
    t capture-pane -p -t "$name" 2>/dev/null | grep -q "Question" && return
    sleep 0.05
  done
  echo "$name: the screen never showed a question" >&2
  exit 1
}

worst=0
for i in $(seq "$runs"); do
  file=$work/session-$i.json
  launch "k$i" run --now --candidate "Kill $i" --out "$file"
  # A scripted interview: tick, type a numbered word every 0.1 s, now and then the next question.
  t send-keys -t "k$i" 1 2 i
  words=$(( 10 + RANDOM % 70 ))
  for n in $(seq "$words"); do
    t send-keys -t "k$i" -l "w$n "
    if (( n % 25 == 0 )); then t send-keys -t "k$i" Escape n i; fi
    sleep 0.1
  done
  kill -9 "$(t display-message -p -t "k$i" '#{pane_pid}')"
  sleep 0.2
  jq -e '.format == "interview-session"' "$file" >/dev/null || { echo "run $i: invalid file"; exit 1; }
  saved=$(jq -r '[.questions[].notes[].text] | join(" ")' "$file" | grep -o 'w[0-9]*' | tr -d w | sort -n | tail -1)
  lost=$(( words - ${saved:-0} ))
  (( lost > worst )) && worst=$lost
  launch "r$i" resume "$file"
  t send-keys -t "r$i" q y
  while t list-panes -t "r$i" >/dev/null 2>&1 && [[ $(t display-message -p -t "r$i" '#{pane_dead}' 2>/dev/null) == 0 ]]; do sleep 0.05; done
  status=$(jq -r .status "$file")
  [[ $status == completed ]] || { echo "run $i: resumed session ended as $status"; exit 1; }
  echo "run $i: killed after $words words, file valid, last saved word w${saved:-none} ($lost words = $(( lost * 100 )) ms of typing lost), resumed and completed"
done
echo "all $runs runs: valid files that resumed; worst loss $worst words = $(( worst * 100 )) ms of typing"
