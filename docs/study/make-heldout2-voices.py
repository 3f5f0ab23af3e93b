#!/usr/bin/env python3
"""A second held-out set: 60 clips of 6 TTS voices (engine + accent + variant) that no training, held-out or selection
voice has, saying held-out sentences (300-339 of make-voice-data.py's seed-7 list, never spoken by a training voice).
Made on 27 Nov 2026 because 40 clips of 4 voices measure domain accuracy too coarsely (on the 100 selection clips the
misses of one model came from 2 of 10 voices, 3 of 10 clips each); no model choice was made on it.
Usage: make-heldout2-voices.py OUT_DIR   (writes OUT_DIR/<voice>/NNN.wav, 10 per voice)."""
import os, random, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
gen = os.path.join(here, "..", "..", "presets", "voice-strings", "training", "make-voice-data.py")
src = open(gen).read().split("train_s, held_s")[0]  # the sentence list exactly as make-voice-data.py builds it
scope = {}
exec(src, scope)
held = scope["sents"][300:340]
voices = [("espeak", "en-gb-scotland+f2"), ("espeak", "en-us-nyc+m6"), ("espeak", "en-029+m7"),
          ("espeak", "en-gb-x-gbcwmd+m5"), ("espeak", "en-gb-x-gbclan+f4"), ("espeak", "en+m2")]
rng = random.Random(13)
out = sys.argv[1]
for engine, voice in voices:
    d = os.path.join(out, f"{engine}-{voice.replace('+', '_')}")
    os.makedirs(d, exist_ok=True)
    for i, text in enumerate(rng.sample(held, 10)):
        subprocess.run(["espeak-ng", "-v", voice, "-p", str(rng.randint(35, 65)), "-s", str(rng.randint(140, 180)),
                        "-w", os.path.join(d, f"{i:03d}.wav"), text], check=True)
print("wrote", out)
