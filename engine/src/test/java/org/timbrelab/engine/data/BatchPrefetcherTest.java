package org.timbrelab.engine.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Background prefetch and NDArray batches. */
class BatchPrefetcherTest {

    @TempDir Path tmp;

    private BalancedSampler sampler(int crop, int perDomain) throws Exception {
        FakeFeatures.write(tmp.resolve("a/x.wav"), 2.0, 200);
        FakeFeatures.write(tmp.resolve("b/y.wav"), 3.0, 300);
        FakeFeatures fx = new FakeFeatures("k", 1.0, true);
        DomainDataset a = DomainDataset.open(tmp.resolve("a"), fx, tmp.resolve("cache"), DatasetListener.LOGGING);
        DomainDataset b = DomainDataset.open(tmp.resolve("b"), fx, tmp.resolve("cache"), DatasetListener.LOGGING);
        return new BalancedSampler(List.of(a.all(), b.all()), crop, perDomain, 99);
    }

    @Test void prefetchedBatchesEqualDirectOnesAndCloseStopsTheThread() throws Exception {
        BalancedSampler s = sampler(32, 3);
        BatchPrefetcher p = new BatchPrefetcher(s, 10, 2);
        for (long step = 10; step < 30; step++) {
            StepBatch got = p.next();
            assertEquals(step, got.step());
            for (int k = 0; k < 2; k++) {
                assertArrayEquals(s.batch(step).domain(k).mels(), got.domain(k).mels());
                assertArrayEquals(s.batch(step).domain(k).f0(), got.domain(k).f0());
            }
        }
        assertTrue(p.isRunning());
        p.close();
        assertFalse(p.isRunning(), "close() joins the background thread");
        assertThrows(IllegalStateException.class, p::next);
        p.close(); // idempotent
    }

    @Test void aFailureOnTheBackgroundThreadReachesTheCaller() throws Exception {
        BalancedSampler s = sampler(16, 2);
        try (BatchPrefetcher p = new BatchPrefetcher(step -> {
            if (step == 2) throw new IllegalStateException("shard vanished");
            return s.batch(step);
        }, 0, 4)) {
            p.next();
            p.next();
            IllegalStateException e = assertThrows(IllegalStateException.class, p::next);
            assertTrue(e.getMessage().contains("shard vanished"), e.getMessage());
        }
    }

    @Test void batchesBecomeNdArraysInTheCallersManager() throws Exception {
        BalancedSampler s = sampler(48, 4);
        StepBatch batch = s.batch(0);
        NDArray x, f0, all;
        try (NDManager base = NDManager.newBaseManager(); NDManager step = base.newSubManager()) {
            x = batch.domain(1).mels(step);
            f0 = batch.domain(1).f0(step);
            all = batch.stackedMels(step);
            assertEquals(new Shape(4, 1, FakeFeatures.CONFIG.nMels(), 48), x.getShape());
            assertEquals(new Shape(4, 48), f0.getShape());
            assertEquals(new Shape(8, 1, FakeFeatures.CONFIG.nMels(), 48), all.getShape());
            assertSame(step, x.getManager());
            assertArrayEquals(batch.domain(1).mels(), x.toFloatArray());
            assertArrayEquals(batch.domain(1).mels(), all.get("4:").toFloatArray());
            assertTrue(x.max().getFloat() <= 1f && x.min().getFloat() >= -1f);
            step.close();
            assertTrue(x.isReleased() && f0.isReleased() && all.isReleased(), "freed with the caller's manager");
        }
    }
}
