"""The PyTorch reference's E + G (its build(), imported from ../shared/reference, not copied) on one 30-s image, no_grad,
timed plain and under the profiler; trace for docs/perf/op-table.py beside InferProfile.java's.
  /usr/bin/python3 docs/perf/infer_profile.py OUT.json"""
import importlib.util, os, sys, time, json, torch
spec = importlib.util.spec_from_file_location('reference', os.path.join(os.path.dirname(__file__), '../../../shared/reference/vaegan_reference.py')); ref = importlib.util.module_from_spec(spec); spec.loader.exec_module(ref)
torch.set_num_threads(2); torch.manual_seed(0)
E, G, _ = ref.build(2); E.eval(); G.eval()
x = torch.rand(1, 1, 128, 1876) * 2 - 1; c = torch.rand(1, 1, 128, 1876)
with torch.no_grad():
    for i in range(3): G[1](E(x), c)
    t=time.perf_counter()
    for i in range(10): G[1](E(x), c)
    print("plain %.1f ms" % ((time.perf_counter()-t)*100))
    with torch.autograd.profiler.profile(record_shapes=True) as prof:
        for i in range(10): G[1](E(x), c)
ev = [{'name': e.name, 'ph': 'X', 'ts': e.time_range.start, 'dur': e.time_range.end - e.time_range.start, 'tid': e.thread, 'pid': 'CPU', 'shape': e.input_shapes} for e in prof.function_events]
json.dump({'traceEvents': ev}, open(sys.argv[1], 'w'))
