package org.timbrelab.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Cache behaviour with a fake extractor (counts decodes; no audio involved). */
class DomainDatasetCacheTest {

    @TempDir Path tmp;

    private Path folder() throws Exception {
        Path dir = tmp.resolve("violin");
        FakeFeatures.write(dir.resolve("a.wav"), 2.0, 440);
        FakeFeatures.write(dir.resolve("sub/b.wav"), 3.0, 220);
        FakeFeatures.write(dir.resolve("c.WAV"), 1.5, 330);
        return dir;
    }

    @Test void secondOpenHitsTheCacheWithoutDecoding() throws Exception {
        Path dir = folder();
        Path cache = tmp.resolve("cache");
        FakeFeatures fx = new FakeFeatures("k", 1.0, true);
        DomainDataset first = DomainDataset.open(dir, fx, cache, DatasetListener.LOGGING);
        assertFalse(first.loadedFromCache());
        assertEquals(3, fx.decodes.get());
        assertEquals(3, first.files().size());
        assertEquals(2 + 3 + 2, first.chunks().size()); // 1-s chunks: 2 + 3 + 2 (last 0.5 s)
        assertEquals(6.5, first.totalSeconds(), 1e-9);

        DomainDataset second = DomainDataset.open(dir, fx, cache, DatasetListener.LOGGING);
        assertTrue(second.loadedFromCache());
        assertEquals(3, fx.decodes.get(), "no file decoded on a cache hit");
        assertEquals(first.cacheDir(), second.cacheDir());
        for (int i = 0; i < first.chunks().size(); i++) {
            assertEquals(first.chunks().get(i), second.chunks().get(i));
            assertArrayEquals(first.spectrogram(i).values(), second.spectrogram(i).values());
            assertArrayEquals(first.f0(i), second.f0(i));
        }
        // a modification time alone is not a change
        Files.setLastModifiedTime(dir.resolve("a.wav"), FileTime.fromMillis(0));
        assertTrue(DomainDataset.open(dir, fx, cache, DatasetListener.LOGGING).loadedFromCache());
    }

    @Test void changedContentsOrConfigRebuild() throws Exception {
        Path dir = folder();
        Path cache = tmp.resolve("cache");
        FakeFeatures fx = new FakeFeatures("k", 1.0, true);
        DomainDataset first = DomainDataset.open(dir, fx, cache, DatasetListener.LOGGING);

        FakeFeatures.write(dir.resolve("sub/b.wav"), 4.0, 220); // same name, new contents
        DomainDataset changed = DomainDataset.open(dir, fx, cache, DatasetListener.LOGGING);
        assertFalse(changed.loadedFromCache());
        assertNotEquals(first.cacheDir(), changed.cacheDir());
        assertEquals(7.5, changed.totalSeconds(), 1e-9);

        FakeFeatures other = new FakeFeatures("another config", 1.0, true);
        DomainDataset reconfigured = DomainDataset.open(dir, other, cache, DatasetListener.LOGGING);
        assertFalse(reconfigured.loadedFromCache());
        assertEquals(3, other.decodes.get());
    }

    @Test void damagedCacheIsRebuiltWithAWarning() throws Exception {
        Path dir = folder();
        Path cache = tmp.resolve("cache");
        FakeFeatures fx = new FakeFeatures("k", 1.0, true);
        DomainDataset first = DomainDataset.open(dir, fx, cache, DatasetListener.LOGGING);
        float[] expected = first.spectrogram(0).values();
        Files.write(first.cacheDir().resolve("mels-000.f32"), new byte[16]); // truncated shard
        List<String> warnings = new ArrayList<>();
        DomainDataset again = DomainDataset.open(dir, fx, cache, warningsTo(warnings));
        assertFalse(again.loadedFromCache());
        assertTrue(warnings.stream().anyMatch(w -> w.contains(first.cacheDir().toString())), warnings.toString());
        assertArrayEquals(expected, again.spectrogram(0).values());
    }

    @Test void medianF0OfTheDomainIsStored() throws Exception {
        Path dir = folder();
        DomainDataset d = DomainDataset.open(dir, new FakeFeatures("k", 1.0, true), tmp.resolve("cache"), DatasetListener.LOGGING);
        assertTrue(d.hasF0());
        // voiced frames: 303 at 220 Hz (b), 152 at 330 Hz (c), 202 at 440 Hz (a): the middle one is at 330
        assertEquals(330.0, d.medianF0Hz().orElseThrow(), 1e-6);
        DomainDataset noPitch = DomainDataset.open(dir, new FakeFeatures("k", 1.0, false), tmp.resolve("cache"), DatasetListener.LOGGING);
        assertFalse(noPitch.hasF0());
        assertTrue(noPitch.medianF0Hz().isEmpty());
        assertNull(noPitch.f0(0));
    }

    static DatasetListener warningsTo(List<String> sink) {
        return new DatasetListener() {
            @Override public void warning(String message) { sink.add(message); }
        };
    }
}
