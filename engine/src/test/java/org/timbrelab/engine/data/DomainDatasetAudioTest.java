package org.timbrelab.engine.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.SpectrogramConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The standard pipeline on real (generated) WAV files: decode, trim, chunk, mel, f0, cache, crops. */
class DomainDatasetAudioTest {

    @TempDir Path tmp;

    private DatasetOptions options() {
        return DatasetOptions.defaults().withCacheRoot(tmp.resolve("cache")).withChunkSeconds(1.0, 0.25);
    }

    private Path violinFolder() throws Exception {
        Path dir = tmp.resolve("violin");
        // 0.5 s silence + 1.5 s at 440 Hz + 0.5 s silence, 22.05 kHz mono
        AudioFixtures.wav(dir.resolve("a440.wav"), AudioFixtures.tone(22_050, 440, 0.5, 0.5, 1.5, 0.5));
        // 0.6 s at 220 Hz, 16 kHz, 24-bit stereo, in a sub-folder
        AudioFixtures.stereoWav(dir.resolve("low/a220.wav"), AudioFixtures.tone(16_000, 220, 0.3, 0, 0.6, 0));
        return dir;
    }

    @Test void wavFolderBecomesTrimmedChunksWithF0() throws Exception {
        DomainDataset d = DomainDataset.open(violinFolder(), options());
        assertEquals(2, d.files().size());
        assertEquals(2.5 + 0.6, d.totalSeconds(), 1e-3);
        // a440: 1.5 s of tone (+ ≤ 10 ms margins) → 2 chunks of ~0.75 s starting near 0.5 s; a220 → 1 chunk
        List<DomainDataset.Chunk> a440 = d.chunks().stream().filter(c -> c.file().equals("a440.wav")).toList();
        assertEquals(2, a440.size());
        assertEquals(0.5, a440.get(0).startSeconds(), 0.011);
        int fps = (int) d.config().framesPerSecond();
        assertEquals(0.75 * fps, a440.get(0).frames(), 3);
        assertEquals(1, d.chunks().stream().filter(c -> c.file().equals("low/a220.wav")).count());
        for (int i = 0; i < d.chunks().size(); i++) {
            float[] v = d.spectrogram(i).values();
            for (float x : v) assertTrue(x >= -1f && x <= 1f, "value " + x);
            assertEquals(SpectrogramConfig.DEFAULT.nMels(), d.spectrogram(i).bins());
        }
        assertTrue(d.hasF0());
        float[] f0 = d.f0(d.chunks().indexOf(a440.get(0)));
        assertEquals(440, f0[f0.length / 2], 440 * 0.01);
        // voiced frames: 1.5 s at 440, 0.6 s at 220 → median at 440
        assertEquals(440, d.medianF0Hz().orElseThrow(), 440 * 0.01);
    }

    @Test void cacheHitThenInvalidationAfterChangingAFilesContents() throws Exception {
        Path dir = violinFolder();
        DomainDataset first = DomainDataset.open(dir, options());
        assertFalse(first.loadedFromCache());
        DomainDataset second = DomainDataset.open(dir, options());
        assertTrue(second.loadedFromCache());
        assertArrayEquals(first.spectrogram(0).values(), second.spectrogram(0).values());

        // same name and length, quieter: different contents → different cache, different values
        AudioFixtures.wav(dir.resolve("a440.wav"), AudioFixtures.tone(22_050, 440, 0.25, 0.5, 1.5, 0.5));
        DomainDataset third = DomainDataset.open(dir, options());
        assertFalse(third.loadedFromCache());
        assertNotEquals(first.cacheDir(), third.cacheDir());
        assertEquals(max(first.spectrogram(0).values()) - 6.02 / 50, max(third.spectrogram(0).values()), 0.01,
                "half the amplitude is 6 dB = 0.12 lower in normalised units");

        // another spectrogram config is another cache too
        DomainDataset fewerMels = DomainDataset.open(dir, options().withSpectrogram(
                new SpectrogramConfig(16_000, 1024, 1024, 256, 64, 40, 8000, "slaney", -100)));
        assertFalse(fewerMels.loadedFromCache());
        assertEquals(64, fewerMels.nMels());
    }

    @Test void corruptWavAmongGoodOnesIsSkippedAndTheRestLoads() throws Exception {
        Path dir = violinFolder();
        Path bad = AudioFixtures.corruptWav(dir.resolve("broken.wav"));
        List<String> warnings = new ArrayList<>();
        DomainDataset d = DomainDataset.open(dir, options(), DomainDatasetCacheTest.warningsTo(warnings));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains(bad.toString()), warnings.get(0));
        assertTrue(d.skippedFiles().containsKey("broken.wav"));
        assertEquals(List.of("a440.wav", "low/a220.wav"), d.all().files());
    }

    @Test void cropsFromRealAudioHaveTheModelShapeAndRange() throws Exception {
        DomainDataset d = DomainDataset.open(violinFolder(), options());
        DatasetSplit s = d.split(0.5, 3);
        BalancedSampler sampler = new BalancedSampler(List.of(s.train(), s.validation()), 64, 4, 11);
        try (NDManager base = NDManager.newBaseManager(); BatchPrefetcher p = new BatchPrefetcher(sampler, 0, 2)) {
            for (int step = 0; step < 3; step++) {
                StepBatch b = p.next();
                try (NDManager m = base.newSubManager()) {
                    NDArray x = b.domain(0).mels(m);
                    assertEquals(new Shape(4, 1, 128, 64), x.getShape());
                    assertTrue(x.min().getFloat() >= -1f && x.max().getFloat() <= 1f);
                    assertTrue(x.max().getFloat() > 0f, "a tone reaches well above the floor");
                    assertEquals(new Shape(4, 64), b.domain(1).f0(m).getShape());
                }
            }
        }
    }

    private static float max(float[] v) {
        float m = -Float.MAX_VALUE;
        for (float x : v) m = Math.max(m, x);
        return m;
    }
}
