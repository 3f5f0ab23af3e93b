#!/usr/bin/env bash
# Keeps the repository light (issue "one clean core"): no tracked file over 1 MiB outside presets/ (trained models)
# and samples/ (example clips). Generated outputs (runs, datasets, study reports) belong in git-ignored data/ and runs/.
set -uo pipefail
cd "$(dirname "$0")/.."
limit=$((1024 * 1024))
bad=$(git ls-files -z | while IFS= read -r -d '' f; do
  case "$f" in presets/*|samples/*) continue ;; esac
  [ -f "$f" ] && s=$(stat -c %s "$f") && [ "$s" -gt "$limit" ] && echo "  $f ($((s / 1024)) KiB)"
done)
if [ -n "$bad" ]; then
  echo "FAIL: tracked files over 1 MiB outside presets/ and samples/ (regenerate them into data/ or runs/ instead):"
  echo "$bad"
  exit 1
fi
echo "repository weight: no tracked file over 1 MiB outside presets/ and samples/"
