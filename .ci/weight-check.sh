#!/usr/bin/env bash
# Keeps the repository light (issue "one clean core"): no tracked file over 1 MiB outside presets/ (trained models),
# docs/eval/listeners/ (the evaluation's trained listeners of record: one file holds five networks) and samples/ (example
# clips). Generated outputs (runs, datasets, study reports) belong in git-ignored data/ and runs/.
set -uo pipefail
cd "$(dirname "$0")/.."
limit=$((1024 * 1024))
bad=$(git ls-files -z | while IFS= read -r -d '' f; do
  case "$f" in presets/*|samples/*|docs/eval/listeners/*) continue ;; esac
  [ -f "$f" ] && s=$(stat -c %s "$f") && [ "$s" -gt "$limit" ] && echo "  $f ($((s / 1024)) KiB)"
done)
if [ -n "$bad" ]; then
  echo "FAIL: tracked files over 1 MiB outside presets/, docs/eval/listeners/ and samples/ (regenerate them into data/ or runs/ instead):"
  echo "$bad"
  exit 1
fi
echo "repository weight: no tracked file over 1 MiB outside presets/, docs/eval/listeners/ and samples/"
