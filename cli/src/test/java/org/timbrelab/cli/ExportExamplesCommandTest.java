package org.timbrelab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.engine.eval.SiteWriter;
import org.timbrelab.engine.preset.TestPresets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class ExportExamplesCommandTest {

    private static AudioClip tone(double f0, double seconds) {
        float[] x = new float[(int) (seconds * 16_000)];
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.3 * Math.sin(2 * Math.PI * f0 * i / 16_000));
        return new AudioClip(x, 16_000);
    }

    @Test void writesASelfContainedPageForAPreset(@TempDir Path dir) throws Exception {
        Path preset = TestPresets.write(dir.resolve("preset"), false, 3);
        Files.createDirectories(dir.resolve("in"));
        AudioFiles.saveWav(dir.resolve("in/a.wav"), tone(150, 0.7));
        AudioFiles.saveWav(dir.resolve("in/b.wav"), tone(250, 0.5));
        Path site = dir.resolve("site");
        int code = TimbreLabCli.execute("export-examples", "--preset", preset.toString(), "--inputs", dir.resolve("in").toString(),
                "--out", site.toString(), "--steps", "3", "--samples", "1", "--sample-seconds", "0.5");
        assertEquals(0, code);
        Set<String> refs = SiteWriter.references(Files.readString(site.resolve("index.html")));
        // 2 inputs × (original + 3 domains) + 3 domains × 3 steps + 3 domains × 1 sample, each a WAV and a PNG
        assertEquals(2 * (2 * 4 + 3 * 3 + 3), refs.size());
        for (String r : refs) assertTrue(Files.isRegularFile(site.resolve(r)), "missing " + r);
    }
}
