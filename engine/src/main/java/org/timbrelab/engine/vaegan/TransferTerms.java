package org.timbrelab.engine.vaegan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.timbrelab.dsp.Loudness;
import org.timbrelab.dsp.SpectrogramConfig;
import org.timbrelab.engine.nn.Scalars;

/**
 * The optional generator terms' measures of a transfer x̂_ab against its target domain's real crops x_b or its source
 * x_a, as {@link VaeGanStep}'s formula block defines them ({@link OptionalTerms} weighs and sums them). Images are
 * (B, 1, mels, T) normalised log-mel; comb images are {@link PitchComb}'s.
 */
final class TransferTerms {
    private TransferTerms() {}

    /**
     * A batch's average spectral shape, level removed: each frame minus its mean over mel bins, then averaged over batch
     * and time, one value per bin (the log-mel image's rows). Where a domain's transfers and its own crops differ in it,
     * the outputs have the wrong tilt or harmonic weight (a violin heard as a flute: upper harmonics too weak).
     */
    static NDArray spectralProfile(NDArray y) { // (B, 1, mels, T) -> (mels)
        NDArray centred = y.sub(y.mean(new int[] {2}, true));
        return centred.mean(new int[] {3}).mean(new int[] {1}).mean(new int[] {0}); // one axis at a time: the engine reduces one per call
    }

    /**
     * How far a transfer falls short of its target domain's real crops in standing out at its comb's harmonics: per voiced
     * frame of {@code fake}, max(0, target − h), where h is {@link #harmonicContrast} and the target is the real crops' mean
     * h over their own voiced frames. The cycle loss cannot ask this of a transfer, because the comb given again on the way
     * back supplies the pitch; without it a generator may play its domain's usual partials instead of the comb's
     * (docs/ARCHITECTURE.md, "The training step").
     */
    static NDArray combFollowing(NDArray fake, NDArray fakeComb, NDArray real, NDArray realComb) {
        NDArray[] target = harmonicContrast(real, realComb);
        NDArray goal = target[0].mul(target[1]).sum().div(target[1].sum().add(1e-6f)).stopGradient();
        NDArray[] got = harmonicContrast(fake, fakeComb);
        return Scalars.maximum(goal.sub(got[0]), 0).mul(got[1]).sum().div(got[1].sum().add(1f));
    }

    /**
     * How much stronger a transfer's upper harmonics are, against its lowest {@code k}, than its target domain's real
     * crops': per frame voiced in both parts, u = comb-weighted mean of y over the comb's harmonics above the lowest k
     * minus that over the lowest k; the term is max(0, u(fake) − the real crops' mean u), averaged over the fake's such
     * frames. A flute has little above its second harmonic; its transfers kept the voice's upper harmonics, 10–15 dB
     * above a flute's between 0.7 and 2.5 kHz, and were heard as a violin (docs/study-reference.md, section 13).
     * L_follow asks the lowest harmonics to stand out; nothing else asks the ones above to stay quiet.
     */
    static NDArray upperHarmonicExcess(NDArray fake, NDArray fakeComb, NDArray real, NDArray realComb, int k) {
        NDArray[] goal = upperMinusLower(real, realComb, k);
        NDArray target = goal[0].mul(goal[1]).sum().div(goal[1].sum().add(1e-6f)).stopGradient();
        NDArray[] got = upperMinusLower(fake, fakeComb, k);
        return Scalars.maximum(got[0].sub(target), 0).mul(got[1]).sum().div(got[1].sum().add(1f));
    }

    /** Per frame of (B, 1, mels, T): u of {@link #upperHarmonicExcess}, (B, 1, T), and a 0/1 mask of frames with both parts. */
    static NDArray[] upperMinusLower(NDArray y, NDArray comb, int k) {
        NDArray low = lowestHarmonics(comb, k);
        NDArray high = comb.sub(low);
        NDArray wLow = low.sum(new int[] {2}), wHigh = high.sum(new int[] {2});
        NDArray both = wLow.gt(0.5f).toType(DataType.FLOAT32, false).mul(wHigh.gt(0.5f).toType(DataType.FLOAT32, false));
        NDArray atHigh = y.mul(high).sum(new int[] {2}).div(wHigh.add(1e-6f));
        NDArray atLow = y.mul(low).sum(new int[] {2}).div(wLow.add(1e-6f));
        return new NDArray[] {atHigh.sub(atLow), both};
    }

