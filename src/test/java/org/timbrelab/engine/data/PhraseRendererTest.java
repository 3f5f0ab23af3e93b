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
}
