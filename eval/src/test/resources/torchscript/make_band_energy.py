"""Makes band-energy.pt, the test fixture of TorchScriptEmbedding: a TorchScript frame embedding
with no learned weights, so its answer is known. Made with Debian's python3-torch 1.13.1
(apt-get install python3-torch; then /usr/bin/python3 make_band_energy.py in this folder).

Contract (docs/eval/torchscript-embedding.md): forward takes a mono waveform [1, samples] at
16 kHz and returns [frames, dim]. Here: 400-sample Hann frames every 160 samples (25 ms / 10 ms),
projected on 16 complex exponentials at 250, 500, ..., 4000 Hz; each frame's embedding is the log
magnitude log(1e-6 + |X_k|) of those 16 bins. Also writes band-energy-expected.json: the output for
a 0.25-s 1000-Hz sine of amplitude 0.5, which the Java test compares against.
"""
import json
import math
import torch


class BandEnergy(torch.nn.Module):
    def __init__(self):
        super().__init__()
        n = torch.arange(400, dtype=torch.float32)
        hz = torch.arange(1, 17, dtype=torch.float32) * 250.0
        phase = 2 * math.pi * hz[:, None] * n[None, :] / 16000.0
        window = 0.5 - 0.5 * torch.cos(2 * math.pi * n / 400)
        self.register_buffer("cos_basis", torch.cos(phase) * window)
        self.register_buffer("sin_basis", torch.sin(phase) * window)

    def forward(self, wave: torch.Tensor) -> torch.Tensor:
        frames = wave[0].unfold(0, 400, 160)            # [frames, 400]
        re = frames @ self.cos_basis.t()
        im = frames @ self.sin_basis.t()
        return torch.log(1e-6 + torch.sqrt(re * re + im * im))   # [frames, 16]


if __name__ == "__main__":
    module = torch.jit.script(BandEnergy())
    module.save("band-energy.pt")
    t = torch.arange(4000, dtype=torch.float32) / 16000.0
    sine = (0.5 * torch.sin(2 * math.pi * 1000.0 * t))[None, :]
    out = module(sine)
    json.dump({"input": {"hz": 1000.0, "amplitude": 0.5, "samples": 4000, "rate": 16000},
               "frames": out.tolist()}, open("band-energy-expected.json", "w"))
    print("band-energy.pt:", tuple(out.shape), "frames x dims")