    /**
     * How much faster a transfer's spectral shape moves than its target domain's real crops': per crop of {@code fake},
     * max(0, m − the real crops' mean m), averaged, where m is {@link #spectralMotion}. A voice's formants glide and its
     * consonants burst many times a second; a bowed or blown note holds its shape. The cycle loss rewards a transfer that
     * keeps that motion (it is what brings the voice back), and listeners hear speech in it (docs/study-reference.md,
     * section 14). Pitch changes move single harmonics, which eight bands mostly average out.
     */
    static NDArray legatoShortfall(NDArray fake, NDArray real) {
        NDArray goal = spectralMotion(real).mean().stopGradient();
        return Scalars.maximum(spectralMotion(fake).sub(goal), 0).mean();
    }

    /**
     * Per crop of (B, 1, mels, T) images: the mean absolute change between neighbouring frames of the frame's shape in
     * {@link #MOTION_BANDS} mel bands (each frame minus its mean over bins, so a change of level alone is no motion).
     */
    static NDArray spectralMotion(NDArray y) { // (B, 1, mels, T) -> (B)
        long[] s = y.getShape().getShape();
        if (s[2] % MOTION_BANDS != 0) throw new IllegalArgumentException(s[2] + " mel bins are not a multiple of " + MOTION_BANDS + " bands");
        NDArray shape = y.sub(y.mean(new int[] {2}, true));
        NDArray bands = shape.reshape(s[0], MOTION_BANDS, s[2] / MOTION_BANDS, s[3]).mean(new int[] {2}); // (B, bands, T)
        NDArray change = bands.get(new NDIndex(":, :, 1:")).sub(bands.get(new NDIndex(":, :, :-1"))).abs();
        return change.mean(new int[] {2}).mean(new int[] {1});
    }

    static final int MOTION_BANDS = 8;

    /**
     * How much more a transfer's spectral shape varies over its crop than its target domain's real crops': per crop and per
     * one of {@link #SPREAD_BANDS} mel bands, σ = the standard deviation, over the crop's sounding frames, of the band's
     * level under its frame's loudest bin (floored {@link #SHAPE_FLOOR} under it); the term is max(0, σ(fake) − the real
     * crops' mean σ of that band), averaged over bands and crops. Vowels, consonants and gliding formants give a voice a
     * different shape in every syllable; a blown or bowed phrase keeps one. The hub run's flute transfers varied by 6–15 dB
     * per band where real flute phrases vary by 5–12 (docs/study-reference.md, section 18); L_legato sees only changes
     * between neighbouring frames.
     */
    static NDArray shapeSpreadExcess(NDArray fake, NDArray real) {
        NDArray goal = shapeSpread(real).mean(new int[] {0}).stopGradient(); // (bands)
        return Scalars.maximum(shapeSpread(fake).sub(goal), 0).mean();
    }

    /** σ of {@link #shapeSpreadExcess} per crop of (B, 1, mels, T) images and band, (B, bands). */
    static NDArray shapeSpread(NDArray y) {
        long[] s = y.getShape().getShape();
        if (s[2] % SPREAD_BANDS != 0) throw new IllegalArgumentException(s[2] + " mel bins are not a multiple of " + SPREAD_BANDS + " bands");
        NDArray peak = y.max(new int[] {2}, true); // (B, 1, 1, T)
        NDArray bands = Scalars.maximum(y.sub(peak), -SHAPE_FLOOR).reshape(s[0], SPREAD_BANDS, s[2] / SPREAD_BANDS, s[3]).mean(new int[] {2}); // (B, bands, T)
        NDArray framePeak = peak.reshape(s[0], 1, s[3]);
        NDArray sounding = framePeak.gte(framePeak.max(new int[] {2}, true).sub(SOUNDING_RANGE)).toType(DataType.FLOAT32, false).stopGradient();
        NDArray count = sounding.sum(new int[] {2}); // (B, 1), at least the loudest frame
        NDArray mean = bands.mul(sounding).sum(new int[] {2}, true).div(count.expandDims(2));
        NDArray variance = bands.sub(mean).square().mul(sounding).sum(new int[] {2}).div(count);
        return variance.add(1e-6f).sqrt();
    }

