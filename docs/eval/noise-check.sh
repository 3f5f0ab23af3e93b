#!/usr/bin/env bash
# usage: docs/eval/noise-check.sh PRESET_DIR [STRENGTH]
# The known answer of docs/study-reference.md, section 22: 5 s of pink noise (sox, seeded, 0.3 of full scale) has no pitch,
# so no target should come out of it with one. Prints, per instrument of the preset, the share of frames YIN calls voiced
# in the converted noise (the noise itself: 0 %). JAR folder: $BIN (default target).
set -e
p="$1"; J="java -Dai.djl.offline=true -jar ${BIN:-target}/timbre-lab.jar"
o=$(mktemp -d); trap 'rm -rf "$o"' EXIT
sox -R -n -r 16000 -b 16 "$o/pink.wav" synth 5 pinknoise vol 0.3
$J convert --preset "$p" --in "$o/pink.wav" --to all --out "$o/n.wav" ${2:+--strength $2} > /dev/null 2>&1
for f in "$o"/n-*.wav; do t=${f##*/n-}; t=${t%.wav}; [ "$t" = voice ] && continue
  echo "$t: $($J pitch --in "$f" --csv /dev/null | tail -1 | sed 's/.*: //')"; done
