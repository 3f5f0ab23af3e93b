#!/usr/bin/env python3
"""Independent reference for MelScaleTest (librosa itself is not installable here).

Re-implements librosa.filters.mel(sr, n_fft, n_mels, fmin, fmax, htk, norm='slaney') from its
documented formula with numpy in float64 (Slaney: linear 200/3 Hz per mel below 1 kHz, log step
ln(6.4)/27 above; HTK: 2595 log10(1 + f/700)), and writes the non-zero weights as
`mel,bin,weight` rows. Regenerate with:  python3 generate_mel_fixture.py
"""
import numpy as np

def hz_to_mel(f, htk):
    f = np.asanyarray(f, dtype=np.float64)
    if htk:
        return 2595.0 * np.log10(1.0 + f / 700.0)
    f_sp = 200.0 / 3
    mels = f / f_sp
    min_log_hz, min_log_mel, logstep = 1000.0, 1000.0 / f_sp, np.log(6.4) / 27.0
    return np.where(f >= min_log_hz, min_log_mel + np.log(np.maximum(f, 1e-30) / min_log_hz) / logstep, mels)

def mel_to_hz(m, htk):
    m = np.asanyarray(m, dtype=np.float64)
    if htk:
        return 700.0 * (10.0 ** (m / 2595.0) - 1.0)
    f_sp = 200.0 / 3
    min_log_hz, min_log_mel, logstep = 1000.0, 1000.0 / f_sp, np.log(6.4) / 27.0
    return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), f_sp * m)

def mel_filters(sr, n_fft, n_mels, fmin, fmax, htk):
    fftfreqs = np.linspace(0, sr / 2, 1 + n_fft // 2)
    mel_f = mel_to_hz(np.linspace(hz_to_mel(fmin, htk), hz_to_mel(fmax, htk), n_mels + 2), htk)
    fdiff = np.diff(mel_f)
    ramps = np.subtract.outer(mel_f, fftfreqs)
    w = np.zeros((n_mels, len(fftfreqs)))
    for i in range(n_mels):
        w[i] = np.maximum(0, np.minimum(-ramps[i] / fdiff[i], ramps[i + 2] / fdiff[i + 1]))
    w *= (2.0 / (mel_f[2:n_mels + 2] - mel_f[:n_mels]))[:, None]
    return w

def write(name, w):
    with open(name, "w") as f:
        f.write("mel,bin,weight\n")
        for m, k in zip(*np.nonzero(w)):
            f.write(f"{m},{k},{w[m, k]:.12e}\n")

if __name__ == "__main__":
    # the project default (SpectrogramConfig.DEFAULT)
    write("slaney_16000_1024_128_40_8000.csv", mel_filters(16000, 1024, 128, 40.0, 8000.0, False))
    # a small HTK bank at another rate
    write("htk_22050_512_20_0_11025.csv", mel_filters(22050, 512, 20, 0.0, 11025.0, True))
