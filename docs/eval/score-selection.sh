#!/usr/bin/env bash
# usage: docs/eval/score-selection.sh PRESET NAME [extra eval args]
# Scores a candidate preset on the selection sets (data/listen/selection/{tts,real,noisy}, those present) with the two listeners and prints
# its "all" rows: heard as target (lower listener; mlp / clipstats), heard as voice, f0 and loudness correlation.
# Reports go to runs/sel-NAME-SET/; SETS="tts real noisy dialog" adds the dialog group (reported only: the listeners fail its controls). JAR folder: $BIN (default target); listeners: $LISTENERS (default docs/eval/listeners/listeners.json, the listeners of record).
set -e
p="$1"; n="$2"; shift 2
J="java -jar ${BIN:-target}/timbre-lab.jar"
for s in ${SETS:-tts real noisy}; do
  [ -d data/listen/selection/$s ] || continue
  $J eval --preset "$p" --inputs data/listen/selection/$s --out runs/sel-$n-$s --classifier ${LISTENERS:-docs/eval/listeners/listeners.json} --no-gl "$@" > runs/sel-$n-$s.log 2>&1 || { echo "eval failed: runs/sel-$n-$s.log"; tail -5 runs/sel-$n-$s.log; }
  python3 - "$n" "$s" <<'PY'
import csv,sys
n,s=sys.argv[1],sys.argv[2]
for r in csv.DictReader(open(f"runs/sel-{n}-{s}/results.csv")):
    if r['group']=='all' and (r['kind'] in ('model','reference') or 'strength' in r['system'] and 'register off' not in r['system'] and 'GL' not in r['system'] and 'tone' not in r['system'] and 'env' not in r['system']):
        f=lambda k: float(r[k]) if r[k] else float('nan')
        print(f"{n:14s} {s:4s} {r['domain']:7s} heard {f('heard_as_target')*100:5.1f}% (mlp {f('heard_as_target_mlp')*100:.0f} / cs {f('heard_as_target_clipstats')*100:.0f})  voice {f('heard_as_source_mlp')*100:.0f}/{f('heard_as_source_clipstats')*100:.0f}  f0 {f('f0_correlation'):.2f}  loud {f('loudness_correlation'):.2f}  | {r['system'][:60]}")
PY
done
