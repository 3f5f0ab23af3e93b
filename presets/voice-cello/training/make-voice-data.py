#!/usr/bin/env python3
"""TTS speech for the voice domain of presets/voice-strings (helper vaegan, seed 7).
Training voices and held-out voices never overlap (engine + speaker); held-out sentences are
never spoken by training voices. Writes train/<voice>/NNN.wav and heldout/<voice>/NNN.wav."""
import os, random, subprocess, sys
random.seed(7)
subjects = ["the old sailor", "my little sister", "a tired traveller", "the village baker", "our new teacher",
            "the quiet neighbour", "a clever student", "the young doctor", "her best friend", "the lonely farmer",
            "a curious child", "the cheerful waiter", "the busy mechanic", "an honest merchant", "the gentle giant"]
verbs = ["carried", "painted", "found", "remembered", "repaired", "described", "followed", "noticed", "opened", "borrowed",
         "admired", "delivered", "forgot", "discovered", "collected"]
objects = ["a wooden boat", "the silver key", "seven yellow apples", "a long letter", "the broken window",
           "an ancient map", "the heavy suitcase", "a basket of flowers", "the morning paper", "a small green bottle",
           "the golden ring", "a warm blanket", "the empty bucket", "a pair of boots", "the red umbrella"]
places = ["near the river", "after the storm", "in the evening", "before breakfast", "under the bridge",
          "at the market", "on a rainy day", "beside the church", "during the winter", "behind the station",
          "in the garden", "at the top of the hill", "without a word", "with great care", "on the way home"]
tails = ["", ", and nobody knew why", ", but it was too late", ", and everyone laughed", "?", "!",
         ", while the bells were ringing", ", just as the sun went down"]
def sentence():
    s = f"{random.choice(subjects)} {random.choice(verbs)} {random.choice(objects)} {random.choice(places)}"
    t = random.choice(tails)
    s = s[0].upper() + s[1:]
    return s + (t if t in "?!" and t else t + ".")
sents = list(dict.fromkeys(sentence() for _ in range(400)))
train_s, held_s = sents[:300], sents[300:340]
train_voices = [("flite", "awb"), ("flite", "rms"), ("flite", "slt"),
                ("espeak", "en-us+m1"), ("espeak", "en-us+m3"), ("espeak", "en+m5"), ("espeak", "en-gb-x-rp+m2"),
                ("espeak", "en-us+f2"), ("espeak", "en+f4"), ("espeak", "en-029+m4")]
held_voices = [("flite", "kal16"), ("espeak", "en-gb-scotland+m7"), ("espeak", "en-us+f5"), ("espeak", "en+m6")]
def render(engine, voice, text, out):
    if engine == "flite":
        subprocess.run(["flite", "-voice", voice, "-t", text, "-o", out], check=True)
    else:
        pitch = str(random.randint(35, 65)); speed = str(random.randint(140, 180))
        subprocess.run(["espeak-ng", "-v", voice, "-p", pitch, "-s", speed, "-w", out, text], check=True)
n_per_voice = int(sys.argv[1]) if len(sys.argv) > 1 else 60
for split, voices, pool, n in (("train", train_voices, train_s, n_per_voice), ("heldout", held_voices, held_s, 10)):
    for engine, voice in voices:
        d = os.path.join(split, f"{engine}-{voice.replace('+', '_')}")
        os.makedirs(d, exist_ok=True)
        for i, text in enumerate(random.sample(pool, n)):
            render(engine, voice, text, os.path.join(d, f"{i:03d}.wav"))
print("done")
