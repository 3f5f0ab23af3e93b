#!/usr/bin/env bash
# Scores a preset and the PyTorch reference on one listening set (docs/eval/README.md, "Heard as the instrument").
#   bash docs/eval/score-against-reference.sh PRESET SET OUT [REFERENCE_MODEL.pt ...]
# SET is a folder of inputs whose first sub-folders are groups (data/listen/heldout: real/ and tts/); each
# REFERENCE_MODEL.pt (vaegan_reference.py train) converts every input into each of its instrument domains first, and
# is scored as a row named after its folder. Needs data/listen (make-listening-sets.sh); the listeners are those of record
# (docs/eval/listeners/, docs/eval/README.md) unless $LISTENERS names others.
set -euo pipefail
preset="$1"; set_dir="$2"; out="$3"; shift 3
jar="${JAR:-target/timbre-lab.jar}"
ref="${REFERENCE:-../shared/reference/vaegan_reference.py}"
args=()
for model in "$@"; do
  name=$(basename "$(dirname "$model")"); dest="$out/reference-outputs/$name"
  doms=$(/usr/bin/python3 -c "import torch,sys; print(' '.join(d for d in torch.load(sys.argv[1], map_location='cpu')['doms'] if d != 'voice'))" "$model")
  for d in $doms; do
    while IFS= read -r dir; do   # the reference converts one flat folder at a time
      rel="${dir#"$set_dir"}"; rel="${rel#/}"
      OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 "$ref" convert "$model" --in "$dir" --to "$d" --out "$dest/$d/$rel" >/dev/null
    done < <(find "$set_dir" -name '*.wav' -printf '%h\n' | sort -u)
  done
  args+=(--reference-outputs "$name=$dest")
done
java -jar "$jar" eval --preset "$preset" --inputs "$set_dir" --out "$out" --classifier "${LISTENERS:-docs/eval/listeners/listeners.json}" "${args[@]}"
