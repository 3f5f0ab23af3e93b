package org.timbrelab.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** An NSynth jsonwav set is read through examples.json: its notes, their labels, missing audio reported. */
class NsynthDomainTest {

    @TempDir Path tmp;

    private static NsynthJson.Note note(int pitch, int velocity) {
        return new NsynthJson.Note(NsynthJson.Note.noteStr("violin_test_000", pitch, velocity), "violin_test_000", 0,
                pitch, velocity, 16_000, "string", "synthetic", Map.of());
    }

    @Test void readsTheNotesListedInExamplesJson() throws Exception {
        Path dir = tmp.resolve("nsynth");
        List<NsynthJson.Note> notes = List.of(note(57, 100), note(69, 75), note(64, 127));
        NsynthJson.write(dir, notes);
        for (NsynthJson.Note n : notes.subList(0, 2)) {
            double hz = 440 * Math.pow(2, (n.pitch() - 69) / 12.0);
            AudioFixtures.wav(n.audioFile(dir), AudioFixtures.tone(16_000, hz, 0.3, 0, 0.5, 0));
        }
        AudioFixtures.wav(dir.resolve("audio/stray.wav"), AudioFixtures.tone(16_000, 1000, 0.3, 0, 0.5, 0));
        List<String> warnings = new ArrayList<>();
        DomainDataset d = DomainDataset.open(dir, DatasetOptions.defaults().withCacheRoot(tmp.resolve("cache")),
                DomainDatasetCacheTest.warningsTo(warnings));

        assertEquals(List.of("audio/violin_test_000-057-100.wav", "audio/violin_test_000-069-075.wav"),
                d.files().stream().map(DomainDataset.SourceFile::path).toList(), "only listed notes, stray.wav ignored");
        assertEquals(new NoteLabel(57, 100), d.files().get(0).note());
        assertEquals(new NoteLabel(69, 75), d.files().get(1).note());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("violin_test_000-064-127") && warnings.get(0).contains("missing"), warnings.get(0));
        assertEquals(2, d.chunks().size());
    }

    @Test void brokenExamplesJsonIsAClearError() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("bad/audio")).getParent();
        Files.writeString(dir.resolve("examples.json"), "{ not json");
        DatasetException e = assertThrows(DatasetException.class,
                () -> DomainDataset.open(dir, DatasetOptions.defaults().withCacheRoot(tmp.resolve("cache"))));
        assertTrue(e.getMessage().contains("examples.json"), e.getMessage());
    }
}
