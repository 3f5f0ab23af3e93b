import csv,sys,re
# Per target, the strength with the best lower-of-groups heard-as (lowest of the tts, real and noisy selection sets)
# among those whose f0 correlation is >= 0.8 on every group (ties: the higher sum over groups); docs/study-reference.md 19-20.
# usage: python3 docs/eval/selection-rule.py TAG...  (from the project folder); each TAG reads runs/sel-TAG-{tts,real,noisy}/results.csv
def strength_of(system, domain):
    m=re.search(r'strength ([0-9.]+)(?: \(([^)]*)\))?',system)
    if not m: return None
    per=dict((k.strip(), v) for k,v in (p.split(' ') for p in (m.group(2) or '').split(', ') if p))
    return float(per.get(domain, m.group(1)))
def rows(tag):
    out={}
    for s in ('tts','real','noisy'):
        try: R=list(csv.DictReader(open(f"runs/sel-{tag}-{s}/results.csv")))
        except FileNotFoundError: continue
        for r in R:
            if r['group']!='all' or r['kind'] not in ('model','ablation'): continue
            if any(k in r['system'] for k in ('GL','register off','tone matching off','envelope')): continue
            st=strength_of(r['system'], r['domain'])
            if st is None: continue
            f=lambda k: float(r[k]) if r[k] else float('nan')
            out.setdefault((r['domain'],st),{})[s]=(f('heard_as_target')*100,f('f0_correlation'),f('loudness_correlation'),f('heard_as_target_mlp')*100,f('heard_as_target_clipstats')*100)
    return out
best={}
for tag in sys.argv[1:]:
    for (d,st),v in sorted(rows(tag).items()):
        if len(v)<3: continue
        low=min(x[0] for x in v.values()); f0=min(x[1] for x in v.values())
        desc=" | ".join(f"{s} {v[s][0]:5.1f} ({v[s][3]:.0f}/{v[s][4]:.0f}) f0 {v[s][1]:.2f} ld {v[s][2]:.2f}" for s in ('tts','real','noisy'))
        print(f"{tag:12s} {d:7s} s={st:.2f} low {low:5.1f} f0min {f0:.2f} :: {desc}")
        key=(low if f0>=0.8 else -1, sum(x[0] for x in v.values()))
        if d not in best or key>best[d][0]: best[d]=(key,tag,st,low,f0,v['noisy'][2])
print("rule picks:")
for d,(k,tag,st,low,f0,ld) in best.items(): print(f"  {d}: {tag} strength {st} lower-of-groups {low:.1f} f0min {f0:.2f} noisy loudness {ld:.2f}")
