#!/usr/bin/env bash
# Real human speech for *choosing* (issue "heard as the instrument"): the held-out real group (pocketsphinx-testdata)
# must never be trained or chosen on, so knobs that matter for real recordings are chosen on these instead.
# Debian's ktuberling-data holds one real speaker per language saying single words; five words of one speaker,
# 0.2 s apart, make a ~5-s phrase. Three phrases for each of 11 languages (44.1/22-kHz folders only) → 33 clips under
# data/listen/selection/real/<lang>/. Needs: ktuberling-data, sox with Ogg Vorbis (libsox-fmt-all).
set -euo pipefail
export SOX_OPTS="${SOX_OPTS:-} -R"   # repeatable dither and noise (since 7 Dec; the sets of record were made before, without it)
out="${1:-data/listen/selection/real}"
src=/usr/share/ktuberling/sounds
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for lang in ca da de el en gl lt ru sl uk wa; do
  mkdir -p "$out/$lang"
  mapfile -t words < <(ls "$src/$lang"/*.ogg | sort | awk 'NR % 4 == 1' | head -15)   # a fixed spread of words
  for p in 0 1 2; do
    parts=()
    for w in 0 1 2 3 4; do
      f="${words[$((p * 5 + w))]}"; t="$tmp/$lang-$p-$w.wav"
      sox "$f" -r 16000 -c 1 -b 16 "$t" remix - gain -3 pad 0 0.2
      parts+=("$t")
    done
    sox "${parts[@]}" "$out/$lang/$(printf %02d $p).wav"
  done
done
echo "real selection: $(find "$out" -name '*.wav' | wc -l) clips"
