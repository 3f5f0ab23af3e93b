package org.timbrelab.engine.vaegan;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hub transfers and per-domain loss weights in {@link VaeGanStep}. */
class TransferPairsTest {

    @Test void aHubTransfersToAndFromEveryOtherDomainAndNothingElse() {
        Random rng = new Random(5);
        List<int[]> pairs = new TransferPairs(4, 1).draw(rng);
        List<String> got = pairs.stream().map(p -> p[0] + ">" + p[1]).toList();
        assertEquals(List.of("0>1", "1>0", "1>2", "1>3", "2>1", "3>1"), got);
        assertEquals(new Random(5).nextLong(), rng.nextLong(), "a hub draws nothing from the step's random numbers");
    }

    @Test void withoutAHubEachDomainHasOneRandomTarget() {
        List<int[]> pairs = new TransferPairs(4, TransferPairs.NO_HUB).draw(new Random(2));
        boolean[] received = new boolean[4];
        for (int a = 0; a < 4; a++) {
            assertEquals(a, pairs.get(a)[0]);
            assertTrue(pairs.get(a)[1] != a);
            received[pairs.get(a)[1]] = true;
        }
        for (boolean r : received) assertTrue(r);
        assertThrows(IllegalArgumentException.class, () -> new TransferPairs(3, 3));
    }

    /** The cycles of a domain's several transfers are compared with its batch once per transfer, crop by crop, in order. */
    @Test void aBatchIsStackedWholeOncePerTransfer() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3}, new Shape(3, 1, 1, 1));
            assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3}, VaeGanStep.stacked(x, 2).toFloatArray());
            assertArrayEquals(new long[] {6, 1, 1, 1}, VaeGanStep.stacked(x, 2).getShape().getShape());
            assertSame(x, VaeGanStep.stacked(x, 1));
        }
    }

    /** With two domains a hub gives the same two transfers as a derangement, so the same step, loss for loss. */
    @Test void withTwoDomainsAHubStepIsTheUsualStep() {
        LossWeights w = withTone(LossWeights.REFERENCE, 4);
        assertEquals(step(2, List.of(w, w), TransferPairs.NO_HUB, 1), step(2, List.of(w, w), 0, 1));
    }

    /** Three domains around a hub (four transfers, two into the hub): the step trains, reconstruction and cycle fall. */
    @Test void aHubStepOverThreeDomainsLearns() {
        LossWeights w = LossWeights.REFERENCE;
        List<Map<String, Float>> steps = steps(3, List.of(w, w, w), 0, 40);
        for (String k : List.of("L_rec", "L_cc")) {
            double first = steps.subList(0, 5).stream().mapToDouble(m -> m.get(k)).average().orElseThrow();
            double last = steps.subList(35, 40).stream().mapToDouble(m -> m.get(k)).average().orElseThrow();
            assertTrue(last < 0.8 * first, k + " did not drop: " + first + " -> " + last);
        }
    }

    /**
     * A term weighted only on domain 1 counts only the transfer into it; at half the weight on domain 0 that transfer
     * counts half: L_tone(half) = L_tone(only 1) + ½ (L_tone(both) − L_tone(only 1)), and the core terms do not move.
     */
    @Test void aDomainsOwnWeightScalesOnlyTheTransfersIntoIt() {
        LossWeights off = LossWeights.REFERENCE, on = withTone(off, 4), half = withTone(off, 2);
        Map<String, Float> both = step(2, List.of(on, on), TransferPairs.NO_HUB, 1);
        Map<String, Float> only1 = step(2, List.of(off, on), TransferPairs.NO_HUB, 1);
        Map<String, Float> halved = step(2, List.of(half, on), TransferPairs.NO_HUB, 1);
        float u = both.get("L_tone"), a = only1.get("L_tone");
        assertTrue(a > 0 && u > a * 1.05f, "both " + u + ", only into domain 1 " + a);
        assertEquals(a + (u - a) / 2, halved.get("L_tone"), 1e-5f);
        for (String k : List.of("L_rec", "KL", "L_gan", "L_cc", "L_latent")) assertEquals(both.get(k), only1.get(k), 1e-6f, k);
        assertEquals(only1.get("L_G") - 4 * a, both.get("L_G") - 4 * u, 1e-4f);
    }

    @Test void coreWeightsMustBeTheSameForEveryDomain() {
        LossWeights r = LossWeights.REFERENCE;
        LossWeights moreRec = new LossWeights(20, r.kl(), r.gan(), r.cycle(), r.latent(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            VaeGan model = new VaeGan(VaeGanTest.tiny(2, false));
            model.initialize(m);
            assertThrows(IllegalArgumentException.class, () -> new VaeGanStep(model, List.of(r, moreRec), TransferPairs.NO_HUB));
        }
        assertThrows(IllegalArgumentException.class, () -> r.withOverrides(Map.of("rec", 3.0)));
        assertEquals(7.0, r.withOverrides(Map.of("legato", 7.0)).legato());
    }

    private static LossWeights withTone(LossWeights r, double tone) {
        return r.withOverrides(Map.of("tone", tone));
    }

    private static Map<String, Float> step(int n, List<LossWeights> w, int hub, int count) {
        return steps(n, w, hub, count).get(0);
    }

    /** {@code count} steps of a fresh tiny model on toy batches: horizontal stripes, vertical stripes, a diagonal. */
    private static List<Map<String, Float>> steps(int n, List<LossWeights> w, int hub, int count) {
        Engine.getInstance().setRandomSeed(9);
        Random r = new Random(9);
        List<Map<String, Float>> out = new ArrayList<>();
        try (NDManager base = NDManager.newBaseManager()) {
            VaeGan model = new VaeGan(VaeGanTest.tiny(n, false));
            model.initialize(base);
            VaeGanStep step = new VaeGanStep(model, w, hub);
            LocalAdam opt = new LocalAdam(model, 2e-3f);
            for (int s = 0; s < count; s++) {
                try (NDManager sm = base.newSubManager()) {
                    List<NDArray> x = new ArrayList<>(VaeGanTest.toyBatch(sm, r, 2, 32, 16));
                    if (n == 3) x.add(diagonals(sm, r, 2, 32, 16));
                    out.add(step.run(x, null, r, opt));
                }
            }
        }
        return out;
    }

    private static NDArray diagonals(NDManager m, Random r, int b, int h, int w) {
        float[] v = new float[b * h * w];
        java.util.Arrays.fill(v, -1f);
        for (int i = 0; i < b; i++) {
            int shift = r.nextInt(h);
            for (int t = 0; t < w; t++) v[(i * h + (t + shift) % h) * w + t] = 1f;
        }
        return m.create(v, new Shape(b, 1, h, w));
    }

}
