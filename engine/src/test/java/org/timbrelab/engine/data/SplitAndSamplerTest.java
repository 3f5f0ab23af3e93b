package org.timbrelab.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Split by file, crops and the balanced sampler, on fake features with known values. */
class SplitAndSamplerTest {

    @TempDir Path tmp;

    private DomainDataset domain(String name, double... seconds) throws Exception {
        Path dir = tmp.resolve(name);
        for (int i = 0; i < seconds.length; i++) FakeFeatures.write(dir.resolve(String.format("f%02d.wav", i)), seconds[i], 100 + i);
        return DomainDataset.open(dir, new FakeFeatures("k", 1.0, true), tmp.resolve("cache"), DatasetListener.LOGGING);
    }

    @Test void splitIsByFileAndDeterministic() throws Exception {
        DomainDataset d = domain("voice", 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5);
        DatasetSplit s = d.split(0.2, 42);
        Set<String> train = new HashSet<>(s.train().files()), val = new HashSet<>(s.validation().files());
        assertEquals(8, train.size());
        assertEquals(2, val.size());
        Set<String> both = new HashSet<>(train);
        both.retainAll(val);
        assertTrue(both.isEmpty(), "files on both sides: " + both);
        assertEquals(d.chunks().size(), s.train().size() + s.validation().size(), "every chunk on exactly one side");
        for (int k = 0; k < s.validation().size(); k++)
            assertTrue(val.contains(d.chunks().get(s.validation().chunk(k)).file()));

        assertEquals(s.validation().files(), d.split(0.2, 42).validation().files(), "same seed, same split");
        Set<List<String>> seen = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) seen.add(d.split(0.2, seed).validation().files());
        assertTrue(seen.size() > 5, "seeds choose different validation files: " + seen);
    }

    @Test void tinyDomainsKeepOneFileOnEachSide() throws Exception {
        DomainDataset d = domain("two", 1.0, 1.0);
        DatasetSplit s = d.split(0.1, 1);
        assertEquals(1, s.train().files().size());
        assertEquals(1, s.validation().files().size());
        assertTrue(d.split(0.0, 1).validation().isEmpty());
    }

    @Test void cropsHaveTheConfiguredShapeAndCopyContiguousFrames() throws Exception {
        DomainDataset d = domain("violin", 3.0, 0.2); // 0.2 s = 21 frames: shorter than the crop, padded
        int t = 64, b = 16, nMels = d.nMels();
        BalancedSampler sampler = new BalancedSampler(List.of(d.all()), t, b, 7);
        boolean sawPadded = false;
        for (long step = 0; step < 50; step++) {
            DomainBatch batch = sampler.batch(step).domain(0);
            assertEquals(b * nMels * t, batch.mels().length);
            assertEquals(b * t, batch.f0().length);
            for (int i = 0; i < b; i++) {
                ChunkSet.CropSource src = batch.sources().get(i);
                int startFrame = (int) Math.round(src.startSeconds() * d.config().framesPerSecond());
                int pad = t - src.frames();
                // find where the real frames sit (padding only for short chunks)
                int at = 0;
                if (pad > 0) {
                    sawPadded = true;
                    while (at < pad && batch.mels()[i * nMels * t + t + at] == ChunkSet.PAD_VALUE) at++; // bin 1 never codes -1 here
                }
                for (int m = 0; m < nMels; m++)
                    for (int f = 0; f < t; f++) {
                        float v = batch.mels()[i * nMels * t + m * t + f];
                        boolean real = f >= at && f < at + src.frames();
                        assertEquals(real ? FakeFeatures.code(m, startFrame + f - at) : ChunkSet.PAD_VALUE, v, 0f,
                                "crop " + i + " bin " + m + " frame " + f);
                        assertTrue(v >= -1f && v <= 1f);
                    }
                float expectF0 = src.file().equals("f00.wav") ? 100f : 101f;
                for (int f = 0; f < t; f++)
                    assertEquals(f >= at && f < at + src.frames() ? expectF0 : 0f, batch.f0()[i * t + f], "f0 frame " + f);
            }
        }
        assertTrue(sawPadded, "the short file was drawn at least once");
    }

    @Test void samplerIsBalancedAcrossDomainsAndUniformOverTime() throws Exception {
        DomainDataset small = domain("small", 1.0);
        DomainDataset big = domain("big", 1.0, 2.0, 3.0, 4.0); // 10 s, 10x the small one
        BalancedSampler sampler = new BalancedSampler(List.of(small.all(), big.all()), 16, 4, 123);
        Map<String, Integer> perDomain = new HashMap<>();
        Map<String, Integer> perFile = new HashMap<>();
        int draws = 0;
        for (long step = 0; draws < 10_000; step++) {
            for (DomainBatch b : sampler.batch(step).domains()) {
                perDomain.merge(b.name(), b.size(), Integer::sum);
                if (b.name().equals("big")) for (ChunkSet.CropSource s : b.sources()) perFile.merge(s.file(), 1, Integer::sum);
                draws += b.size();
            }
        }
        assertEquals(perDomain.get("small"), perDomain.get("big"), "every batch draws equally from every domain");
        int bigDraws = perDomain.get("big");
        // within a domain, files are drawn in proportion to their frames (1:2:3:4 s)
        long[] frames = new long[4];
        for (DomainDataset.Chunk c : big.chunks()) frames[c.fileIndex()] += c.frames();
        long total = frames[0] + frames[1] + frames[2] + frames[3];
        for (int i = 0; i < 4; i++) {
            double expected = bigDraws * frames[i] / (double) total;
            int got = perFile.getOrDefault(String.format("f%02d.wav", i), 0);
            assertEquals(expected, got, 0.05 * expected, "file " + i + " drawn " + got + " times, expected " + expected);
        }
    }

    @Test void batchesAreAFunctionOfSeedAndStep() throws Exception {
        DomainDataset d = domain("voice", 3.0, 2.0);
        BalancedSampler a = new BalancedSampler(List.of(d.all()), 32, 4, 5);
        BalancedSampler b = new BalancedSampler(List.of(d.all()), 32, 4, 5);
        assertArrayEquals(a.batch(17).domain(0).mels(), b.batch(17).domain(0).mels());
        assertArrayEquals(a.batch(3).domain(0).mels(), a.batch(3).domain(0).mels());
        assertFalse(java.util.Arrays.equals(a.batch(3).domain(0).mels(), a.batch(4).domain(0).mels()));
        BalancedSampler c = new BalancedSampler(List.of(d.all()), 32, 4, 6);
        assertFalse(java.util.Arrays.equals(a.batch(3).domain(0).mels(), c.batch(3).domain(0).mels()));
    }

    @Test void mismatchedConfigsOrEmptySidesAreRefused() throws Exception {
        DomainDataset d = domain("one", 1.0);
        DatasetSplit s = d.split(0.0, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BalancedSampler(List.of(s.validation()), 16, 2, 0));
        assertTrue(e.getMessage().contains("'one'"), e.getMessage());
    }
}