    static final int SPREAD_BANDS = 16;
    /** 60 dB in normalised log-mel units: a bin this far under its frame's peak counts as the floor. */
    static final float SHAPE_FLOOR = 1.2f;
    /** 50 dB: frames this far under the crop's loudest are silence, their shape not counted. */
    static final float SOUNDING_RANGE = 1.0f;

    /**
     * How much flatter a transfer's frames are than its target domain's real frames: per frame of {@code fake},
     * max(0, the real frames' mean q − q), averaged, with q from {@link #peakiness}. Where the voice has no pitch
     * (consonants, breaths, decays) the comb asks nothing, and a generator renders the voice's broadband noise there; an
     * instrument's frames, quiet ones included, stand far above their floor (a flute's mean level sits ~45 dB under its
     * peak, a flute transfer's quiet frames ~20 dB; docs/study-reference.md, section 14).
     */
    static NDArray peakShortfall(NDArray fake, NDArray real) {
        NDArray goal = peakiness(real).mean().stopGradient();
        return Scalars.maximum(goal.sub(peakiness(fake)), 0).mean();
    }

    /**
     * {@link #peakShortfall} on the frames the transfer's comb voices only: per such frame max(0, the real frames' mean
     * q − q), averaged over them. Asked of every frame, L_peak made the flute and cello generators play a steady tone
     * near 110 Hz wherever the comb asks no pitch — in a real recording's pauses and noise floor, and out of pink noise
     * alone (docs/study-reference.md, section 22). {@link #toneWithoutComb} asks the other frames for the opposite.
     */
    static NDArray peakShortfallVoiced(NDArray fake, NDArray real, NDArray fakeComb) {
        return peakShortfallOn(fake, real, voicedFrames(fakeComb));
    }

    /** {@link #peakShortfall} on the frames where {@code frames} (B, 1, T) is 1 only, averaged over them. */
    static NDArray peakShortfallOn(NDArray fake, NDArray real, NDArray frames) {
        NDArray goal = peakiness(real).mean().stopGradient();
        return Scalars.maximum(goal.sub(peakiness(fake)), 0).mul(frames).sum().div(frames.sum().add(1f));
    }

    /**
     * Per frame of (B, 1, mels, T) source images: 1 where the frame's level ({@link #frameLevel}) is within {@code rangeDb}
     * of its crop's loudest frame, else 0, (B, 1, T). A recording's pauses hold its noise floor 30–60 dB under its peak;
     * asked to stand out like a cello's there too, the cello generator droned through pauses and pink noise
     * (docs/study-reference.md, section 25; split by this mask it still droned in pink noise, section 26).
     */
    static NDArray soundingFrames(NDArray source, double rangeDb) {
        NDArray level = frameLevel(source);
        return level.gte(level.max(new int[] {2}, true).sub((float) (rangeDb / DB_PER_UNIT))).toType(DataType.FLOAT32, false).stopGradient();
    }

    /** Decibels per unit of the normalised log-mel ({@link #POWER_PER_UNIT}). */
    static final double DB_PER_UNIT = 50;

    /**
     * How much peakier a transfer is than its source where its comb asks no pitch: per frame the comb leaves unvoiced,
     * max(0, q(fake) − q(source) − {@link #TONELESS_MARGIN}), averaged over those frames, with q from {@link #peakiness}.
     * Where the voice has no pitch (consonants, breaths, a recording's noise floor) an instrument has no note to play;
     * a generator free there played a fixed low tone instead (docs/study-reference.md, section 22).
     */
    static NDArray toneWithoutComb(NDArray fake, NDArray source, NDArray fakeComb) {
        return toneWhere(fake, source, voicedFrames(fakeComb).neg().add(1f));
    }

    /** {@link #toneWithoutComb} on the frames where {@code frames} (B, 1, T) is 1, averaged over them. */
    static NDArray toneWhere(NDArray fake, NDArray source, NDArray frames) {
        NDArray excess = Scalars.maximum(peakiness(fake).sub(peakiness(source).stopGradient()).sub(TONELESS_MARGIN), 0);
        return excess.mul(frames).sum().div(frames.sum().add(1f));
    }

