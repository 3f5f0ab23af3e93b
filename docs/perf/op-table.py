"""Sums Chrome-trace profiler events (libtorch's, from StepProfile.java, or PyTorch's, from reference_step_profile.py)
by op name, self time (each event less the events nested in it on its thread), per step; two traces side by side.
  python3 docs/perf/op-table.py A.json STEPS_A [B.json STEPS_B] [--top N]"""
import argparse, collections, json

def self_times(path):
    tr = json.load(open(path)); ev = tr['traceEvents'] if isinstance(tr, dict) else tr
    ev = [e for e in ev if e.get('ph') == 'X' and 'dur' in e]
    by_tid = collections.defaultdict(list)
    for e in ev: by_tid[(e.get('pid'), e.get('tid'))].append(e)
    tot, cnt = collections.Counter(), collections.Counter()
    for es in by_tid.values():
        es.sort(key=lambda e: (e['ts'], -e['dur'])); stack = []
        for e in es:
            while stack and stack[-1][0]['ts'] + stack[-1][0]['dur'] <= e['ts']: stack.pop()
            if stack: stack[-1][1][0] -= e['dur']
            rec = [e, [e['dur']]]; stack.append(rec)
            tot[e['name']] += 0; cnt[e['name']] += 1
            e['_self'] = rec[1]
        for e in es: tot[e['name']] += e['_self'][0]
    return tot, cnt

ap = argparse.ArgumentParser(); ap.add_argument('a'); ap.add_argument('na', type=int); ap.add_argument('b', nargs='?'); ap.add_argument('nb', nargs='?', type=int)
ap.add_argument('--top', type=int, default=30); o = ap.parse_args()
ta, ca = self_times(o.a); tb, cb = self_times(o.b) if o.b else (collections.Counter(), collections.Counter())
names = sorted(set(ta) | set(tb), key=lambda n: -max(ta[n] / o.na, tb[n] / (o.nb or 1)))
print(f"{'op (self time per step)':44s} {'A ms':>8s} {'calls':>6s} {'B ms':>8s} {'calls':>6s}")
for n in names[:o.top]:
    print(f"{n[:44]:44s} {ta[n] / o.na / 1e3:8.2f} {ca[n] / o.na:6.0f} {tb[n] / (o.nb or 1) / 1e3:8.2f} {cb[n] / (o.nb or 1):6.0f}")
print(f"{'all ops':44s} {sum(ta.values()) / o.na / 1e3:8.2f} {sum(ca.values()) / o.na:6.0f} {sum(tb.values()) / (o.nb or 1) / 1e3:8.2f} {sum(cb.values()) / (o.nb or 1):6.0f}")
