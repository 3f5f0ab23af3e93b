"""Records PyTorch's profiler over the reference's own training steps (../shared/reference/vaegan_reference.py, imported,
not copied) on generated clips of bench train's sizes and writes a Chrome trace for docs/perf/op-table.py.
  /usr/bin/python3 docs/perf/reference_step_profile.py OUT.json [STEPS] [--reference PATH]
The trace keeps only the steps after the first 15 (warm-up); op-table.py divides by STEPS."""
import argparse, importlib.util, json, os, tempfile
import numpy as np
from scipy.io import wavfile

ap = argparse.ArgumentParser()
ap.add_argument('out'); ap.add_argument('steps', nargs='?', type=int, default=20)
ap.add_argument('--reference', default=os.path.join(os.path.dirname(__file__), '../../../shared/reference/vaegan_reference.py'))
a = ap.parse_args()
spec = importlib.util.spec_from_file_location('vaegan_reference', a.reference); ref = importlib.util.module_from_spec(spec); spec.loader.exec_module(ref)
import torch

WARMUP = 15
tmp = tempfile.mkdtemp(prefix='refprof')
rng = np.random.default_rng(1)
for d in ('d0', 'd1'):  # 4 s of a gliding harmonic buzz per clip, as bench train's reference row
    os.makedirs(os.path.join(tmp, 'data', d))
    for i in range(4):
        t = np.arange(16000 * (4 + i)) / 16000; f0 = 150 * 2 ** (0.5 * np.sin(2 * np.pi * 0.7 * t + i))
        ph = 2 * np.pi * np.cumsum(f0) / 16000
        x = sum(np.sin(k * ph) / k for k in range(1, 20)) * 0.2 + 0.003 * rng.standard_normal(len(t))
        wavfile.write(os.path.join(tmp, 'data', d, f'c{i}.wav'), 16000, (x * 32767 * 0.5).astype(np.int16))

with torch.autograd.profiler.profile(record_shapes=True) as prof:
    ref.train(argparse.Namespace(data=os.path.join(tmp, 'data'), out=os.path.join(tmp, 'out'), steps=WARMUP + a.steps, threads=2))
ev = [{'name': e.name, 'ph': 'X', 'ts': e.time_range.start, 'dur': e.time_range.end - e.time_range.start, 'tid': e.thread,
       'pid': 'CPU', 'shape': e.input_shapes} for e in prof.function_events]  # libtorch's trace format, shapes kept
marks = sorted(e['ts'] for e in ev if e.get('name', '').startswith('Optimizer.step#Adam.step'))
start = marks[2 * WARMUP - 1]  # two Adam steps per training step: G's, then D's
kept = [e for e in ev if e.get('ph') == 'X' and e['ts'] > start]
json.dump({'traceEvents': kept}, open(a.out, 'w'))
print(f"kept {len(kept)} events of the last {a.steps} steps ({(max(e['ts'] + e['dur'] for e in kept) - start) / 1e3 / a.steps:.1f} ms/step profiled); trace in {a.out}")
