package org.timbrelab.engine.vaegan;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VaeGanTest {

    static VaeGanConfig tiny(int n, boolean pitch) {
        List<String> names = List.of("voice", "violin", "cello", "flute").subList(0, n);
        return new VaeGanConfig(names, 32, 4, 1, 1, 1, 4, 2, pitch);
    }

    @Test void shapesForTwoAndThreeDomains() {
        for (int n : new int[] {2, 3}) {
            for (boolean pitch : new boolean[] {false, true}) {
                Engine.getInstance().setRandomSeed(1);
                try (NDManager m = NDManager.newBaseManager()) {
                    VaeGan model = new VaeGan(VaeGanConfig.slim(List.of("voice", "violin", "cello").subList(0, n), pitch));
                    model.initialize(m);
                    NDArray x = m.randomUniform(-1, 1, new Shape(2, 1, 128, 64));
                    NDArray mu = model.encoder().forward(x);
                    assertEquals(new Shape(2, 64, 32, 16), mu.getShape());
                    NDArray comb = pitch ? m.zeros(x.getShape()) : null;
                    for (int k = 0; k < n; k++) {
                        NDArray y = model.generator(k).forward(mu, comb);
                        assertEquals(x.getShape(), y.getShape());
                        assertTrue(y.abs().max().getFloat() <= 1f, "tanh output out of range");
                        assertEquals(new Shape(2, 1, 16, 8), model.discriminator(k).forward(y).getShape());
                    }
                }
            }
        }
    }

    @Test void firstResidualBlockIsOneParameterSetSharedByAllGenerators() {
        Engine.getInstance().setRandomSeed(2);
        try (NDManager m = NDManager.newBaseManager()) {
            VaeGan model = new VaeGan(tiny(3, false));
            model.initialize(m);
            assertSame(model.generator(0).sharedBlock(), model.generator(1).sharedBlock());
            assertSame(model.generator(0).sharedBlock(), model.generator(2).sharedBlock());
            // the model lists every parameter once, even though three generators use the shared block
            List<Parameter> all = model.getParameters().values();
            Set<Parameter> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
            distinct.addAll(all);
            assertEquals(distinct.size(), all.size());
            // changing the shared weights changes every generator's output
            NDArray z = m.randomNormal(new Shape(1, 16, 8, 4));
            List<NDArray> before = new ArrayList<>();
            for (int k = 0; k < 3; k++) before.add(model.generator(k).forward(z));
            for (Parameter p : model.generator(0).sharedBlock().uniqueParameters()) p.getArray().addi(0.5f);
            for (int k = 0; k < 3; k++) {
                float diff = model.generator(k).forward(z).sub(before.get(k)).abs().sum().getFloat();
                assertTrue(diff > 1e-3, "generator " + k + " did not see the change of the shared block");
            }
        }
    }

    @Test void derangementNeverMapsADomainToItself() {
        Random r = new Random(3);
        for (int n = 2; n <= 6; n++) {
            for (int i = 0; i < 200; i++) {
                int[] p = VaeGanStep.derangement(n, r);
                boolean[] hit = new boolean[n];
                for (int a = 0; a < n; a++) { assertNotEquals(a, p[a]); hit[p[a]] = true; }
                for (boolean h : hit) assertTrue(h);
            }
        }
    }

    @Test void latentLossIsZeroForEqualCentroidsAndPositiveOtherwise() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray same = m.ones(new Shape(4, 3, 2, 5));
            assertEquals(0f, VaeGanStep.latentCentroidLoss(same, 2).getFloat(), 1e-7);
            NDArray diff = m.zeros(new Shape(2, 3, 2, 5)).concat(m.ones(new Shape(2, 3, 2, 5)), 0);
            // centroids 0 and 1, mean 0.5: mean |c - 0.5| = 0.5
            assertEquals(0.5f, VaeGanStep.latentCentroidLoss(diff, 2).getFloat(), 1e-6);
        }
    }

    @Test void anchorLossAveragesOnlyTheHeldCropsOfTheAnchoredDomains() {
        try (NDManager m = NDManager.newBaseManager()) {
            // 2 domains x 2 crops, latent (3, 2, 5); domain 1 is anchored to zeros, its crop 0 at |μ| = 2, crop 1 at 4
            NDArray[] mu = {m.ones(new Shape(2, 3, 2, 5)), m.full(new Shape(1, 3, 2, 5), 2f).concat(m.full(new Shape(1, 3, 2, 5), 4f), 0)};
            NDArray zeros = m.zeros(new Shape(2, 3, 2, 5));
            NDArray both = m.ones(new Shape(2, 1, 1, 1)), first = m.create(new float[] {1, 0}, new Shape(2, 1, 1, 1));
            assertEquals(3f, VaeGanStep.anchorLoss(mu, new VaeGanStep.Anchor(1, new NDArray[] {null, zeros}, new NDArray[] {null, both})).getFloat(), 1e-6);
            assertEquals(2f, VaeGanStep.anchorLoss(mu, new VaeGanStep.Anchor(1, new NDArray[] {null, zeros}, new NDArray[] {null, first})).getFloat(), 1e-6);
            NDArray none = m.zeros(new Shape(2, 1, 1, 1));
            assertEquals(0f, VaeGanStep.anchorLoss(mu, new VaeGanStep.Anchor(1, new NDArray[] {null, zeros}, new NDArray[] {null, none})).getFloat(), 1e-6);
            // both domains anchored to zeros: (1 + 3) / 2
            assertEquals(2f, VaeGanStep.anchorLoss(mu, new VaeGanStep.Anchor(1, new NDArray[] {zeros, zeros}, new NDArray[] {both, both})).getFloat(), 1e-6);
        }
    }

    /** Two toy domains: horizontal stripes at random rows vs vertical stripes at random columns. */
    static List<NDArray> toyBatch(NDManager m, Random r, int b, int h, int w) {
        float[] a = new float[b * h * w];
        float[] c = new float[b * h * w];
        java.util.Arrays.fill(a, -1f);
        java.util.Arrays.fill(c, -1f);
        for (int i = 0; i < b; i++) {
            int row = r.nextInt(h), col = r.nextInt(w);
            for (int t = 0; t < w; t++) a[i * h * w + row * w + t] = 1f;
            for (int f = 0; f < h; f++) c[i * h * w + f * w + col] = 1f;
        }
        return List.of(m.create(a, new Shape(b, 1, h, w)), m.create(c, new Shape(b, 1, h, w)));
    }

    @Test void fiftyStepSmokeRunReducesReconstructionLoss() {
        Engine.getInstance().setRandomSeed(4);
        Random r = new Random(4);
        try (NDManager base = NDManager.newBaseManager()) {
            VaeGan model = new VaeGan(tiny(2, false));
            model.initialize(base);
            LocalAdam opt = new LocalAdam(model, 2e-3f);
            VaeGanStep step = new VaeGanStep(model, LossWeights.REFERENCE);
            double first = 0, last = 0;
            for (int s = 0; s < 50; s++) {
                try (NDManager sm = base.newSubManager()) {
                    Map<String, Float> l = step.run(toyBatch(sm, r, 2, 32, 16), null, r, opt);
                    for (String k : List.of("L_rec", "KL", "L_gan", "L_cc", "L_latent", "L_G", "L_D")) assertTrue(l.containsKey(k), k);
                    if (s < 5) first += l.get("L_rec") / 5;
                    if (s >= 45) last += l.get("L_rec") / 5;
                }
            }
            assertTrue(last < 0.7 * first, "reconstruction loss did not drop: " + first + " -> " + last);
        }
    }

    @Test void perDomainGanWeightsScaleTheAdversarialTerm() {
        float[] lGan = new float[3];
        double[][] weights = {{1, 1}, {2, 2}, {0, 0}};
        for (int run = 0; run < 3; run++) {
            Engine.getInstance().setRandomSeed(9);
            Random r = new Random(9);
            try (NDManager base = NDManager.newBaseManager()) {
                VaeGan model = new VaeGan(tiny(2, false));
                model.initialize(base);
                VaeGanStep step = new VaeGanStep(model, LossWeights.REFERENCE, weights[run]);
                Engine.getInstance().setRandomSeed(9);
                lGan[run] = step.run(toyBatch(base, r, 2, 32, 16), null, r, new LocalAdam(model, 1e-3f)).get("L_gan");
            }
        }
        assertTrue(lGan[0] > 0, "L_gan " + lGan[0]);
        assertEquals(2 * lGan[0], lGan[1], 1e-4 * lGan[0], "weights 2 double the term");
        assertEquals(0f, lGan[2], 0f, "weights 0 remove it");
        try (NDManager base = NDManager.newBaseManager()) {
            VaeGan model = new VaeGan(tiny(3, false));
            model.initialize(base);
            assertThrows(IllegalArgumentException.class, () -> new VaeGanStep(model, LossWeights.REFERENCE, new double[] {1, 1}));
        }
    }

    /** With otherReal λ, L_D gains ½ λ · mean D_k(x_j)² over the other domains' real crops, averaged over k; L_G is untouched. */
    @Test void otherDomainsRealCropsEnterTheDiscriminatorLossAsFakes() {
        Map<String, Float>[] losses = new Map[2];
        float expectedExtra = 0;
        for (int run = 0; run < 2; run++) {
            Engine.getInstance().setRandomSeed(5);
            Random r = new Random(5);
            try (NDManager base = NDManager.newBaseManager()) {
                VaeGan model = new VaeGan(tiny(2, false));
                model.initialize(base);
                List<NDArray> x = toyBatch(base, r, 2, 32, 16);
                if (run == 1) { // D is not stepped before L_D is computed, so its scores now are the ones the step uses
                    for (int k = 0; k < 2; k++)
                        expectedExtra += 0.5f * 0.5f * model.discriminator(k).forward(x.get(1 - k)).square().mean().getFloat();
                }
                LossWeights w = new LossWeights(10, 0.01, 1, 10, 1, run);
                Engine.getInstance().setRandomSeed(5);
                losses[run] = new VaeGanStep(model, w).run(x, null, r, new LocalAdam(model, 1e-3f));
            }
        }
        assertTrue(expectedExtra > 0, "D scores the other domain's crops: " + expectedExtra);
        assertEquals(losses[0].get("L_G"), losses[1].get("L_G"), 1e-6f, "the generator side does not change");
        assertEquals(losses[0].get("L_D") + expectedExtra, losses[1].get("L_D"), 1e-5f);
        assertThrows(IllegalArgumentException.class, () -> new LossWeights(10, 0.01, 1, 10, 1, -1));
    }

    /**
     * With domainClass λ = 1, L_G gains L_cls; L_cls_real is C's cross-entropy on the real crops as they are before the
     * step; and C, stepped with the discriminators, learns to tell the two toy domains apart.
     */
    @Test void domainClassifierLearnsTheRealDomainsAndEntersTheGeneratorLoss() {
        Map<String, Float>[] first = new Map[2];
        float expectedReal = 0;
        float lastReal = Float.NaN;
        for (int run = 0; run < 2; run++) {
            Engine.getInstance().setRandomSeed(6);
            Random r = new Random(6);
            try (NDManager base = NDManager.newBaseManager()) {
                VaeGan model = new VaeGan(tiny(2, false));
                model.initialize(base);
                DomainCritic critic = run == 0 ? null : new DomainCritic(model.config()); // after the model: its weights are the same in both runs
                if (critic != null) critic.initialize(base);
                VaeGanStep step = new VaeGanStep(model, new LossWeights(10, 0.01, 1, 10, 1, 0, run), null, critic);
                LocalAdam opt = new LocalAdam(model, critic, 1e-2f);
                List<NDArray> x = stripes(base, r, 2, 32, 16);
                if (run == 1) expectedReal = (critic.crossEntropy(x.get(0), 0).getFloat() + critic.crossEntropy(x.get(1), 1).getFloat()) / 2;
                Engine.getInstance().setRandomSeed(6);
                first[run] = step.run(x, null, new Random(6), opt);
                if (run == 1) {
                    for (int i = 0; i < 60; i++) lastReal = step.run(stripes(base, r, 2, 32, 16), null, r, opt).get("L_cls_real");
                }
            }
        }
        assertEquals(null, first[0].get("L_cls"), "no classifier, no term");
        assertTrue(first[1].get("L_cls") > 0.3, "an untrained C is unsure: " + first[1].get("L_cls"));
        assertEquals(first[0].get("L_G") + first[1].get("L_cls"), first[1].get("L_G"), 1e-4f, "λ 1 adds L_cls once");
        assertEquals(expectedReal, first[1].get("L_cls_real"), 1e-5f);
        assertEquals(first[0].get("L_D"), first[1].get("L_D"), 1e-5f, "L_D is the discriminators' alone");
        assertTrue(lastReal < 0.25 * Math.log(2), "after 60 steps C tells horizontal from vertical stripes: cross-entropy " + lastReal + " vs ln 2 at chance");
        try (NDManager base = NDManager.newBaseManager()) {
            VaeGan model = new VaeGan(tiny(2, false));
            model.initialize(base);
            LossWeights on = new LossWeights(10, 0.01, 1, 10, 1, 0, 1);
            assertThrows(IllegalArgumentException.class, () -> new VaeGanStep(model, on, null, null));
            assertThrows(IllegalArgumentException.class, () -> new VaeGanStep(model, LossWeights.REFERENCE, null, new DomainCritic(model.config())));
        }
    }

    /** Two domains whose every patch differs: horizontal and vertical stripes of period 4 at a random phase. */
    static List<NDArray> stripes(NDManager m, Random r, int b, int h, int w) {
        float[] rows = new float[b * h * w];
        float[] cols = new float[b * h * w];
        for (int i = 0; i < b; i++) {
            int pr = r.nextInt(4), pc = r.nextInt(4);
            for (int f = 0; f < h; f++)
                for (int t = 0; t < w; t++) {
                    rows[(i * h + f) * w + t] = (f + pr) % 4 < 2 ? 1f : -1f;
                    cols[(i * h + f) * w + t] = (t + pc) % 4 < 2 ? 1f : -1f;
                }
        }
        return List.of(m.create(rows, new Shape(b, 1, h, w)), m.create(cols, new Shape(b, 1, h, w)));
    }
}
