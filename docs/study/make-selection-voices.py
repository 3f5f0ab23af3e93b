#!/usr/bin/env python3
"""A selection set for choosing among training seeds without touching the held-out clips.
Four TTS voices that are neither training nor held-out voices of make-voice-data.py (engine + speaker),
speaking sentences 340-399 of the same seed-7 sentence list, which neither of its splits uses.
Six more voices (27 Nov; accents and variants that no training or held-out voice has, from a second random stream so the
first four stay exactly as they were) make the set 100 clips: at 40, one clip is 2.5 points of domain accuracy.
Usage: make-selection-voices.py OUT_DIR   (writes OUT_DIR/<voice>/NNN.wav, 10 per voice)."""
import importlib.util, os, random, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
gen = os.path.join(here, "..", "..", "presets", "voice-strings", "training", "make-voice-data.py")
# rebuild the sentence list exactly as make-voice-data.py does (seed 7, before any rendering)
src = open(gen).read().split("train_s, held_s")[0]
scope = {}
exec(src, scope)
spare = scope["sents"][340:]
voices = [("flite", "kal"), ("espeak", "en-gb-x-gbclan+m3"), ("espeak", "en-us-nyc+f3"), ("espeak", "en-gb-x-gbcwmd+m2")]
rng = random.Random(11)
more = [("espeak", "en-gb-x-gbclan+f2"), ("espeak", "en-029+f1"), ("espeak", "en-us-nyc+m4"),
        ("espeak", "en-gb-x-gbcwmd+f3"), ("espeak", "en-gb-x-rp+f1"), ("espeak", "en-029+m3")]
out = sys.argv[1]
for engine, voice in voices + more:
    if (engine, voice) == more[0]: rng = random.Random(12)
    d = os.path.join(out, f"{engine}-{voice.replace('+', '_')}")
    os.makedirs(d, exist_ok=True)
    for i, text in enumerate(rng.sample(spare, 10)):
        f = os.path.join(d, f"{i:03d}.wav")
        if engine == "flite":
            subprocess.run(["flite", "-voice", voice, "-t", text, "-o", f], check=True)
        else:
            subprocess.run(["espeak-ng", "-v", voice, "-p", str(rng.randint(35, 65)), "-s", str(rng.randint(140, 180)),
                            "-w", f, text], check=True)
print(len(spare), "spare sentences; wrote", out)