    /**
     * L_noiseToneless: per frame of a transfer of pure noise, how far its peak stands above its mean more than the
     * noise's own does plus {@link #TONELESS_MARGIN}, averaged over every frame (noise has no pitch anywhere).
     */
    static NDArray toneOverNoise(NDArray fake, NDArray noise) {
        return Scalars.maximum(peakiness(fake).sub(peakiness(noise)).sub(TONELESS_MARGIN), 0).mean();
    }

    /** 10 dB in normalised log-mel units: how much more a transfer's unvoiced frame may stand above its mean than its source's. */
    static final float TONELESS_MARGIN = 0.2f;

    /** Per frame of (B, 1, mels, T) comb images: 1 where the frame has a comb (a pitch), else 0, (B, 1, T). */
    static NDArray voicedFrames(NDArray comb) {
        return comb.sum(new int[] {2}).gt(0.5f).toType(DataType.FLOAT32, false);
    }

    /**
     * How far each voiced frame's loudest bin stands above its loudest bin on the comb (bins where the comb is over ½),
     * averaged over the voiced frames of {@code fake}: 0 when the loudest partial is one the comb asks for. L_follow
     * compares means, which one loud partial of the generator's own choosing barely moves; with a flute's single strong
     * partial that is the melody lost (docs/study-reference.md, section 14).
     */
    static NDArray peakOffComb(NDArray fake, NDArray comb) {
        NDArray onComb = comb.gt(0.5f).toType(DataType.FLOAT32, false);
        NDArray best = fake.sub(Scalars.mul(onComb.sub(1f), -OFF_COMB)).max(new int[] {2}); // off-comb bins pushed far below
        NDArray voiced = onComb.max(new int[] {2});
        return fake.max(new int[] {2}).sub(best).mul(voiced).sum().div(voiced.sum().add(1f));
    }

    /** Far below any normalised log-mel value ([-1, 1]): where off-comb bins go when the comb's loudest bin is looked for. */
    private static final float OFF_COMB = 100f;

    /** Per frame of (B, 1, mels, T) images: the frame's maximum over bins minus its mean over bins, (B, 1, T). */
    static NDArray peakiness(NDArray y) {
        return y.max(new int[] {2}).sub(y.mean(new int[] {2}));
    }

    /**
     * Per frame of (B, 1, mels, T) normalised log-mel images: the frame's level (log of its power summed over bins, in the
     * images' units) less the crop's mean level, (B, 1, T). L_level holds a transfer's envelope to its source's: nothing
     * else asks it to, and trained without the voice's pauses a generator plays on through them (loudness correlation
     * 0.65 on real speakers for presets/voice-to-cello; docs/study-reference.md, section 15). Relative, so an instrument
     * may sit at its own level.
     */
    static NDArray relativeLevel(NDArray y) {
        NDArray level = frameLevel(y);
        return level.sub(level.mean(new int[] {2}, true));
    }

    /**
     * {@link #relativeLevel} as the ear weighs it: each mel bin's power weighted by {@link Loudness#melBandWeights} (the
     * A-curve over the filters' bandwidths) before the sum. The unweighted sum reads a fricative or a hiss 10–20 dB
     * quieter against a vowel than it sounds and a low hum louder; on real recordings with a noise floor it correlates
     * with the A-weighted loudness a listener (and {@code eval}) hears at a median of only 0.94 (docs/study-reference.md,
     * section 29), so a transfer that follows it exactly still follows the heard loudness loosely.
     */
    static NDArray relativeLoudness(NDArray y) {
        int mels = (int) y.getShape().get(2);
        NDArray lnWeights = y.getManager().create(LN_BAND_WEIGHTS.computeIfAbsent(mels, TransferTerms::lnBandWeights), new Shape(1, 1, mels, 1));
        NDArray z = Scalars.mul(y, POWER_PER_UNIT).add(lnWeights);
        NDArray peak = z.max(new int[] {2}, true).stopGradient(); // log-sum-exp, shifted so exp never overflows
        NDArray level = Scalars.div(z.sub(peak).exp().sum(new int[] {2}).log().add(peak.squeeze(2)), POWER_PER_UNIT);
        return level.sub(level.mean(new int[] {2}, true));
    }

