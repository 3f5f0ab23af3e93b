package org.timbrelab.engine.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Input groups (first sub-folder) and the look counter of a held-out folder. */
class InputGroupsTest {

    private static NamedClip clip(String name) { return new NamedClip(name, new AudioClip(new float[160], 16_000)); }

    @Test void theGroupIsTheFirstSubFolder() {
        assertEquals("real", InputGroups.of("real/a.wav"));
        assertEquals("tts", InputGroups.of("tts/espeak/b.wav"));
        assertEquals("tts", InputGroups.of("tts\\c.wav"));
        assertEquals("", InputGroups.of("d.wav"));
        assertEquals(List.of(), InputGroups.of(List.of(clip("a.wav"), clip("b.wav"))), "no sub-folder: overall rows only");
        assertEquals(List.of(InputGroups.TOP, "real", "tts"),
                InputGroups.of(List.of(clip("tts/x.wav"), clip("real/y.wav"), clip("z.wav"), clip("tts/deep/w.wav"))));
        assertEquals(InputGroups.TOP, InputGroups.reported("z.wav"));
    }

    @Test void groupsComeFromTheFolderAsLoaded(@TempDir Path dir) throws IOException {
        AudioClip c = new AudioClip(new float[1600], 16_000);
        Files.createDirectories(dir.resolve("real/speaker1"));
        Files.createDirectories(dir.resolve("tts"));
        AudioFiles.saveWav(dir.resolve("real/speaker1/a.wav"), c);
        AudioFiles.saveWav(dir.resolve("tts/b.wav"), c);
        List<NamedClip> in = NamedClip.loadFolder(dir, 16_000);
        assertEquals(List.of("real", "tts"), InputGroups.of(in));
        assertEquals("real", InputGroups.of(in.get(0).name()));
    }

    @Test void everyRunCountsOneLook(@TempDir Path dir) throws IOException {
        assertEquals(0, InputLooks.read(dir));
        assertEquals(1, InputLooks.count(dir, "presets/a", "report1"));
        assertEquals(2, InputLooks.count(dir, "presets/b", "report2"));
        assertEquals(2, InputLooks.read(dir));
        String json = Files.readString(dir.resolve(InputLooks.FILE));
        assertTrue(json.contains("presets/a") && json.contains("report2"), json);
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temp file left behind");
        }
        Files.writeString(dir.resolve(InputLooks.FILE), "{ not json");
        IOException e = assertThrows(IOException.class, () -> InputLooks.count(dir, "p", "r"));
        assertTrue(e.getMessage().contains(InputLooks.FILE) && e.getMessage().contains("rather than delete it"), e.getMessage());
    }
}
