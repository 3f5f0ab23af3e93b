#!/usr/bin/env bash
# Real sentence-length speech for *choosing* (issue "heard as the instrument"). The real selection phrases
# (make-real-selection.sh) are single words joined by short gaps; the held-out real group is read sentences, and the
# flute's figures on the two have disagreed (study section 34). Debian's fillets-ng-data-cs and -nl hold the acted
# dialog lines of two game characters per language, four real actors in all. For each actor, lines of 2.5-7 s (the
# held-out clips are 1-7 s) in a fixed spread of the sorted list, eight per actor → 32 clips under
# data/listen/selection/dialog/<lang>-<character>/. Never trained on. Needs: fillets-ng-data-cs, fillets-ng-data-nl,
# sox with Ogg Vorbis (libsox-fmt-all). The listeners of record fail their negative controls on it (2 of the 32 lines as
# they are called cello, 6 % > 5 %): `eval` prints the warning, and its verdicts are reported but not chosen on until
# listeners that pass on it exist.
set -euo pipefail
export SOX_OPTS="${SOX_OPTS:-} -R"   # repeatable dither
out="${1:-data/listen/selection/dialog}"
src=/usr/share/games/fillets-ng/sound
for lang in cs nl; do
  [ -n "$(ls "$src"/*/"$lang"/*.ogg 2>/dev/null | head -1)" ] || { echo "no $lang dialog under $src: apt-get install -y fillets-ng-data-$lang" >&2; exit 1; }
  for who in m v; do   # the small and the big fish
    mkdir -p "$out/$lang-$who"
    mapfile -t lines < <(for f in $(ls "$src"/*/"$lang"/*-"$who"-*.ogg | sort); do
      d=$(soxi -D "$f"); awk -v d="$d" 'BEGIN { exit !(d >= 2.5 && d <= 7) }' && echo "$f"; done)
    step=$(( ${#lines[@]} / 8 ))
    for k in 0 1 2 3 4 5 6 7; do
      sox "${lines[$((k * step))]}" -r 16000 -c 1 -b 16 "$out/$lang-$who/$(printf %02d $k).wav" remix - gain -3
    done
  done
done
echo "dialog selection: $(find "$out" -name '*.wav' | wc -l) clips"
