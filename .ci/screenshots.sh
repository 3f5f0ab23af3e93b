#!/usr/bin/env bash
# Screenshots of the real window under Xvfb: runs the app's scripted tour (-Dtimbrelab.tour=true)
# and grabs the screen with ImageMagick's `import` whenever the app prints "TOUR <view>".
# Needs: xvfb, imagemagick (apt-get install -y xvfb imagemagick). Usage: .ci/screenshots.sh [HOME_DIR]
# HOME_DIR holds samples/ and presets/voice-strings (default: this repository).
set -u
cd "$(dirname "$0")/.."
HOME_DIR=${1:-$PWD}
export DISPLAY=${DISPLAY:-:99}
pgrep -f "Xvfb $DISPLAY" >/dev/null || (Xvfb "$DISPLAY" -screen 0 1400x900x24 >/dev/null 2>&1 &)
sleep 1
mvn -q -B -o compile dependency:build-classpath -Dmdep.outputFile=target/app.classpath >/dev/null
mkdir -p docs/screenshots
LOG=target/tour.log
USER_DIR=$(mktemp -d)
java --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED -Dai.djl.offline=true \
  -Dtimbrelab.tour=true -Dtimbrelab.tour.hold=4 -Dtimbrelab.home="$HOME_DIR" -Dtimbrelab.user="$USER_DIR" \
  -cp "target/classes:$(cat target/app.classpath)" org.timbrelab.app.Main > $LOG 2>&1 &
PID=$!
seen=""
for i in $(seq 1 1800); do
  for m in main latent interpolation wizard dashboard; do
    if [[ " $seen " != *" $m "* ]] && grep -q "^TOUR $m$" $LOG; then
      sleep 1; import -window root docs/screenshots/$m.png; seen="$seen $m"; echo "shot $m"
    fi
  done
  grep -q "^TOUR done\|TOUR failed" $LOG && break
  sleep 0.5
done
kill $PID 2>/dev/null
grep -E "TOUR|usable window|blocked" $LOG
