#!/usr/bin/env python3
"""Where a Timbre Lab process spends its time, from a Java Flight Recorder file (docs/perf/README.md).

usage: jfr-hotspots.py RECORDING.jfr [--thread NAME] [--top N]

Reads `jfr print --events jdk.ExecutionSample,jdk.NativeMethodSample --stack-depth 64` and attributes every sample
twice: to the innermost frame (the native op or Java method that was running) and to the innermost frame in
org.timbrelab (which part of our code asked for it). Samples in native code (libtorch kernels through JNI) are
NativeMethodSample events; pure-Java work is ExecutionSample.
"""
import collections, re, subprocess, sys

def main():
    args = sys.argv[1:]
    if not args: sys.exit(__doc__)
    path, thread, top = args[0], None, 25
    if '--thread' in args: thread = args[args.index('--thread') + 1]
    if '--top' in args: top = int(args[args.index('--top') + 1])
    text = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample,jdk.NativeMethodSample', '--stack-depth', '64', path],
                          capture_output=True, text=True, check=True).stdout
    events = re.split(r'\njdk\.(?:ExecutionSample|NativeMethodSample) \{', text)[1:]
    inner, ours, kinds, n = collections.Counter(), collections.Counter(), collections.Counter(), 0
    for e in events:
        m = re.search(r'sampledThread = "([^"]*)"', e)
        if thread and (not m or thread not in m.group(1)): continue
        frames = re.findall(r'^\s+([\w$.<>]+)\(.*?\)\s+line:', e, re.M)
        if not frames: continue
        n += 1
        kinds['native' if 'state = "STATE_IN_NATIVE"' in e or 'nativeMethod' in e else 'java'] += 1
        inner[frames[0]] += 1
        mine = next((f for f in frames if f.startswith('org.timbrelab.')), '(outside org.timbrelab)')
        ours[mine] += 1
    if n == 0: sys.exit('no samples' + (f' on a thread named like {thread!r}' if thread else ''))
    print(f'{n} samples')
    for title, c in (('innermost frame', inner), ('innermost org.timbrelab frame', ours)):
        print(f'\n{title}:')
        for k, v in c.most_common(top): print(f'  {100 * v / n:5.1f} %  {k}')

main()
