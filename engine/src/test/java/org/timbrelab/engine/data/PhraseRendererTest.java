package org.timbrelab.engine.data;

import org.junit.jupiter.api.Test;
import org.timbrelab.dsp.AudioClip;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhraseRendererTest {
    static final InstrumentTable TABLE = InstrumentTable.loadDefault();

    @Test void composedPhrasesStayInRegisterWithLegatoNoteLengths() {
        for (String name : List.of("violin", "cello", "flute")) {
            Instrument inst = TABLE.get(name);
            for (long seed = 0; seed < 20; seed++) {
                PhraseRenderer.Phrase p = PhraseRenderer.compose(inst, 5.0, seed);
                assertTrue(p.notes().size() >= 3, "a 5-s phrase has several notes");
                for (PhraseRenderer.PhraseNote n : p.notes()) {
                    assertTrue(inst.phrases().contains(n.pitch()), name + " pitch " + n.pitch() + " outside " + inst.phrases());
                    assertTrue(n.durationSeconds() >= PhraseRenderer.MIN_NOTE_SECONDS - 1e-9 && n.durationSeconds() <= 1.0 + 1e-9,
                            "note length " + n.durationSeconds());
                    assertTrue(n.startSeconds() + n.durationSeconds() <= 5.0, "notes end inside the phrase");
                }
                assertEquals(5.0, p.score().durationSeconds(), 1e-9);
            }
        }
    }

    @Test void phrasesUseGlidesAndVaryTheMelody() {
        Instrument violin = TABLE.get("violin");
        int glides = 0, notes = 0;
        java.util.Set<Integer> pitches = new java.util.HashSet<>();
        for (long seed = 0; seed < 30; seed++) {
            for (PhraseRenderer.PhraseNote n : PhraseRenderer.compose(violin, 4.0, seed).notes()) {
                notes++;
                if (n.glideIn()) glides++;
                pitches.add(n.pitch());
            }
        }
        assertTrue(glides > notes / 10 && glides < notes / 2, glides + " glides in " + notes + " notes");
        assertTrue(pitches.size() > 15, "melodies cover the register: " + pitches.size() + " distinct pitches");
    }

    @Test void renderIsDeterministicForASeed() {
        Instrument violin = TABLE.get("violin");
        try (SoundfontRenderer r = SoundfontRenderer.open(Soundfont.builtin(), violin)) {
            AudioClip a = PhraseRenderer.render(r, 2.0, 42);
            AudioClip b = PhraseRenderer.render(r, 2.0, 42);
            AudioClip c = PhraseRenderer.render(r, 2.0, 43);
            assertEquals(32_000, a.length());
            assertArrayEquals(a.samples(), b.samples(), "same seed, same audio");
            assertNotEquals(a, c, "another seed, another phrase");
            assertFalse(RenderCheck.of(a.samples(), a.length()) == RenderCheck.SILENT, "the phrase sounds");
        }
    }

    @Test void restsLeaveTheInstrumentSilentBetweenNotes() {
        Instrument violin = TABLE.get("violin");
        int gaps = 0;
        for (long seed = 0; seed < 20; seed++) {
            var plain = PhraseRenderer.compose(violin, 6.0, seed);
            assertEquals(plain.notes(), PhraseRenderer.compose(violin, 6.0, seed, 0).notes(), "rests 0 keeps earlier phrases");
            var notes = PhraseRenderer.compose(violin, 6.0, seed, 0.5).notes();
            for (int i = 1; i < notes.size(); i++) {
                double gap = notes.get(i).startSeconds() - notes.get(i - 1).startSeconds() - notes.get(i - 1).durationSeconds();
                if (gap >= PhraseRenderer.MIN_REST_SECONDS - 1e-9) gaps++;
                assertTrue(gap <= PhraseRenderer.MAX_REST_SECONDS + 1e-9, "rest " + gap);
            }
        }
        assertTrue(gaps >= 10, "half the notes are followed by a rest: " + gaps + " rests in 20 phrases");
        // and the rendered audio really falls silent: some 100-ms stretch is 40 dB under the phrase's peak
        try (SoundfontRenderer r = SoundfontRenderer.open(Soundfont.builtin(), violin)) {
            var score = PhraseRenderer.compose(violin, 6.0, 3, 0.6).score();
            float[] x = r.render(score).samples();
            double peak = 0, quietest = Double.MAX_VALUE;
            for (float v : x) peak = Math.max(peak, Math.abs(v));
            for (int s = 0; s + 1600 <= x.length - 8000; s += 400) {   // not the final release tail
                double e = 0;
                for (int k = s; k < s + 1600; k++) e = Math.max(e, Math.abs(x[k]));
                quietest = Math.min(quietest, e);
            }
            assertTrue(quietest < peak * 0.01, "quietest 100 ms at " + 20 * Math.log10(quietest / peak) + " dB");
        }
    }
}
