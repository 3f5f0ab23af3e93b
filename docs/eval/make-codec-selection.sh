#!/usr/bin/env bash
# The real selection phrases (make-real-selection.sh) through a lossy recording chain: 32-kbps MP3 and back to 16-kHz
# WAV, under data/listen/selection/codec/<lang>/. Held-out read speech partly comes from low-bitrate files; this asks
# whether a candidate's verdicts survive such a chain on voices it may be chosen on (study section 35). Needs sox with
# MP3 (libsox-fmt-all).
set -euo pipefail
src="${1:-data/listen/selection/real}"; out="${2:-data/listen/selection/codec}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
find "$src" -name '*.wav' | sort | while read -r f; do
  rel="${f#"$src"/}"; mkdir -p "$out/$(dirname "$rel")"
  sox "$f" -C 32 "$tmp/x.mp3" && sox "$tmp/x.mp3" -r 16000 -c 1 -b 16 "$out/$rel"
done
echo "codec selection: $(find "$out" -name '*.wav' | wc -l) clips"
