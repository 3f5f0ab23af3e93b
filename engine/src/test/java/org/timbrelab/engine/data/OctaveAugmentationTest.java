package org.timbrelab.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.ShiftLoudness;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Register augmentation: a folder opened one octave up, and a union of shifted and unshifted chunks. */
class OctaveAugmentationTest {

    @TempDir Path tmp;

    private DatasetOptions options() {
        return DatasetOptions.defaults().withCacheRoot(tmp.resolve("cache")).withChunkSeconds(1.0, 0.25);
    }

    private Path toneFolder() throws Exception {
        Path dir = tmp.resolve("voice");
        AudioFixtures.wav(dir.resolve("a110.wav"), AudioFixtures.tone(16_000, 110, 0.4, 0, 2.0, 0));
        return dir;
    }

    @Test void shiftedOpenMovesF0AndSpectrumUpAnOctaveInItsOwnCache() throws Exception {
        Path dir = toneFolder();
        DomainDataset plain = DomainDataset.open(dir, options());
        DomainDataset up = DomainDataset.openOctaveShifted(dir, options(), 1, DatasetListener.LOGGING);
        assertEquals(0, plain.octaveShift());
        assertEquals(1, up.octaveShift());
        assertNotEquals(plain.cacheDir(), up.cacheDir());
        assertEquals(110, plain.medianF0Hz().orElseThrow(), 110 * 0.01);
        assertEquals(220, up.medianF0Hz().orElseThrow(), 220 * 0.01);
        // the loudest mel band moves from the 110-Hz band to the 220-Hz band
        assertTrue(loudestBand(up.spectrogram(0)) > loudestBand(plain.spectrogram(0)) + 3,
                loudestBand(up.spectrogram(0)) + " vs " + loudestBand(plain.spectrogram(0)));
        // octave 0 is the ordinary cache: opening it again is a hit
        assertTrue(DomainDataset.openOctaveShifted(dir, options(), 0, DatasetListener.LOGGING).loadedFromCache());
    }

    /**
     * Moved up two octaves, a 110-Hz sine becomes a 440-Hz one that the A-curve hears 13.8 dB louder (−17.0 → −3.2 dB),
     * and the stretch widens its peak fourfold at the same height (+6.0 dB of power); opened keeping loudness, the same
     * shift comes out that much quieter than the plain stretch (within 1 dB: the mel band's edges), in a cache of its own.
     */
    @Test void aShiftKeepingLoudnessIsAsLoudAsTheRecordingWasInItsOwnCache() throws Exception {
        Path dir = toneFolder();
        DomainDataset plain = DomainDataset.openOctaveShifted(dir, options(), 2, DatasetListener.LOGGING);
        DomainDataset kept = DomainDataset.openOctaveShifted(dir, options(), 2, true, DatasetListener.LOGGING);
        assertNotEquals(plain.cacheDir(), kept.cacheDir());
        int band = loudestBand(plain.spectrogram(0));
        assertEquals(band, loudestBand(kept.spectrogram(0)));
        double expectedDb = org.timbrelab.dsp.Loudness.aWeightingDb(440) - org.timbrelab.dsp.Loudness.aWeightingDb(110);
        assertEquals(13.8, expectedDb, 0.1);
        org.timbrelab.dsp.Spectrogram p = plain.spectrogram(0), k = kept.spectrogram(0);
        int mid = p.frames() / 2;
        assertEquals(expectedDb + 10 * Math.log10(4), (p.get(band, mid) - k.get(band, mid)) * 50, 1.0, "one image unit is 50 dB");
        assertEquals(440, kept.medianF0Hz().orElseThrow(), 440 * 0.01);
    }

    /**
     * The same shift with its boost capped at 0 dB: the stretch made the sine louder, so the cap changes nothing there
     * (the shift brings it back down as the full keep does); it is cached apart from the full keep, and the full keep
     * named by its cap ({@link ShiftLoudness#KEEP}) reuses the cache written before the cap existed.
     */
    @Test void aShiftCappedAtZeroBoostHasItsOwnCacheAndLowersALoudenedToneAsTheFullKeepDoes() throws Exception {
        Path dir = toneFolder();
        DomainDataset kept = DomainDataset.openOctaveShifted(dir, options(), 2, true, DatasetListener.LOGGING);
        DomainDataset capped = DomainDataset.openOctaveShifted(dir, options(), 2, new ShiftLoudness(true, 0), DatasetListener.LOGGING);
        assertNotEquals(kept.cacheDir(), capped.cacheDir());
        DomainDataset keptAgain = DomainDataset.openOctaveShifted(dir, options(), 2, ShiftLoudness.KEEP, DatasetListener.LOGGING);
        assertEquals(kept.cacheDir(), keptAgain.cacheDir());
        assertTrue(keptAgain.loadedFromCache());
        org.timbrelab.dsp.Spectrogram k = kept.spectrogram(0), c = capped.spectrogram(0);
        for (int t = 0; t < k.frames(); t += 7)
            for (int b = 0; b < k.bins(); b += 5) assertEquals(k.get(b, t), c.get(b, t), 1e-5, "band " + b + " frame " + t);
    }

    @Test void unionDrawsFromEverySetInProportionToFrames() throws Exception {
        Path dir = toneFolder();
        ChunkSet plain = DomainDataset.open(dir, options()).all();
        ChunkSet up = DomainDataset.openOctaveShifted(dir, options(), 1, DatasetListener.LOGGING).all();
        ChunkSet both = ChunkSet.union(List.of(plain, up));
        assertEquals(plain.size() + up.size(), both.size());
        assertEquals(plain.totalFrames() + up.totalFrames(), both.totalFrames());
        BalancedSampler sampler = new BalancedSampler(List.of(both), 32, 8, 3);
        int high = 0, low = 0;
        for (int step = 0; step < 20; step++) {
            DomainBatch batch = sampler.batch(step).domain(0);
            float[] f0 = batch.f0();
            for (float f : f0) {
                if (Math.abs(f - 220) < 5) high++;
                else if (Math.abs(f - 110) < 3) low++;
            }
            // each crop says which set it came from: the one moved up by an octave has its f0 at 220 Hz
            for (int i = 0; i < batch.size(); i++) {
                float mid = f0[i * batch.frames() + batch.frames() / 2];
                assertEquals(mid > 165 ? 1 : 0, batch.sources().get(i).octaves(), "crop " + i + " at " + mid + " Hz");
            }
        }
        assertTrue(high > 0.35 * (high + low) && low > 0.35 * (high + low), "crops at 220 Hz " + high + ", at 110 Hz " + low);
    }

    private static int loudestBand(org.timbrelab.dsp.Spectrogram s) {
        int best = 0;
        double bestSum = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < s.bins(); b++) {
            double sum = 0;
            for (int t = 0; t < s.frames(); t++) sum += s.get(b, t);
            if (sum > bestSum) { bestSum = sum; best = b; }
        }
        return best;
    }
}
