#!/usr/bin/env python3
"""Builds the n-domain study table (Markdown) from eval reports and training logs.

usage: table.py RUN_ROOT EVAL_ROOT name[,name...]
  RUN_ROOT/<name>/metrics.jsonl  training log of each run (steps, ms/step), or RUN_ROOT/<name>.metrics.jsonl
  EVAL_ROOT/<name>/results.csv   `eval` output of each run's preset on the same held-out clips
"""
import csv, json, sys, os

def training(run):
    log = run + '.metrics.jsonl' if os.path.exists(run + '.metrics.jsonl') else os.path.join(run, 'metrics.jsonl')
    rows = [json.loads(l) for l in open(log) if '"ms_per_step"' in l]
    steps = rows[-1]['step']
    # wall time from the per-step timing of every logged step (the log has one row per step)
    ms = [r['ms_per_step'] for r in rows]
    return steps, sum(ms) / len(ms)

def results(ev):
    out = {}
    for r in csv.DictReader(open(os.path.join(ev, 'results.csv'))):
        if r['kind'] == 'model':
            out[r['domain']] = r
    return out

def main():
    run_root, eval_root, names = sys.argv[1], sys.argv[2], sys.argv[3].split(',')
    print('| run | domains | steps | logged ms/step | logged min | target | domain acc. | f0 corr. | cents err. | loudness corr. (before / after env.) | FAD MFCC | FAD learned |')
    print('|---|---|---|---|---|---|---|---|---|---|---|---|')
    for n in names:
        steps, ms = training(os.path.join(run_root, n))
        res = results(os.path.join(eval_root, n))
        doms = len(res) + 1
        for d, r in res.items():
            print('| %s | %d | %d | %.0f | %.1f | %s | %d %% | %.3f | %.0f | %.2f / %.2f | %.0f | %.1f |' % (
                n, doms, steps, ms, steps * ms / 60000, d, int(100 * float(r['domain_accuracy']) + 0.5), float(r['f0_correlation']),
                float(r['cents_error']), float(r['loudness_correlation']), float(r['loudness_correlation_enveloped']),
                float(r['fad_mfcc']), float(r['fad_learned'])))

if __name__ == '__main__':
    main()
