"""Clip-by-clip f0 comparison of candidates against a base on the real selection speakers (the reports that
docs/eval/score-selection.sh wrote to runs/sel-TAG-real/clips.csv; PGHI, register auto, the preset's strength 0.5):
the mean per-clip difference of f0 correlation with a paired bootstrap 95 % interval, the median difference, and how
many clips improved; also each run's own median with a bootstrap interval over clips (docs/study-reference.md, 15).
  python3 docs/eval/paired-f0.py BASE_TAG TAG[@STRENGTH]...      e.g. python3 docs/eval/paired-f0.py fo3-1500 vf5-1500 f20s-1500@1.00
A tag's rows at another timbre strength come from eval --ablation-strengths (default 0.50)."""
import csv, random, statistics, sys


def f0_by_clip(spec):
    tag, _, strength = spec.partition('@')
    out = {}
    for r in csv.DictReader(open(f"runs/sel-{tag}-real/clips.csv")):
        s = r['system']
        if f"strength {strength or '0.50'})" in s and 'register auto' in s and 'tone matching off' not in s and 'envelope' not in s:
            try:
                out[r['input']] = float(r['f0_correlation'])
            except ValueError:
                pass  # a clip with no frames voiced in both has no correlation
    return out


def interval(xs, stat, rng, n=4000):
    bs = sorted(stat(rng.choices(xs, k=len(xs))) for _ in range(n))
    return bs[int(0.025 * n)], bs[int(0.975 * n) - 1]


rng = random.Random(1)
base = f0_by_clip(sys.argv[1])
lo, hi = interval(list(base.values()), statistics.median, rng)
print(f"{sys.argv[1]:12s} median {statistics.median(base.values()):.3f} [{lo:.3f}, {hi:.3f}]  (base)")
for tag in sys.argv[2:]:
    v = f0_by_clip(tag)
    keys = sorted(set(v) & set(base))
    d = [v[k] - base[k] for k in keys]
    lo, hi = interval(list(v.values()), statistics.median, rng)
    dlo, dhi = interval(d, statistics.mean, rng)
    print(f"{tag:12s} median {statistics.median(v.values()):.3f} [{lo:.3f}, {hi:.3f}]  vs base: mean diff {statistics.mean(d):+.3f} "
          f"[{dlo:+.3f}, {dhi:+.3f}], median diff {statistics.median(d):+.3f}, {sum(x > 0 for x in d)} of {len(d)} clips better")
