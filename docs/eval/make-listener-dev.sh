#!/usr/bin/env bash
# Voices for developing the listeners themselves (docs/study-reference.md, section 27), apart from every other set:
# the listeners' negative controls passed on all 96 selection clips while a retrained MLP failed one on the held-out
# voices, so the selection voices cannot tell a robust listener recipe from a lucky one. Nothing here is used by the
# classifier's training, the models' training, the selection sets or the held-out sets:
#   tts/<voice>/   twelve espeak-ng variants no other script uses, four sentences no other script says
#   real/<lang>/   ktuberling-data speakers of languages the real selection sets leave out (ga, ro, sr at 22-44 kHz;
#                  fr, es, sv at 8 kHz, as a telephone has it): five trimmed words 80 ms apart, every other phrase over
#                  a pink-noise floor
# → about 70 clips under data/listen/listener-dev/. Needs espeak-ng, ktuberling-data, sox (libsox-fmt-all).
set -euo pipefail
export SOX_OPTS="${SOX_OPTS:-} -R"   # repeatable dither and noise (since 7 Dec; the sets of record were made before, without it)
out="${1:-data/listen/listener-dev}"; src=/usr/share/ktuberling/sounds
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
sentences=(
  "The postman left a parcel on the step beside the door."
  "Thunder rolled over the hills long after the lightning."
  "Four friends shared one umbrella on the way to school."
  "The old clock in the hall struck midnight twice."
)
for v in Adam Alex Antonio Benjamin Boris Denis Hugo Lee Max norbert shelby grandma; do
  mkdir -p "$out/tts/$v"
  for i in "${!sentences[@]}"; do
    espeak-ng -v "en+$v" -s $((140 + (i * 11) % 40)) -p $((30 + (i * 17) % 45)) -w "$out/tts/$v/$(printf %02d "$i").wav" "${sentences[$i]}"
  done
done
k=0
for spec in ga:4 ro:4 sr:4 fr:6 es:2 sv:2; do
  lang=${spec%%:*}; phrases=${spec##*:}
  mkdir -p "$out/real/$lang"
  mapfile -t words < <(ls "$src/$lang"/*.wav "$src/$lang"/*.ogg 2>/dev/null | sort)
  for ((p = 0; p < phrases; p++)); do
    parts=()
    for w in 0 1 2 3 4; do
      f="${words[$(((p * 5 + w) % ${#words[@]}))]}"; t="$tmp/$lang-$p-$w.wav"
      sox "$f" -r 16000 -c 1 -b 16 "$t" remix - gain -3 silence 1 0.01 -45d reverse silence 1 0.01 -45d reverse pad 0 0.08
      parts+=("$t")
    done
    sox "${parts[@]}" "$tmp/p.wav" gain -n -3
    if ((p % 2 == 1)); then
      lvl=$(python3 -c "print([0.004, 0.008, 0.016][$k % 3])"); k=$((k + 1))
      sox -n -r 16000 -c 1 -b 16 "$tmp/n.wav" synth "$(soxi -D "$tmp/p.wav")" pinknoise vol "$lvl"
      sox -m "$tmp/p.wav" "$tmp/n.wav" "$out/real/$lang/$(printf %02d $p).wav"
    else
      cp "$tmp/p.wav" "$out/real/$lang/$(printf %02d $p).wav"
    fi
  done
done
echo "listener development voices: $(find "$out/tts" -name '*.wav' | wc -l) TTS + $(find "$out/real" -name '*.wav' | wc -l) real"
