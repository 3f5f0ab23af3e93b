package org.timbrelab.engine.data;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.timbrelab.dsp.AudioClip;

import javax.sound.midi.Soundbank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoundfontRendererTest {
    static final Instrument VIOLIN = InstrumentTable.loadDefault().get("violin");
    static Soundbank bank;
    static SoundfontRenderer renderer;

    @BeforeAll static void open() {
        bank = Soundfont.builtin().load();
        renderer = SoundfontRenderer.open(bank, Soundfont.builtin(), VIOLIN, AudioClip.MODEL_RATE);
    }

    @AfterAll static void close() { renderer.close(); }

    @Test void violinA4HasF0Of440AndItsReleaseDecays() {
        AudioClip clip = renderer.renderNote(69, 100, NoteVariant.PLAIN);
        float[] x = clip.samples();
        assertEquals(16_000, clip.sampleRate());
        assertEquals(64_000, x.length, "4 s at 16 kHz");
        double f0 = Signals.f0(x, 16_000, 8_000, 16_000, 100, 2000);
        assertEquals(440.0, f0, 4.4, "violin A4 f0");
        double held = Signals.rms(x, 40_000, 48_000);   // 2.5-3.0 s, key down
        double tail = Signals.rms(x, 60_000, 64_000);   // 3.75-4.0 s, after release
        assertTrue(held > 0.01, "note sounds while held, rms " + held);
        assertTrue(Signals.db(tail / held) < -20, "release decays by > 20 dB, got " + Signals.db(tail / held) + " dB");
    }

    @Test void pitchFollowsTheMidiNoteAcrossTheRange() {
        for (int pitch : new int[] {55, 62, 81}) {
            float[] x = renderer.renderNote(pitch, 90, NoteVariant.PLAIN).samples();
            double expected = MidiNotes.frequency(pitch);
            assertEquals(expected, Signals.f0(x, 16_000, 8_000, 16_000, 100, 2000), expected * 0.01, "pitch " + pitch);
        }
    }

    @Test void detuneBendsThePitch() {
        float[] x = renderer.renderNote(69, 100, new NoteVariant(0, 40, 127)).samples();
        double expected = 440 * Math.pow(2, 40 / 1200.0);
        assertEquals(expected, Signals.f0(x, 16_000, 8_000, 16_000, 100, 2000), 1.5, "+40 cents");
    }

    @Test void rendersDoNotLeakIntoEachOther() {
        float[] a = renderer.renderNote(60, 100, NoteVariant.PLAIN).samples();
        renderer.renderNote(72, 127, new NoteVariant(100, 10, 127));
        float[] b = renderer.renderNote(60, 100, NoteVariant.PLAIN).samples();
        assertEquals(Signals.rms(a, 0, a.length), Signals.rms(b, 0, b.length), 1e-3 * Signals.rms(a, 0, a.length));
    }
}
