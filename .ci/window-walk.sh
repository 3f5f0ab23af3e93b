#!/usr/bin/env bash
# The README's launch, walked end to end: `mvn -q compile javafx:run` (JavaFX on the module path, with
# the pom's JVM options) under Xvfb, with the app's scripted walk on (org.timbrelab.app.Walk): open a
# sample → convert all → drag in the latent plane → an interpolation step → every wizard page → the
# first training step → Stop. Fails (non-zero) on any uncaught exception on any thread, an error
# dialog, or a step that does not finish in time. The walk's switch reaches the app's JVM through
# JDK_JAVA_OPTIONS (the java launcher's own variable), so the launch itself is exactly the README's.
# Needs: xvfb (xvfb-run) and GTK 3 (apt-get install -y xvfb libgtk-3-0). Usage: .ci/window-walk.sh
set -u
cd "$(dirname "$0")/.."
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "window walk: SKIPPED — xvfb-run is not installed (apt-get install -y xvfb libgtk-3-0)"
  exit 0
fi
mkdir -p target
LOG=target/window-walk.log
USER_DIR=$(mktemp -d)   # recent files, runs and presets of the walk: never the user's ~/.timbrelab
start=$(date +%s)
JDK_JAVA_OPTIONS="-Dtimbrelab.walk=true -Dtimbrelab.user=$USER_DIR" \
  timeout "${WALK_TIMEOUT:-600}" xvfb-run -a -s "-screen 0 1400x900x24" mvn -B -q compile javafx:run >"$LOG" 2>&1
status=$?
grep -E "^WALK|Exception in thread" "$LOG"
[ $status -eq 124 ] && echo "window walk: killed by the ${WALK_TIMEOUT:-600}-s timeout"
echo "window walk: exit $status in $(( $(date +%s) - start )) s (full log: $LOG)"
rm -rf "$USER_DIR"
exit $status
