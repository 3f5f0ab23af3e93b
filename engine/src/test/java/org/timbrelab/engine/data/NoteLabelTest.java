package org.timbrelab.engine.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class NoteLabelTest {
    @Test void readsNsynthStyleNames() {
        assertEquals(new NoteLabel(60, 100), NoteLabel.fromFileName("violin_fluid_040-060-100.wav"));
        assertEquals(new NoteLabel(22, 50), NoteLabel.fromFileName("audio/bass_synthetic_033-022-050.wav"));
        assertNull(NoteLabel.fromFileName("take-01.wav"));
        assertNull(NoteLabel.fromFileName("sentence_001.wav"));
        assertNull(NoteLabel.fromFileName("x-200-100.wav"), "pitch beyond MIDI range");
    }

    @Test void namesPitches() {
        assertEquals("A4", NoteLabel.pitchName(69));
        assertEquals("C4", NoteLabel.pitchName(60));
        assertEquals("C#-1", NoteLabel.pitchName(1));
    }
}
