package org.timbrelab.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NsynthJsonTest {
    @TempDir Path dir;

    @Test void examplesJsonRoundTrips() throws IOException {
        List<NsynthJson.Note> notes = List.of(
                new NsynthJson.Note("violin_fluid_040-060-100", "violin_fluid_040", 40, 60, 100, 16000, "string", "acoustic",
                        Map.of("variant", 0, "soundfont", "FluidR3_GM.sf2")),
                new NsynthJson.Note("flute_gervill_073v2-072-050", "flute_gervill_073v2", 73, 72, 50, 16000, "flute", "acoustic",
                        Map.of("variant", 2, "detune_cents", -3.5)));
        NsynthJson.write(dir, notes);
        assertEquals(notes, NsynthJson.read(dir));
        assertEquals(dir.resolve("audio/violin_fluid_040-060-100.wav"), notes.get(0).audioFile(dir));
    }

    @Test void readsRealNsynthFieldsAndFamilyIndices() throws IOException {
        Files.writeString(dir.resolve("examples.json"), """
                {"bass_synthetic_033-022-050": {"qualities": [1,0,1,0,0,0,0,0,0,0], "pitch": 22, "note": 201034,
                  "instrument_source_str": "synthetic", "velocity": 50, "instrument_str": "bass_synthetic_033",
                  "instrument": 417, "sample_rate": 16000, "qualities_str": ["bright", "distortion"],
                  "instrument_source": 2, "note_str": "bass_synthetic_033-022-050", "instrument_family": 0,
                  "instrument_family_str": "bass"}}""");
        NsynthJson.Note n = NsynthJson.read(dir).get(0);
        assertEquals(22, n.pitch());
        assertEquals(50, n.velocity());
        assertEquals("bass", n.familyStr());
        assertEquals(0, n.familyIndex());
        assertEquals(2, n.sourceIndex());
        assertEquals(417, n.instrument());
        assertTrue(n.extra().isEmpty(), "standard fields are not extras: " + n.extra());
    }

    @Test void missingOrBrokenFilesNameTheFile() throws IOException {
        var missing = assertThrows(IllegalArgumentException.class, () -> NsynthJson.read(dir));
        assertTrue(missing.getMessage().contains("examples.json"), missing.getMessage());
        Files.writeString(dir.resolve("examples.json"), "{\"a-060-100\": {\"pitch\": \"high\"}}");
        var bad = assertThrows(IllegalArgumentException.class, () -> NsynthJson.read(dir));
        assertTrue(bad.getMessage().contains("pitch") && bad.getMessage().contains("a-060-100"), bad.getMessage());
        Files.writeString(dir.resolve("examples.json"), "{not json");
        var broken = assertThrows(IllegalArgumentException.class, () -> NsynthJson.read(dir));
        assertTrue(broken.getMessage().contains(dir.resolve("examples.json").toString()), broken.getMessage());
    }
}
