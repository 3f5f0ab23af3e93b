#!/usr/bin/env bash
# Real read sentences for *choosing* (issue "heard as the instrument"). The real selection phrases
# (make-real-selection.sh) are single words joined by short gaps, the dialog group (make-dialog-selection.sh) is acted;
# the held-out real group is read sentences, and on the flute the sets have disagreed with it (study sections 34-35).
# Debian's asterisk-core-sounds-{en,fr,it,ru}-g722 hold studio-read telephone prompts of four real speakers at 16 kHz
# (G.722, 7-kHz band): en_US_f_Allison, fr_CA_f_June, it_IT_m_Carlo, ru_RU_f_IvrvoiceRU. For each speaker, top-level
# prompts of 2.5-7 s (the held-out clips are 1-7 s) in a fixed spread of the sorted list, eight per speaker → 32 clips
# under data/listen/selection/prompts/<speaker>/. Never trained on. Needs: those four packages and ffmpeg (G.722).
set -euo pipefail
export SOX_OPTS="${SOX_OPTS:-} -R"   # repeatable dither
out="${1:-data/listen/selection/prompts}"
src=/usr/share/asterisk/sounds
command -v ffmpeg >/dev/null || { echo "ffmpeg is needed to decode G.722: apt-get install -y ffmpeg" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for who in en_US_f_Allison fr_CA_f_June it_IT_m_Carlo ru_RU_f_IvrvoiceRU; do
  [ -n "$(ls "$src/$who"/*.g722 2>/dev/null | head -1)" ] || {
    echo "no prompts under $src/$who: apt-get install -y asterisk-core-sounds-${who:0:2}-g722" >&2; exit 1; }
  mkdir -p "$out/$who"
  mapfile -t lines < <(for f in $(ls "$src/$who"/*.g722 | sort); do
    d=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$f")
    awk -v d="$d" 'BEGIN { exit !(d >= 2.5 && d <= 7) }' && echo "$f"; done)
  step=$(( ${#lines[@]} / 8 ))
  for k in 0 1 2 3 4 5 6 7; do
    ffmpeg -v error -y -i "${lines[$((k * step))]}" -ac 1 -ar 16000 -c:a pcm_s16le "$tmp/p.wav"
    sox "$tmp/p.wav" -b 16 "$out/$who/$(printf %02d $k).wav" gain -3
  done
  echo "$who: ${#lines[@]} prompts of 2.5-7 s, every ${step}th taken"
done
echo "prompt selection: $(find "$out" -name '*.wav' | wc -l) clips"
