package org.timbrelab.engine.vaegan;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.timbrelab.dsp.MelScale;
import org.timbrelab.dsp.SpectrogramConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    @Test void fusedKernelsComputeTheSameModelAsTheSplitOnes() {
        // same seed, same weights; the fused ops (Kernels.FUSED) differ from the split ones only in rounding
        List<String> names = List.of("voice", "violin");
        VaeGanConfig split = new VaeGanConfig(names, 32, 4, 1, 1, 1, 4, 2, true, true, false);
        VaeGanConfig fused = new VaeGanConfig(names, 32, 4, 1, 1, 1, 4, 2, true, true, true);
        assertEquals(org.timbrelab.engine.nn.Kernels.FUSED, fused.kernels());
        float[][] out = new float[2][];
        for (VaeGanConfig cfg : List.of(split, fused)) {
            Engine.getInstance().setRandomSeed(5);
            try (NDManager m = NDManager.newBaseManager()) {
                VaeGan model = new VaeGan(cfg);
                model.initialize(m);
                // non-trivial scales and shifts, as after training
                for (var p : model.getParameters().values()) {
                    if (p.getName().equals("gamma")) p.getArray().set(m.randomUniform(0.5f, 1.5f, p.getArray().getShape()).toFloatArray());
                    if (p.getName().equals("beta")) p.getArray().set(m.randomUniform(-0.5f, 0.5f, p.getArray().getShape()).toFloatArray());
                }
                NDArray x = m.randomUniform(-1, 1, new Shape(3, 1, 32, 16));
                out[cfg.fusedKernels() ? 1 : 0] = model.generator(1).forward(model.encoder().forward(x), m.randomUniform(0, 1, x.getShape())).toFloatArray();
            }
        }
        assertArrayEquals(out[0], out[1], 1e-4f);
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
                int[] p = TransferPairs.derangement(n, r);
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

    /** One step of a fresh tiny model on the same toy batch and noise, with the given weights and extra term. */
    private static Map<String, Float> oneStep(LossWeights weights, ExtraGeneratorLoss extra) {
        return oneStep(weights, extra, false);
    }

    /** As above; a pitch-conditioned model gets combs with harmonics every 6 bins from bin 3 in every frame but the last four (unvoiced). */
    private static Map<String, Float> oneStep(LossWeights weights, ExtraGeneratorLoss extra, boolean pitch) {
        Engine.getInstance().setRandomSeed(9);
        Random r = new Random(9);
        try (NDManager base = NDManager.newBaseManager()) {
            VaeGan model = new VaeGan(tiny(2, pitch));
            model.initialize(base);
            List<NDArray> x = toyBatch(base, r, 2, 32, 16);
            List<NDArray> comb = null;
            if (pitch) {
                float[] c = new float[2 * 32 * 16];
                for (int i = 0; i < 2; i++)
                    for (int f = 3; f < 32; f += 6)
                        for (int t = 0; t < 12; t++) c[(i * 32 + f) * 16 + t] = 1f;
                comb = List.of(base.create(c, new Shape(2, 1, 32, 16)), base.create(c, new Shape(2, 1, 32, 16)));
            }
            NDArray noise = null;
            if (weights.noiseToneless() > 0) { // flat noise crops: their own frames stand 0 above their mean
                float[] n = new float[32 * 16];
                java.util.Arrays.fill(n, -0.5f);
                noise = base.create(n, new Shape(1, 1, 32, 16));
            }
            Engine.getInstance().setRandomSeed(9);
            return new VaeGanStep(model, weights).run(x, comb, noise, extra, r, new LocalAdam(model, 1e-3f));
        }
    }

    /** {@code name} is logged only in {@code with}, enters its L_G with weight {@code w}, and every shipped term is unchanged. */
    /** The reference's weights with one optional term switched on. */
    private static LossWeights referenceWith(String term, double weight) {
        LossWeights r = LossWeights.REFERENCE;
        return new LossWeights(r.rec(), r.kl(), r.gan(), r.cycle(), r.latent(),
                term.equals("tone") ? weight : 0, term.equals("follow") ? weight : 0, term.equals("rolloff") ? 2 : 0,
                term.equals("legato") ? weight : 0, term.equals("peak") ? weight : 0, term.equals("combPeak") ? weight : 0,
                term.equals("level") ? weight : 0, term.equals("rests") ? weight : 0, term.equals("rolloff") ? weight : 0,
                term.equals("spread") ? weight : 0, term.equals("toneless") ? weight : 0, 0, term.equals("loudness") ? weight : 0,
                term.equals("noiseToneless") ? weight : 0);
    }

    private static void addsItsWeightedTerm(Map<String, Float> without, Map<String, Float> with, String name, float w) {
        assertEquals(null, without.get(name));
        assertTrue(with.get(name) > 0, with.toString());
        assertEquals(without.get("L_G") + w * with.get(name), with.get("L_G"), 1e-4f);
        for (String k : List.of("L_rec", "KL", "L_gan", "L_cc", "L_latent")) assertEquals(without.get(k), with.get(k), 1e-6f, k);
    }

    /** A study's extra term enters L_G once with its weight and is logged by its name; the rest of the step is unchanged. */
    @Test void anExtraGeneratorTermAddsItsWeightedValueToTheGeneratorLoss() {
        ExtraGeneratorLoss meanMu = new ExtraGeneratorLoss() {
            @Override public String name() { return "L_test"; }
            @Override public float weight() { return 3f; }
            @Override public NDArray term(NDArray mu) { return mu.abs().mean(); }
        };
        addsItsWeightedTerm(oneStep(LossWeights.REFERENCE, null), oneStep(LossWeights.REFERENCE, meanMu), "L_test", 3);
    }

    /**
     * Upper harmonics 0.4 above the lowest two where the real crops have them 0.4 below: the excess is 0.8; with them
     * as quiet as the real crops', 0. Frames without a comb count for nothing.
     */
    @Test void upperHarmonicExcessIsHowFarTheUpperHarmonicsStandAboveTheTargets() {
        try (NDManager m = NDManager.newBaseManager()) {
            int h = 32, w = 4;
            float bump = (float) (PitchComb.SIGMA_BINS * Math.sqrt(2 * Math.PI));
            float[] comb = new float[h * w], loud = new float[h * w], quiet = new float[h * w];
            for (int f = 3; f < h; f += 6)
                for (int t = 0; t < w; t++) {
                    boolean upper = f > 9;
                    if (t < 3) comb[f * w + t] = bump; // one bin holding a harmonic's whole mass; the last frame is unvoiced
                    loud[f * w + t] = upper ? 0.4f : 0f;
                    quiet[f * w + t] = upper ? -0.4f : 0f;
                }
            NDArray c = m.create(comb, new Shape(1, 1, h, w));
            NDArray fakeLoud = m.create(loud, new Shape(1, 1, h, w)), real = m.create(quiet, new Shape(1, 1, h, w));
            // the mask's +1 in the denominator: 3 voiced frames → 3 · 0.8 / 4
            assertEquals(3 * 0.8f / 4, TransferTerms.upperHarmonicExcess(fakeLoud, c, real, c, 2).getFloat(), 1e-5f);
            assertEquals(0f, TransferTerms.upperHarmonicExcess(real, c, real, c, 2).getFloat(), 1e-6f);
        }
    }

    /** The spectral profile is a batch's mean shape over mel bins with every frame's level removed. */
    @Test void spectralProfileKeepsTheTiltAndDropsTheLevel() {
        try (NDManager m = NDManager.newBaseManager()) {
            int b = 2, h = 8, w = 5;
            float[] v = new float[b * h * w];
            for (int i = 0; i < b; i++)
                for (int f = 0; f < h; f++)
                    for (int t = 0; t < w; t++) v[(i * h + f) * w + t] = 0.1f * f + 0.3f * t - 0.5f * i; // tilt 0.1/bin, level per frame and crop
            float[] p = TransferTerms.spectralProfile(m.create(v, new Shape(b, 1, h, w))).toFloatArray();
            assertEquals(h, p.length);
            for (int f = 0; f < h; f++) assertEquals(0.1f * (f - 3.5f), p[f], 1e-5f, "bin " + f);
        }
    }

    /**
     * With an optional term's λ > 0 the step logs it by name, adds it to L_G with its weight, and leaves the other terms as
     * they were (the comb terms on a pitch-conditioned model, which they need).
     */
    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"tone, 4, false", "follow, 5, true", "legato, 3, false", "peak, 2, false", "combPeak, 4, true", "level, 2, false", "rests, 3, false", "rolloff, 3, true", "spread, 3, false", "toneless, 2, true", "loudness, 2, false", "noiseToneless, 2, true", "noiseToneless, 3, false"})
    void anOptionalTermEntersTheGeneratorLossWithItsWeight(String term, float weight, boolean pitch) {
        Map<String, Float> without = oneStep(LossWeights.REFERENCE, null, pitch);
        addsItsWeightedTerm(without, oneStep(referenceWith(term, weight), null, pitch), "L_" + term, weight);
    }

    /**
     * L_noiseToneless: a transfer of flat noise that is as flat costs nothing; one with a bin 0.5 above the rest in every
     * frame costs how far that frame's peak stands above its mean (0.5 − 0.5/h) less the 10-dB margin.
     */
    @Test void toneOverNoiseCostsOnlyAPeakTheNoiseDoesNotHave() {
        try (NDManager m = NDManager.newBaseManager()) {
            int h = 8, w = 5;
            float[] flat = new float[h * w], tone = new float[h * w];
            java.util.Arrays.fill(flat, -0.5f);
            java.util.Arrays.fill(tone, -0.5f);
            for (int t = 0; t < w; t++) tone[3 * w + t] = 0f;
            NDArray noise = m.create(flat, new Shape(1, 1, h, w));
            assertEquals(0f, TransferTerms.toneOverNoise(noise, noise).getFloat(), 1e-6f);
            assertEquals(0.5f - 0.5f / h - TransferTerms.TONELESS_MARGIN,
                    TransferTerms.toneOverNoise(m.create(tone, new Shape(1, 1, h, w)), noise).getFloat(), 1e-5f);
        }
    }

    /** A step whose weights ask for L_noiseToneless refuses to run without noise crops rather than skip the term. */
    @Test void aStepAskingForNoiseToneNeedsNoiseCrops() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> {
            try (NDManager base = NDManager.newBaseManager()) {
                VaeGan model = new VaeGan(tiny(2, false));
                model.initialize(base);
                new VaeGanStep(model, referenceWith("noiseToneless", 1)).run(toyBatch(base, new Random(1), 2, 32, 16), null, null,
                        null, new Random(1), new LocalAdam(model, 1e-3f));
            }
        });
        assertTrue(e.getMessage().contains("noiseToneless"), e.getMessage());
    }

    /** A frame's harmonic contrast is its comb-weighted mean minus its mean over bins; a frame without a comb is unvoiced. */
    @Test void harmonicContrastMeasuresHowFarTheCombBinsStandOut() {
        try (NDManager m = NDManager.newBaseManager()) {
            int h = 8, w = 2;
            float[] y = new float[h * w], c = new float[h * w];
            y[2 * w] = 1f; // frame 0: energy only in bin 2, where its comb is
            c[2 * w] = 1f;
            y[5 * w + 1] = 1f; // frame 1: energy in bin 5, no comb
            NDArray[] hv = TransferTerms.harmonicContrast(m.create(y, new Shape(1, 1, h, w)), m.create(c, new Shape(1, 1, h, w)));
            assertArrayEquals(new float[] {1f - 1f / h, -1f / h}, hv[0].toFloatArray(), 1e-5f);
            assertArrayEquals(new float[] {1f, 0f}, hv[1].toFloatArray(), 0f);
        }
    }

    /**
     * A transfer whose energy sits on its comb as much as the real crops' does costs nothing; one with the same energy between
     * the comb's harmonics costs the real crops' contrast, and so does a flat one, less its own.
     */
    @Test void combFollowingCostsOnlyATransferThatMissesItsComb() {
        try (NDManager m = NDManager.newBaseManager()) {
            int h = 12, w = 3;
            float[] comb = new float[h * w], onComb = new float[h * w], offComb = new float[h * w];
            for (int t = 0; t < w; t++)
                for (int f = 2; f < h; f += 4) {
                    comb[f * w + t] = 1f;
                    onComb[f * w + t] = 0.9f;
                    offComb[(f + 1) * w + t] = 0.9f;
                }
            Shape s = new Shape(1, 1, h, w);
            NDArray c = m.create(comb, s), real = m.create(onComb, s);
            float contrast = 0.9f - 0.9f * 3 / h;
            assertEquals(0f, TransferTerms.combFollowing(real, c, real, c).getFloat(), 1e-6f);
            float cost = TransferTerms.combFollowing(m.create(offComb, s), c, real, c).getFloat();
            assertEquals((contrast + 0.9f * 3 / h) * w / (w + 1f), cost, 1e-5f); // mean over voiced frames, damped by +1 in the count
            assertEquals(contrast * w / (w + 1f), TransferTerms.combFollowing(m.zeros(s), c, real, c).getFloat(), 1e-5f);
        }
    }

    /**
     * followHarmonics = 3 keeps a comb's lowest three harmonics and drops the rest, for a high voice (220 Hz) and a low
     * one (110 Hz, harmonics 3 bins apart): the bin at 3·f0 keeps its comb value, bins at 4·f0 and above are zero.
     */
    @Test void lowestHarmonicsKeepsTheCombBelowItsFourthHarmonic() {
        SpectrogramConfig cfg = SpectrogramConfig.DEFAULT;
        int bins = cfg.nMels(), w = 2;
        float[] f0 = {220f, 110f};
        float[] comb = PitchComb.image(f0, w, cfg);
        try (NDManager m = NDManager.newBaseManager()) {
            float[] low = TransferTerms.lowestHarmonics(m.create(comb, new Shape(1, 1, bins, w)), 3).toFloatArray();
            for (int t = 0; t < w; t++) {
                int third = (int) Math.round(MelScale.bandOf(cfg).applyAsDouble(3 * f0[t]));
                int fourth = (int) Math.round(MelScale.bandOf(cfg).applyAsDouble(4 * f0[t]));
                assertTrue(comb[third * w + t] > 0.5f, "the third harmonic is on the comb");
                assertEquals(comb[third * w + t], low[third * w + t], 0f, "frame " + t + ": the third harmonic is kept");
                assertTrue(comb[fourth * w + t] > 0.5f, "the fourth harmonic is on the comb");
                for (int b = fourth - 1; b < bins; b++) assertEquals(0f, low[b * w + t], 0f, "frame " + t + ", bin " + b + " is dropped");
                for (int b = 0; b <= third; b++) assertEquals(comb[b * w + t], low[b * w + t], 0f, "frame " + t + ", bin " + b + " is kept");
            }
        }
    }

    /**
     * Spectral motion: a crop whose shape alternates between two band patterns every frame moves by the patterns' mean
     * band difference; the same crop only louder and softer by turns (level alone) does not move; a held shape does not.
     */
    @Test void spectralMotionCountsShapeChangesNotLevelChanges() {
        try (NDManager m = NDManager.newBaseManager()) {
            int h = 16, w = 5, per = h / TransferTerms.MOTION_BANDS;
            float[] shapeFlip = new float[h * w], levelFlip = new float[h * w];
            for (int f = 0; f < h; f++)
                for (int t = 0; t < w; t++) {
                    boolean lowBand = f < per;                            // band 0 of 8
                    shapeFlip[f * w + t] = lowBand && t % 2 == 0 ? 1f : 0f; // band 0 on, off, on, …
                    levelFlip[f * w + t] = (lowBand ? 1f : 0f) + (t % 2 == 0 ? 0.7f : 0f);
                }
            Shape s = new Shape(1, 1, h, w);
            // band 0 of the centred shape swings by 1 − 1/8 when it switches, every other band by 1/8: mean over 8 bands = 2·7/64
            assertEquals(2f * 7 / 64, TransferTerms.spectralMotion(m.create(shapeFlip, s)).getFloat(), 1e-5f);
            assertEquals(0f, TransferTerms.spectralMotion(m.create(levelFlip, s)).getFloat(), 1e-5f);
            // a transfer no busier than the target costs nothing; a busier one costs the difference
            NDArray held = m.create(levelFlip, s), busy = m.create(shapeFlip, s);
            assertEquals(0f, TransferTerms.legatoShortfall(held, busy).getFloat(), 1e-6f);
            assertEquals(2f * 7 / 64, TransferTerms.legatoShortfall(busy, held).getFloat(), 1e-5f);
        }
    }

    /**
     * A frame's level is its power summed over bins: two bins at full level are 3.01 dB (10·log10 2) louder than one, and
     * a bin 0.1 lower (5 dB) is a level 0.1 lower; levels are relative to the crop's mean. A silent frame (every bin at
     * the floor, −1) sits 2 units (100 dB) under a frame with one bin at 0 dB (1), plus its eight bins' 9 dB.
     */
    @Test void relativeLevelIsTheFramePowerSumLessTheCropMean() {
        try (NDManager m = NDManager.newBaseManager()) {
            int h = 8, w = 4;
            float[] y = new float[h * w];
            Arrays.fill(y, -1f);
            y[0 * w + 0] = 1f;                      // frame 0: one bin at 0 dB
            y[0 * w + 1] = 1f; y[1 * w + 1] = 1f;   // frame 1: two bins at 0 dB
            y[0 * w + 2] = 0.9f;                    // frame 2: one bin 5 dB under frame 0's
            // frame 3: silent
            float twoBins = (float) (Math.log(2) / TransferTerms.POWER_PER_UNIT); // 3.01 dB in image units (0.0602)
            float silent = (float) (-2 + Math.log(h) / TransferTerms.POWER_PER_UNIT); // eight bins at the floor, 100 dB down
            float[] abs = {0f, twoBins, -0.1f, silent};
            float mean = (abs[0] + abs[1] + abs[2] + abs[3]) / 4;
            float[] want = new float[w];
            for (int t = 0; t < w; t++) want[t] = abs[t] - mean;
            assertArrayEquals(want, TransferTerms.relativeLevel(m.create(y, new Shape(1, 1, h, w))).toFloatArray(), 1e-4f);
            assertEquals(3.0103, twoBins * 50, 1e-3); // one image unit is 50 dB
        }
    }

    /**
     * L_rests costs only a transfer frame that is louder, under its crop's loudest, than its source's frame by more than
     * 10 dB: a source that falls silent (one bin at 0 dB, then every bin at the floor) against a transfer that only drops
     * 25 dB costs the difference less the margin, averaged over the two frames; the other way round (a transfer quieter
     * than its source) costs nothing.
     */
    @Test void restExcessCostsOnlyATransferLouderThanItsSourceWhereTheSourceIsQuiet() {
        try (NDManager m = NDManager.newBaseManager()) {
            int h = 8, w = 2;
            float[] source = new float[h * w], fake = new float[h * w];
            Arrays.fill(source, -1f);
            Arrays.fill(fake, -1f);
            source[0] = 1f;             // frame 0 at 0 dB, frame 1 silent
            fake[0] = 1f;
            fake[1] = 0.5f;             // frame 1 only 25 dB down
            Shape s = new Shape(1, 1, h, w);
            float silent = (float) (-2 + Math.log(h) / TransferTerms.POWER_PER_UNIT);
            float want = (-0.5f - silent - TransferTerms.REST_MARGIN) / 2;
            assertEquals(want, TransferTerms.restExcess(m.create(fake, s), m.create(source, s)).getFloat(), 1e-4f);
            assertEquals(0f, TransferTerms.restExcess(m.create(source, s), m.create(fake, s)).getFloat(), 1e-6f);
        }
    }

    /**
     * Peakiness is a frame's maximum minus its mean over bins: a tone (one bin at 1, the rest at −1) is far above a noise
     * frame (every bin at 0); a transfer as peaked as the target costs nothing, a flat one the difference.
     */
    @Test void peakShortfallCostsFlatFramesOnly() {
        try (NDManager m = NDManager.newBaseManager()) {
            int h = 8, w = 2;
            float[] tone = new float[h * w], noise = new float[h * w];
            for (int f = 0; f < h; f++)
                for (int t = 0; t < w; t++) tone[f * w + t] = f == 3 ? 1f : -1f;
            Shape s = new Shape(1, 1, h, w);
            NDArray toneA = m.create(tone, s), noiseA = m.create(noise, s);
            float q = 1f - (1f - 7f) / h; // max 1, mean (1 − 7) / 8
            assertArrayEquals(new float[] {q, q}, TransferTerms.peakiness(toneA).toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {0f, 0f}, TransferTerms.peakiness(noiseA).toFloatArray(), 1e-6f);
            assertEquals(0f, TransferTerms.peakShortfall(toneA, toneA).getFloat(), 1e-6f);
            assertEquals(0f, TransferTerms.peakShortfall(toneA, noiseA).getFloat(), 1e-6f);
            assertEquals(q, TransferTerms.peakShortfall(noiseA, toneA).getFloat(), 1e-6f);
        }
    }

    /**
     * A frame whose loudest bin is on the comb costs nothing; one whose loudest bin is off it costs the gap to the comb's
     * loudest bin; an unvoiced frame (no comb) costs nothing. Mean over voiced frames, damped by +1 in the count.
     */
    @Test void peakOffCombCostsALoudestPartialOffTheComb() {
        try (NDManager m = NDManager.newBaseManager()) {
            int h = 6, w = 3;
            float[] y = new float[h * w], c = new float[h * w];
            c[1 * w] = 1f; c[1 * w + 1] = 1f;           // frames 0 and 1: comb at bin 1; frame 2 unvoiced
            y[1 * w] = 0.8f; y[4 * w] = 0.3f;           // frame 0: loudest on the comb
            y[1 * w + 1] = 0.2f; y[4 * w + 1] = 0.9f;   // frame 1: loudest off it, 0.7 above the comb's
            y[4 * w + 2] = 1f;                          // frame 2: unvoiced, anything goes
            Shape s = new Shape(1, 1, h, w);
            assertEquals(0.7f / 3, TransferTerms.peakOffComb(m.create(y, s), m.create(c, s)).getFloat(), 1e-6f);
        }
    }

}
