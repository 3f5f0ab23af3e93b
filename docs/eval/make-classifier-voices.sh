#!/usr/bin/env bash
# Speech for the evaluation's domain classifier (helper eval): espeak-ng voices that neither the
# voice-strings preset's training voices nor its held-out input voices use (see
# presets/voice-strings/training/make-voice-data.py: flite awb/rms/slt/kal16, espeak variants
# m1-m7, f2, f4, f5; the selection and held-out voices of make-listening-sets.sh). Writes
# OUT/voice/<voice>_NN.wav (eval resamples to 16 kHz).
# 20 espeak-ng variants (half of them female: the first listeners, trained on 8 mostly male variants, called
# held-out female voices cello) over a wide pitch range, and six festival voices of another synthesis kind
# (diphone and HTS; English, Italian, Czech, Catalan: the listener must hear a voice, not a language), and three
# flite voices (below).
# Needs espeak-ng, flite, festival festvox-kdlpc16k (voice ked) festvox-italp16k festvox-czech-dita festvox-ca-ona-hts,
# klettres-data and sox with Ogg Vorbis (libsox-fmt-all).
set -euo pipefail
export SOX_OPTS="${SOX_OPTS:-} -R"   # repeatable dither and noise (since 7 Dec; the sets of record were made before, without it)
out="${1:-data/classifier}"
mkdir -p "$out/voice"
voices=(en-us+f1 en-gb+f3 en+m8 en-us+klatt en+Andy en-gb+Annie en-us+Michael en+Storm
        en-us+Alicia en+Andrea en-gb+Auntie en-us+female2 en+female3 en-us+Jacky en+Zac en-gb+Caleb
        en-us+David en+Quincy en-us+klatt3 en+grandpa)
sentences=(
  "Please bring the blue folder to the second floor before noon."
  "The wind was cold, so we walked quickly along the harbour wall."
  "Nobody expected the concert to start an hour late."
  "Turn left at the bakery and you will see the station."
  "She counted the coins twice and still found one missing."
  "Our train crossed three rivers and a long, dark tunnel."
  "Would you like tea, coffee, or a glass of water?"
  "The children built a tower of cards that reached the ceiling."
  "He whispered the answer, but everyone heard it anyway."
  "Fresh snow covered the fields by the time we woke up."
  "I think the museum closes early on Sundays."
  "Write your name at the top of every page, please."
)
for v in "${voices[@]}"; do
  for i in "${!sentences[@]}"; do
    # speed and pitch vary (pitch over most of espeak's range) so one voice is not one fixed contour
    espeak-ng -v "$v" -s $((130 + (i * 7) % 50)) -p $((10 + (i * 23) % 80)) -w "$out/voice/${v//+/_}_$(printf %02d "$i").wav" "${sentences[$i]}"
  done
done
# flite's own voices too, the very ones the models under test learn speech from (kal16, awb, rms; slt stays held out):
# a listener that knows them is the harder one to fool with a conversion that leaks its training voice.
for v in kal16 awb rms; do
  for i in "${!sentences[@]}"; do flite -voice "$v" -t "${sentences[$i]}" -o "$out/voice/flite-${v}_$(printf %02d "$i").wav"; done
done
festival=(voice_ked_diphone voice_czech_ph voice_lp_diphone voice_pc_diphone voice_czech_dita voice_upc_ca_ona_hts)
if command -v text2wave >/dev/null; then
  for v in "${festival[@]}"; do
    for i in "${!sentences[@]}"; do
      echo "${sentences[$i]}" | text2wave -eval "($v)" -o "$out/voice/festival-${v#voice_}_$(printf %02d "$i").wav" 2>/dev/null
    done
  done
else
  echo "festival (text2wave) not installed: the listeners learn espeak-ng voices only" >&2
fi
# Real human voices too (docs/study-reference.md, section 19): Debian's klettres-data holds recorded letters and
# syllables, one or two speakers per language. A listener that only ever heard synthetic speech called real speakers
# moved up an octave an instrument (the clip-stats listener on the real selection set: 9-15 %). Per language, up to
# four phrases of six recordings spread over its set (trimmed, 80 ms apart; the second and fourth with a pink-noise floor, as a room has it).
# Neither the selection speakers (ktuberling-data) nor the held-out ones (pocketsphinx-testdata) come from here.
if [ -d /usr/share/klettres ] && command -v sox >/dev/null; then
  tmp=$(mktemp -d)
  for dir in /usr/share/klettres/*/; do
    lang=$(basename "$dir")
    mapfile -t all < <(find "$dir" -name '*.ogg' | sort)
    step=$(( ${#all[@]} / 24 > 0 ? ${#all[@]} / 24 : 1 )); recs=()
    for ((i = 0; i < ${#all[@]} && ${#recs[@]} < 24; i += step)); do recs+=("${all[$i]}"); done   # spread over the set
    for ((p = 0; p < ${#recs[@]} / 6; p++)); do
      parts=()
      for w in 0 1 2 3 4 5; do
        t="$tmp/$p-$w.wav"
        sox "${recs[$((p * 6 + w))]}" -r 16000 -c 1 -b 16 "$t" remix - gain -3 silence 1 0.01 -45d reverse silence 1 0.01 -45d reverse pad 0 0.08
        parts+=("$t")
      done
      name="$out/voice/klettres-${lang}_$(printf %02d "$p").wav"
      sox "${parts[@]}" "$tmp/phrase.wav" gain -n -3
      if [ $((p % 2)) -eq 1 ]; then
        sox -n -r 16000 -c 1 -b 16 "$tmp/noise.wav" synth "$(soxi -D "$tmp/phrase.wav")" pinknoise vol 0.006
        sox -m "$tmp/phrase.wav" "$tmp/noise.wav" "$name"
      else
        cp "$tmp/phrase.wav" "$name"
      fi
    done
  done
  rm -rf "$tmp"
else
  echo "klettres-data (or sox) not installed: the listeners learn synthetic voices only" >&2
fi
echo "wrote $(ls "$out/voice" | wc -l) clips to $out/voice"
