#!/usr/bin/env bash
# Times `interview validate` on a generated bank of many questions (3,000 by default),
# to keep the bank parser linear.
#
#   scripts/bench-validate.sh                      # builds .build/release/interview if missing
#   INTERVIEW_BIN=path/to/interview scripts/bench-validate.sh
#   QUESTIONS=10000 RUNS=5 scripts/bench-validate.sh
set -euo pipefail
cd "$(dirname "$0")/.."

questions=${QUESTIONS:-3000}
runs=${RUNS:-3}
bin=${INTERVIEW_BIN:-.build/release/interview}

if [[ ! -x $bin ]]; then
  if [[ -n ${INTERVIEW_BIN:-} ]]; then
    echo "bench-validate: INTERVIEW_BIN=$bin is not an executable" >&2
    exit 2
  fi
  echo "bench-validate: building $bin (swift build -c release)" >&2
  swift build -c release --product interview >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/interview-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
bank=$work/bank.md

# Every feature of the format in each question: metadata, four sections, nested
# bullets, inline styles, a full rubric. Prompts are unique so the ids are.
python3 - "$questions" "$bank" <<'PY'
import sys
count, path = int(sys.argv[1]), sys.argv[2]
out = ["---", f"title: Generated bank of {count} questions", f"duration: {count * 3}m",
       "role: Benchmark", "level: any", "---", "# Generated", ""]
for n in range(1, count + 1):
    out += [
        f"## Question {n}: what is the difference between *approach A* and `approach_{n}`?",
        f"id: q{n}" if n % 2 else "",
        f"time: {1 + n % 5}m{n % 60}s",
        f"tags: generated, group-{n % 10}",
        "",
        "### Why ask",
        "It checks that the candidate can compare two approaches **clearly** and",
        "knows when each one fits, with *concrete* trade-offs.",
        "",
        "### Expected answer",
        f"Approach A does one thing; approach {n} does another, with `snake_case_names` kept.",
        "",
        "- **Cost**: A is cheaper to train.",
        "  - but slower at inference, roughly *2x*;",
        "  - and needs more memory.",
        "- **Quality**: the second one generalizes better \\*on average\\*.",
        "",
        "A closing paragraph that wraps over",
        "two lines of the source file.",
        "",
        "### How to evaluate",
        "A strong answer names a trade-off *and* a case where each approach wins.",
        "",
        "### Rubric",
    ]
    out += [f"- [ ] Rubric point {k} for question {n}" for k in range(1, 10)]
    out.append("")
with open(path, "w", encoding="utf-8") as f:
    f.write("\n".join(out))
PY

size=$(wc -c <"$bank")
echo "bank: $questions questions, $((size / 1024)) KiB, $(wc -l <"$bank") lines"
echo "binary: $bin"

# The first run checks the result; then the best and the mean of RUNS runs.
out=$("$bin" validate "$bank")
echo "$out" | grep -q "$questions questions" || { echo "bench-validate: unexpected output: $out" >&2; exit 1; }

python3 scripts/best-of.py "validate" "$runs" "$bin" validate "$bank"
