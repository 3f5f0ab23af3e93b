package org.timbrelab.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstrumentTableTest {
    @Test void shippedTableHasTheIssueRanges() {
        InstrumentTable t = InstrumentTable.loadDefault();
        Instrument violin = t.get("violin");
        assertEquals(40, violin.program());
        assertEquals(new MidiNotes.Range(55, 105), violin.notes());   // G3-A7
        assertEquals(new MidiNotes.Range(55, 88), violin.phrases());  // G3-E6
        assertEquals(new MidiNotes.Range(36, 69), t.get("cello").phrases()); // C2-A4
        assertEquals(new MidiNotes.Range(60, 96), t.get("flute").phrases()); // C4-C7
        assertEquals("string", violin.family());
        assertEquals(8, violin.familyIndex());
    }

    @Test void unknownInstrumentListsTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> InstrumentTable.loadDefault().get("theremin"));
        assertTrue(e.getMessage().contains("theremin") && e.getMessage().contains("violin") && e.getMessage().contains("cello"), e.getMessage());
    }

    @Test void badEntriesNameTheInstrumentAndKey(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("i.yaml");
        Files.writeString(f, "instruments:\n  kazoo: { program: 300, notes: C4-C5 }\n");
        var e = assertThrows(IllegalArgumentException.class, () -> InstrumentTable.load(f));
        assertTrue(e.getMessage().contains("kazoo") && e.getMessage().contains("300"), e.getMessage());
        Files.writeString(f, "instruments:\n  kazoo: { program: 1, notes: C4-C5, colour: red }\n");
        e = assertThrows(IllegalArgumentException.class, () -> InstrumentTable.load(f));
        assertTrue(e.getMessage().contains("colour"), e.getMessage());
    }

    @Test void noteNamesAndRanges() {
        assertEquals(69, MidiNotes.parse("A4"));
        assertEquals(60, MidiNotes.parse("C4"));
        assertEquals(54, MidiNotes.parse("F#3"));
        assertEquals(46, MidiNotes.parse("Bb2"));
        assertEquals(21, MidiNotes.parse("A0"));
        assertEquals("A#3", MidiNotes.name(58));
        assertEquals(new MidiNotes.Range(58, 93), MidiNotes.parseRange("A#3-A6"));
        assertEquals(new MidiNotes.Range(55, 105), MidiNotes.parseRange("55-105"));
        assertEquals(440.0, MidiNotes.frequency(69), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> MidiNotes.parseRange("A7-G3"));
        assertThrows(IllegalArgumentException.class, () -> MidiNotes.parse("H2"));
    }
}
