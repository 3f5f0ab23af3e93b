#!/usr/bin/env bash
# Screenshots of the real window as the README launches it (`mvn -q compile javafx:run`, JavaFX on the
# module path) under Xvfb: the app's walk (org.timbrelab.app.Walk, as .ci/window-walk.sh runs it) with a
# pause at each view; whenever the app prints "WALK view <name>" the screen is grabbed with ImageMagick's
# `import` into docs/screenshots/<name>.png: main, latent, interpolation, wizard-1-name, wizard (the domains
# page), wizard-3-size, wizard-4-start,
# dashboard (a real run started from the wizard, after 40 steps).
# Needs: xvfb, imagemagick, GTK 3 (apt-get install -y xvfb imagemagick libgtk-3-0). Usage: .ci/screenshots.sh
# (The FX-timing tour the README's measurement table comes from is -Dtimbrelab.tour=true, org.timbrelab.app.Tour.)
set -u
cd "$(dirname "$0")/.."
export DISPLAY=${DISPLAY:-:99}
XVFB_PID=""
if ! xdpyinfo -display "$DISPLAY" >/dev/null 2>&1; then
  Xvfb "$DISPLAY" -screen 0 1400x900x24 >/dev/null 2>&1 &
  XVFB_PID=$!
  sleep 1
fi
mkdir -p docs/screenshots target
LOG=target/screenshots.log
USER_DIR=$(mktemp -d)
JDK_JAVA_OPTIONS="-Dtimbrelab.walk=true -Dtimbrelab.walk.hold=${HOLD:-3} -Dtimbrelab.user=$USER_DIR" \
  mvn -q -B compile javafx:run > $LOG 2>&1 &
PID=$!
seen=""
while kill -0 $PID 2>/dev/null; do
  for m in $(grep -o '^WALK view [a-z0-9-]*' $LOG | awk '{print $3}'); do
    if [[ " $seen " != *" $m "* ]]; then
      import -window root docs/screenshots/$m.png; seen="$seen $m"; echo "shot $m"
    fi
  done
  sleep 0.3
done
wait $PID
status=$?
[ -n "$XVFB_PID" ] && kill $XVFB_PID 2>/dev/null
rm -rf "$USER_DIR"
grep -E "^WALK" $LOG | grep -v "WALK view"
exit $status
