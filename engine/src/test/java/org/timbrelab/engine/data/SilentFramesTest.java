package org.timbrelab.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioClip;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Dropping speech pauses from training chunks (DatasetOptions.gapDb): two tones with a silent second between them. */
class SilentFramesTest {

    @TempDir Path tmp;

    /** 1 s of 220 Hz, 1 s of silence, 1 s of 330 Hz. */
    private Path gappedFolder() throws Exception {
        AudioClip a = AudioFixtures.tone(16_000, 220, 0.5, 0, 1.0, 1.0), b = AudioFixtures.tone(16_000, 330, 0.5, 0, 1.0, 0);
        float[] x = new float[a.length() + b.length()];
        System.arraycopy(a.samples(), 0, x, 0, a.length());
        System.arraycopy(b.samples(), 0, x, a.length(), b.length());
        return AudioFixtures.wav(tmp.resolve("voice/gap.wav"), new AudioClip(x, 16_000)).getParent();
    }

    private DatasetOptions options(double gapDb) {
        return DatasetOptions.defaults().withCacheRoot(tmp.resolve("cache")).withGapDb(gapDb);
    }

    @Test void theSilentSecondLeavesTheChunkAndItsF0Track() throws Exception {
        Path dir = gappedFolder();
        DomainDataset all = DomainDataset.open(dir, options(0));
        DomainDataset sounding = DomainDataset.open(dir, options(60));
        assertNotEquals(all.cacheDir(), sounding.cacheDir(), "the gap setting is part of the cache key");
        int framesPerSecond = 16_000 / 256;
        long kept = sounding.all().totalFrames(), before = all.all().totalFrames();
        assertEquals(3 * framesPerSecond, before, 3);
        // the silent second goes, give or take the window's reach into it (1024 samples = 4 frames each side)
        assertEquals(2 * framesPerSecond, kept, 10, "kept " + kept + " of " + before);
        // every kept frame is sounding: f0 is 220 or 330 Hz throughout (bar a frame or two at the joins)
        float[] f0 = sounding.f0(0);
        int tonal = 0;
        for (float f : f0) if (Math.abs(f - 220) < 5 || Math.abs(f - 330) < 5) tonal++;
        assertEquals(f0.length, sounding.spectrogram(0).frames());
        assertTrue(tonal >= f0.length - 10, tonal + " of " + f0.length + " frames at a tone's f0");
    }

    @Test void zeroKeepsEveryFrame() throws Exception {
        Path dir = gappedFolder();
        DomainDataset all = DomainDataset.open(dir, options(0));
        assertEquals(3 * 16_000 / 256, all.all().totalFrames(), 3);
    }

    @Test void negativeGapIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> options(-1));
    }
}
