# Study section 23: which clip-stats features push a set of clips toward label A rather than B.
# python3 docs/study/why-label.py LISTENERS.clipstats.json A B features.csv [ref-features.csv]
import csv, json, sys
import numpy as np
L = json.load(open(sys.argv[1])); a, b = L['labels'].index(sys.argv[2]), L['labels'].index(sys.argv[3])
W, mu, sd = np.array(L['weights']), np.array(L['mean']), np.array(L['std'])
f = L['features']; bands, m = f['bands'], f['nMfcc']
def z(path): return ((np.array([[float(v) for v in r[1:]] for r in csv.reader(open(path))]) - mu) / sd).mean(0)
za = z(sys.argv[4]); zr = z(sys.argv[5]) if len(sys.argv) > 5 else None
def name(i):
    if i < bands: return f"band mean {i}"
    if i < 2 * bands: return f"band std {i - bands}"
    i -= 2 * bands
    return ["mfcc mean", "mfcc std", "mfcc delta"][i // m] + f" {i % m}"
c = (W[a] - W[b]) * za
print(f"total {c.sum():.2f}")
for i in np.argsort(-c)[:15]:
    print(f"{name(i):14s} contribution {c[i]:6.2f}  z {za[i]:6.2f}" + ("" if zr is None else f"  ref z {zr[i]:6.2f}"))
