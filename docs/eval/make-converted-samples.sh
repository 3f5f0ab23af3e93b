#!/usr/bin/env bash
# samples/converted/: three real read-speech recordings (Debian pocketsphinx-testdata, chosen by name before any result
# was seen) converted with the shipped presets' defaults (voice-strings into every instrument, voice-violin into violin:
# *-to-violin-vv.wav, voice-to-cello into cello: *-to-cello-vtc.wav), with spectrograms (input and outputs, YIN f0 drawn).
set -euo pipefail
jar="${JAR:-target/timbre-lab.jar}"; out=samples/converted; ps=/usr/share/pocketsphinx/test/data
rm -f "$out"/*.wav docs/converted-*.png
cp "$ps/librivox/sense_and_sensibility_01_austen_64kb-0870.wav" "$out/librivox-0870-input.wav"
cp "$ps/cards/005.wav" "$out/cards-005-input.wav"
sox -t raw -r 16000 -e signed -b 16 -c 1 "$ps/numbers.raw" "$out/numbers-input.wav"
for name in librivox-0870 cards-005 numbers; do
  java -jar "$jar" convert --preset presets/voice-strings --in "$out/$name-input.wav" --to all --out "$out/$name-to.wav" >/dev/null
  rm -f "$out/$name-to-voice.wav"   # --to all also reconstructs the voice itself; not an example
  java -jar "$jar" convert --preset presets/voice-violin --in "$out/$name-input.wav" --to violin --out "$out/$name-to-violin-vv.wav" >/dev/null
  java -jar "$jar" convert --preset presets/voice-to-cello --in "$out/$name-input.wav" --to cello --out "$out/$name-to-cello-vtc.wav" >/dev/null
  for f in "$out/$name-input.wav" "$out/$name"-to-*.wav; do
    java -jar "$jar" spectrogram --in "$f" --png "docs/converted-$(basename "$f" .wav).png" --f0 >/dev/null
  done
done
ls "$out"
