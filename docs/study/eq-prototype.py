#!/usr/bin/env python3
"""Prototype of input tone matching (27 Nov, not in the product): each clip's long-term average spectrum (frames within
30 dB of the loudest) is matched to the training voices' mean in 1/3-octave bands (100 Hz-6.4 kHz), the correction
clipped to +-MAXDB and never above unity gain, then the level restored. docs/study-n-domains.md ("Brightness of the
input voice") scores it. usage: eq-prototype.py TRAIN_DIR IN_DIR OUT_DIR [maxdb]"""
import sys, os, glob, numpy as np
from scipy.io import wavfile
from scipy.signal import stft, istft
N = 1024
def load(f):
    sr, x = wavfile.read(f); x = x.astype(np.float64)
    if x.ndim > 1: x = x.mean(1)
    return sr, x / 32768.0
def ltas(x, sr):
    _, _, Z = stft(x, sr, nperseg=N, noverlap=N * 3 // 4)
    p = np.abs(Z) ** 2; e = p.sum(0); keep = e > e.max() * 10 ** (-3)  # frames within 30 dB of the loudest
    return 10 * np.log10(p[:, keep].mean(1) + 1e-12)
C = 100 * 2 ** (np.arange(0, 19) / 3)  # 100 Hz .. 6.4 kHz, under every file's Nyquist
def band_db(db, sr):
    f = np.fft.rfftfreq(N, 1 / sr)
    v = np.array([db[m].mean() if (m := (f >= fc * 2 ** (-1 / 6)) & (f < fc * 2 ** (1 / 6))).any() and fc * 2 ** (1 / 6) < sr / 2 else np.nan for fc in C])
    return v - np.nanmax(v)
def curve(v, sr):
    f = np.fft.rfftfreq(N, 1 / sr); ok = ~np.isnan(v)
    return np.interp(np.log2(np.maximum(f, 50)), np.log2(C[ok]), v[ok])
train, src, out = sys.argv[1], sys.argv[2], sys.argv[3]; maxdb = float(sys.argv[4]) if len(sys.argv) > 4 else 12
tf = sorted(glob.glob(os.path.join(train, '**', '*.wav'), recursive=True))
acc = None
for f in tf[::5]:
    sr0, x = load(f); l = band_db(ltas(x, sr0), sr0)
    acc = l if acc is None else acc + l
target = acc / len(tf[::5])  # training voices are 16 kHz and up: every band present
for f in sorted(glob.glob(os.path.join(src, '**', '*.wav'), recursive=True)):
    sr, x = load(f)
    l = band_db(ltas(x, sr), sr)
    g = curve(np.clip(target - l, -maxdb, maxdb), sr); g -= g.max() if g.max() > 0 else 0  # never boost above unity: no clipping
    _, _, Z = stft(x, sr, nperseg=N, noverlap=N * 3 // 4)
    _, y = istft(Z * (10 ** (g / 20))[:, None], sr, nperseg=N, noverlap=N * 3 // 4)
    y = y[:len(x)]; y *= np.abs(x).max() / max(np.abs(y).max(), 1e-9)
    o = os.path.join(out, os.path.relpath(f, src)); os.makedirs(os.path.dirname(o), exist_ok=True)
    wavfile.write(o, sr, (y * 32767).astype(np.int16))
print('train files', len(tf[::5]), 'target bands', np.round(target, 1))
