#!/usr/bin/env bash
# The README's launch, walked end to end: `mvn -q compile javafx:run` (JavaFX on the module path, with
# the pom's JVM options) under Xvfb, with the app's scripted walk on (org.timbrelab.app.Walk): open a
# sample → convert all → drag in the latent plane → an interpolation step → every wizard page → the
# first training step → Stop. Fails (non-zero) on any uncaught exception on any thread, an error
# dialog, or a step that does not finish in time. The walk's switch reaches the app's JVM through
# JDK_JAVA_OPTIONS (the java launcher's own variable), so the launch itself is exactly the README's.
# Needs: xvfb (xvfb-run) and GTK 3 (apt-get install -y xvfb libgtk-3-0).
# Usage: .ci/window-walk.sh [javafx-run|jar]
#   javafx-run (default): `mvn -B -q compile javafx:run`, JavaFX on the module path (the README's launch)
#   jar: `java -jar target/timbre-lab.jar` (JavaFX on the class path; build it first with `mvn -q -DskipTests package`)
set -u
cd "$(dirname "$0")/.."
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "window walk: SKIPPED — xvfb-run is not installed (apt-get install -y xvfb libgtk-3-0)"
  exit 0
fi
if [ "$(uname)" = Linux ] && ! { ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null; } | grep -q 'libgtk-3\.so\.0'; then
  echo "window walk: SKIPPED — GTK 3 is not installed, JavaFX cannot open a window (apt-get install -y libgtk-3-0)"
  exit 0
fi
MODE=${1:-javafx-run}
case "$MODE" in
  javafx-run) LAUNCH=(mvn -B -q compile javafx:run) ;;
  jar) [ -f target/timbre-lab.jar ] || { echo "window walk (jar): target/timbre-lab.jar is missing: run mvn -q -DskipTests package first"; exit 1; }
       LAUNCH=(java -jar target/timbre-lab.jar) ;;
  *) echo "usage: $0 [javafx-run|jar]"; exit 2 ;;
esac
mkdir -p target
LOG=target/window-walk-$MODE.log
USER_DIR=$(mktemp -d)   # recent files, runs and presets of the walk: never the user's ~/.timbrelab
start=$(date +%s)
JDK_JAVA_OPTIONS="-Dtimbrelab.walk=true -Dtimbrelab.user=$USER_DIR" \
  timeout "${WALK_TIMEOUT:-600}" xvfb-run -a -s "-screen 0 1400x900x24" "${LAUNCH[@]}" >"$LOG" 2>&1
status=$?
grep -E "^WALK|Exception in thread" "$LOG"
[ $status -eq 124 ] && echo "window walk ($MODE): killed by the ${WALK_TIMEOUT:-600}-s timeout"
echo "window walk ($MODE: ${LAUNCH[*]}): exit $status in $(( $(date +%s) - start )) s (full log: $LOG)"
rm -rf "$USER_DIR"
exit $status