    /** ln of {@link Loudness#melBandWeights} for the default spectrogram config with {@code mels} bands (tests use fewer). */
    private static float[] lnBandWeights(int mels) {
        SpectrogramConfig d = SpectrogramConfig.DEFAULT;
        double[] w = Loudness.melBandWeights(new SpectrogramConfig(d.sampleRate(), d.nFft(), d.winLength(), d.hopLength(), mels,
                d.fMin(), d.fMax(), d.melScale(), d.minDb()));
        float[] ln = new float[mels];
        for (int i = 0; i < mels; i++) ln[i] = (float) Math.log(Math.max(w[i], 1e-12));
        return ln;
    }

    private static final java.util.Map<Integer, float[]> LN_BAND_WEIGHTS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * How much louder a transfer's frames are, under its crop's loudest frame, than its source's frames under theirs,
     * beyond {@link #REST_MARGIN}: per frame max(0, r(fake) − r(source) − margin), averaged, where r is a frame's level
     * ({@link #frameLevel}) less the crop's highest. Only where the source is quiet and the transfer is not (the voice's
     * pauses, an instrument playing on); a transfer quieter than its source, or following it within the margin, costs
     * nothing, so its loud frames are left to the other terms (docs/study-reference.md, section 15).
     */
    static NDArray restExcess(NDArray fake, NDArray source) {
        NDArray f = frameLevel(fake), s = frameLevel(source);
        NDArray underF = f.sub(f.max(new int[] {2}, true).stopGradient()), underS = s.sub(s.max(new int[] {2}, true));
        return Scalars.maximum(underF.sub(underS).sub(REST_MARGIN), 0).mean();
    }

    /** 10 dB in normalised log-mel units (one unit is 50 dB): how much louder than its source a transfer's frame may be. */
    static final float REST_MARGIN = 0.2f;

    /** Per frame of (B, 1, mels, T) normalised log-mel images: log of the frame's power summed over bins, in the images' units, (B, 1, T). */
    static NDArray frameLevel(NDArray y) {
        NDArray peak = y.max(new int[] {2}, true).stopGradient(); // log-sum-exp, shifted so exp never overflows
        return Scalars.div(Scalars.mul(y.sub(peak), POWER_PER_UNIT).exp().sum(new int[] {2}).log(), POWER_PER_UNIT).add(peak.squeeze(2));
    }

    /**
     * Natural-log power per unit of the normalised log-mel ({@code AudioTransform.normalise}: [-1, 1] spans the
     * default config's 100 dB of magnitude, so one unit is 50 dB, a power ratio of 10^5 = e^11.5).
     */
    static final float POWER_PER_UNIT = (float) (DB_PER_UNIT / 10 * Math.log(10));

    /**
     * The part of (B, 1, mels, T) comb images below about the (k+1)-th harmonic of each frame: bins whose comb mass below
     * them is under k − ¼ bumps (a {@link PitchComb} bump holds σ√(2π) ≈ 2 bins' worth). Where low harmonics crowd
     * (f0 under ~90 Hz) bumps overlap and lose mass, so a few more than k are kept. A flute has little above its second
     * harmonic: asked to stand out at every harmonic of the voice's comb, its transfers grow a violin's upper partials
     * (docs/study-reference.md, section 13); asked at the lowest ones, each instrument is asked for what it has.
     */
    static NDArray lowestHarmonics(NDArray comb, int k) {
        double bump = PitchComb.SIGMA_BINS * Math.sqrt(2 * Math.PI);
        NDArray below = comb.cumSum(2).sub(comb);
        return comb.mul(below.lt((float) ((k - 0.25) * bump)).toType(DataType.FLOAT32, false));
    }

    /**
     * Per frame of (B, 1, mels, T) images {@code y} and their comb images {@code c}: the comb-weighted mean of y minus y's
     * mean over bins (B, 1, T), and a 0/1 mask of the voiced frames (those with a comb).
     */
    static NDArray[] harmonicContrast(NDArray y, NDArray c) {
        NDArray weight = c.sum(new int[] {2});
        NDArray voiced = voicedFrames(c);
        NDArray atHarmonics = y.mul(c).sum(new int[] {2}).div(weight.add(1e-6f));
        return new NDArray[] {atHarmonics.sub(y.mean(new int[] {2})), voiced};
    }

}
