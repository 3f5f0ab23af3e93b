#!/usr/bin/env bash
# Real speech for choosing, as a recording has it (docs/study-reference.md, section 19): the words of
# make-real-selection.sh's speakers (Debian ktuberling-data; the same 11 languages x 3 phrases), trimmed of their own
# silence and joined 80 ms apart without digital silence, then given a stationary noise floor (pink noise at three
# levels, about 40-55 dB under the phrase's peak). The held-out real group's loudness correlation is reproduced by
# these phrases and not by the padded ones. → 33 clips under data/listen/selection/noisy/<lang>/.
# A second argument PAUSE (seconds) puts a read sentence's pauses after the second and fourth word instead of 80 ms
# (study section 32: data/listen/selection/pauses with PAUSE 0.6).
# Needs: ktuberling-data, sox with Ogg Vorbis (libsox-fmt-all).
set -euo pipefail
# Repeatable (sox -R: the same noise and dither on every run; since 7 Dec, twenty-sixth session — the set the figures of
# sections 19-32 were measured on was made before, with other noise of the same levels).
export SOX_OPTS="${SOX_OPTS:-} -R"
out="${1:-data/listen/selection/noisy}"; pause="${2:-0.08}"; src=/usr/share/ktuberling/sounds
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
i=0
for lang in ca da de el en gl lt ru sl uk wa; do
  mkdir -p "$out/$lang"
  mapfile -t words < <(ls "$src/$lang"/*.ogg | sort | awk 'NR % 4 == 1' | head -15)   # make-real-selection.sh's words
  for p in 0 1 2; do
    parts=()
    for w in 0 1 2 3 4; do
      f="${words[$((p * 5 + w))]}"; t="$tmp/$lang-$p-$w.wav"
      gap=0.08; if [ $w = 1 ] || [ $w = 3 ]; then gap=$pause; fi   # after the second and fourth word
      sox "$f" -r 16000 -c 1 -b 16 "$t" remix - gain -3 silence 1 0.01 -45d reverse silence 1 0.01 -45d reverse pad 0 "$gap"
      parts+=("$t")
    done
    sox "${parts[@]}" "$tmp/p.wav" gain -n -3
    d=$(soxi -D "$tmp/p.wav")
    lvl=$(python3 -c "print([0.004, 0.008, 0.016][$i % 3])"); i=$((i + 1))
    sox -n -r 16000 -c 1 -b 16 "$tmp/n.wav" synth "$d" pinknoise vol "$lvl"
    sox -m "$tmp/p.wav" "$tmp/n.wav" "$out/$lang/$(printf %02d $p).wav"
  done
done
echo "noisy selection: $(find "$out" -name '*.wav' | wc -l) clips"
