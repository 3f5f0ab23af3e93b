#!/usr/bin/env bash
# Speech for the evaluation's domain classifier (helper eval): espeak-ng voices that neither the
# voice-strings preset's training voices nor its held-out input voices use (see
# presets/voice-strings/training/make-voice-data.py: flite awb/rms/slt/kal16, espeak variants
# m1-m7, f2, f4, f5). Writes OUT/voice/<voice>_NN.wav (22.05 kHz; eval resamples to 16 kHz).
set -euo pipefail
out="${1:-data/classifier}"
mkdir -p "$out/voice"
voices=(en-us+f1 en-gb+f3 en+m8 en-us+klatt en+Andy en-gb+Annie en-us+Michael en+Storm)
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
    # speed and pitch vary a little so one voice is not one fixed contour
    espeak-ng -v "$v" -s $((140 + (i * 7) % 40)) -p $((35 + (i * 11) % 30)) -w "$out/voice/${v//+/_}_$(printf %02d "$i").wav" "${sentences[$i]}"
  done
done
echo "wrote $(ls "$out/voice" | wc -l) clips to $out/voice"
