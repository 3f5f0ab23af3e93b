package org.timbrelab.engine.vaegan;

import ai.djl.ndarray.NDArray;
import org.timbrelab.engine.nn.Scalars;

import java.util.List;
import java.util.Map;

/**
 * The optional generator terms of one {@link VaeGanStep} (L_tone … L_toneless), summed over the step's transfers with the
 * weights of each transfer's target domain: each transfer's value is scaled by its target's weight over the term's
 * largest weight, the sum averaged over the step's transfers is logged and enters L_G times that largest weight. With one set of weights
 * for every domain (every recipe before per-domain weights) no transfer is scaled, and the sums are the ones those runs
 * computed, operation for operation.
 */
final class OptionalTerms {
    private enum Term { TONE, FOLLOW, LEGATO, PEAK, COMB_PEAK, LEVEL, RESTS, ROLLOFF, SPREAD, TONELESS, LOUDNESS, NOISE_TONELESS }

    private static final String[] NAMES = {"L_tone", "L_follow", "L_legato", "L_peak", "L_combPeak", "L_level", "L_rests", "L_rolloff", "L_spread", "L_toneless", "L_loudness", "L_noiseToneless"};

    private final List<LossWeights> perTarget;
    private final double[] largest = new double[Term.values().length];
    private final NDArray[] sums = new NDArray[Term.values().length];

    OptionalTerms(List<LossWeights> perTarget) {
        this.perTarget = perTarget;
        for (LossWeights w : perTarget)
            for (Term t : Term.values()) largest[t.ordinal()] = Math.max(largest[t.ordinal()], weight(w, t));
    }

    /** Adds the terms of transfer {@code fake} = x̂ from domain a into domain k, each where k's weight for it is on. */
    void add(NDArray fake, int a, int k, List<NDArray> x, List<NDArray> comb) {
        LossWeights w = perTarget.get(k);
        if (on(w, Term.TONE)) add(Term.TONE, w, TransferTerms.spectralProfile(fake).sub(TransferTerms.spectralProfile(x.get(k))).abs().mean());
        if (on(w, Term.FOLLOW) && comb != null)
            add(Term.FOLLOW, w, TransferTerms.combFollowing(fake, lowest(comb.get(a), w), x.get(k), lowest(comb.get(k), w)));
        if (on(w, Term.LEGATO)) add(Term.LEGATO, w, TransferTerms.legatoShortfall(fake, x.get(k)));
        NDArray sounding = w.peakRange() > 0 && (on(w, Term.PEAK) || on(w, Term.TONELESS)) ? TransferTerms.soundingFrames(x.get(a), w.peakRange()) : null;
        if (on(w, Term.PEAK))
            add(Term.PEAK, w, sounding != null ? TransferTerms.peakShortfallOn(fake, x.get(k), sounding)
                    : on(w, Term.TONELESS) && comb != null ? TransferTerms.peakShortfallVoiced(fake, x.get(k), comb.get(a))
                    : TransferTerms.peakShortfall(fake, x.get(k)));
        if (on(w, Term.COMB_PEAK) && comb != null) add(Term.COMB_PEAK, w, TransferTerms.peakOffComb(fake, lowest(comb.get(a), w)));
        if (on(w, Term.LEVEL)) add(Term.LEVEL, w, TransferTerms.relativeLevel(fake).sub(TransferTerms.relativeLevel(x.get(a))).abs().mean());
        if (on(w, Term.LOUDNESS))
            add(Term.LOUDNESS, w, TransferTerms.relativeLoudness(fake).sub(TransferTerms.relativeLoudness(x.get(a))).abs().mean());
        if (on(w, Term.RESTS)) add(Term.RESTS, w, TransferTerms.restExcess(fake, x.get(a)));
        if (on(w, Term.ROLLOFF) && comb != null)
            add(Term.ROLLOFF, w, TransferTerms.upperHarmonicExcess(fake, comb.get(a), x.get(k), comb.get(k), w.followHarmonics()));
        if (on(w, Term.SPREAD)) add(Term.SPREAD, w, TransferTerms.shapeSpreadExcess(fake, x.get(k)));
        if (on(w, Term.TONELESS) && sounding != null) add(Term.TONELESS, w, TransferTerms.toneWhere(fake, x.get(a), sounding.neg().add(1f)));
        else if (on(w, Term.TONELESS) && comb != null) add(Term.TONELESS, w, TransferTerms.toneWithoutComb(fake, x.get(a), comb.get(a)));
    }

    /** Adds L_noiseToneless of {@code fake} = G_k(μ(noise)) where k's weight for it is on. */
    void addNoise(NDArray fake, NDArray noise, int k) {
        LossWeights w = perTarget.get(k);
        if (on(w, Term.NOISE_TONELESS)) add(Term.NOISE_TONELESS, w, TransferTerms.toneOverNoise(fake, noise));
    }

    /** L_G plus every term that is on: its sum over transfers averaged over {@code transfers}, weighted; each logged in {@code out}. */
    NDArray addTo(NDArray lG, int transfers, Map<String, Float> out) {
        for (Term t : Term.values()) {
            NDArray summed = sums[t.ordinal()];
            if (summed == null) continue;
            NDArray term = Scalars.div(summed, transfers);
            VaeGanStep.put(out, NAMES[t.ordinal()], term);
            lG = lG.add(Scalars.mul(term, largest[t.ordinal()]));
        }
        return lG;
    }

    private boolean on(LossWeights w, Term t) {
        return weight(w, t) > 0;
    }

    private void add(Term t, LossWeights w, NDArray value) {
        double scale = weight(w, t) / largest[t.ordinal()];
        NDArray scaled = scale == 1 ? value : Scalars.mul(value, scale);
        sums[t.ordinal()] = sums[t.ordinal()] == null ? scaled : sums[t.ordinal()].add(scaled);
    }

    /** The comb images L_follow and L_combPeak look at: all of each frame's harmonics, or about the lowest {@code followHarmonics}. */
    private static NDArray lowest(NDArray comb, LossWeights w) {
        return w.followHarmonics() == 0 ? comb : TransferTerms.lowestHarmonics(comb, w.followHarmonics());
    }

    private static double weight(LossWeights w, Term t) {
        return switch (t) {
            case TONE -> w.tone();
            case FOLLOW -> w.follow();
            case LEGATO -> w.legato();
            case PEAK -> w.peak();
            case COMB_PEAK -> w.combPeak();
            case LEVEL -> w.level();
            case RESTS -> w.rests();
            case ROLLOFF -> w.rolloff();
            case SPREAD -> w.spread();
            case TONELESS -> w.toneless();
            case LOUDNESS -> w.loudness();
            case NOISE_TONELESS -> w.noiseToneless();
        };
    }
}
