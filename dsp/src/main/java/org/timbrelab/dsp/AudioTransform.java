package org.timbrelab.dsp;

import java.util.Arrays;

/**
 * Audio ↔ model image (docs/ARCHITECTURE.md, "Audio conventions"): STFT magnitude (periodic Hann, centred, reflect padding) →
 * mel filterbank (on magnitude, not power) → dB against a FIXED reference → clipped to
 * [minDb, 0] dB → y = 1 + 2·dB/|minDb| ∈ [-1, 1] (y = dB/50 + 1 for the default −100 dB floor).
 * Never normalised per clip, so loudness survives.
 * <p>
 * The reference is the largest mel value a full-scale sine could produce: a sine of amplitude 1
 * puts Σ_k |X_k| ≈ Σ window (peak bin Σw/2 plus two neighbours Σw/4 each for Hann) into the
 * spectrum, and no filter weighs a bin more than {@link MelScale#maxWeight()}; so
 * ref = Σ window × max filter weight. Full-scale sines land a few dB below 0 dB (tested),
 * nothing saturates.
 * <p>
 * The way back ({@link #invert}): y → mel magnitude → linear magnitude ({@link MelInverse}:
 * clipped pseudo-inverse + a few NNLS steps) → phase by {@link Pghi} (default) or fast
 * {@link GriffinLim} → {@link Istft}. The clip has hop · (frames − 1) samples.
 * <p>
 * Output layout: {@link Spectrogram}, bin-major (mel, frame). Instances are immutable and
 * thread-safe.
 */
public final class AudioTransform {

    private final SpectrogramConfig config;
    private final Stft stft;
    private final MelScale mel;
    private final double reference;
    private final MelInverse melInverse;

    /** Multiplicative NNLS refinements after the clipped mel pseudo-inverse (see {@link MelInverse}). */
    public static final int MEL_INVERSE_ITERATIONS = 4;

    public AudioTransform(SpectrogramConfig config) {
        this.config = config;
        this.stft = Stft.of(config);
        this.mel = MelScale.of(config);
        double windowSum = 0;
        for (float w : stft.window()) windowSum += w;
        this.reference = windowSum * mel.maxWeight();
        this.melInverse = new MelInverse(mel);
    }

    public SpectrogramConfig config() { return config; }

    public Stft stft() { return stft; }

    public MelScale melScale() { return mel; }

    /** The fixed mel magnitude that maps to 0 dB. */
    public double referenceMagnitude() { return reference; }

    /** Normalised log-mel spectrogram of a clip at the config's sample rate. */
    public Spectrogram forward(AudioClip clip) { return forward(clip, 0); }

    /**
     * As {@link #forward(AudioClip)} after moving the sound up by {@code octaveShift} octaves
     * (negative: down) — the register shift of conversion (docs/ARCHITECTURE.md, "One clip from WAV to violin"), done on the linear magnitude.
     */
    public Spectrogram forward(AudioClip clip, int octaveShift) { return forward(clip, octaveShift, ShiftLoudness.STRETCH); }

    /** As {@link #forward(AudioClip, int)}, the shift treating each frame's loudness as {@code loudness} says. */
    public Spectrogram forward(AudioClip clip, int octaveShift, ShiftLoudness loudness) {
        MagnitudeSpectrogram m = magnitude(clip);
        if (octaveShift != 0) m = shiftOctaves(m, octaveShift, loudness);
        return toSpectrogram(m);
    }

    /** Linear magnitude STFT of a clip at the config's sample rate. */
    public MagnitudeSpectrogram magnitude(AudioClip clip) {
        requireRate(clip);
        return stft.magnitude(clip);
    }

    /** Mel filterbank, fixed-reference dB and normalisation applied to a magnitude STFT. */
    public Spectrogram toSpectrogram(MagnitudeSpectrogram m) {
        if (m.nFft() != config.nFft()) throw new IllegalArgumentException("magnitude has nFft " + m.nFft() + ", config " + config.nFft());
        int frames = m.frames(), n = mel.nMels();
        float[] out = new float[n * frames];
        mel.apply(m.values(), frames, out);
        for (int i = 0; i < out.length; i++) out[i] = normalise(out[i]);
        return new Spectrogram(out, n, frames, config);
    }

    /** Mel magnitude → y ∈ [-1, 1]. */
    public float normalise(double melMagnitude) {
        double floor = config.minDb();
        double db = melMagnitude > 0 ? 20 * Math.log10(melMagnitude / reference) : floor;
        db = Math.max(floor, Math.min(0, db));
        return (float) (1 + 2 * db / -floor);
    }

    /** y ∈ [-1, 1] → mel magnitude (inverse of {@link #normalise} inside the clipping range). */
    public double denormalise(float y) {
        double db = (Math.max(-1f, Math.min(1f, y)) - 1) * -config.minDb() / 2;
        return reference * Math.pow(10, db / 20);
    }

    /** Normalised log-mel → linear STFT magnitude (frame-major). */
    public MagnitudeSpectrogram melToMagnitude(Spectrogram s) {
        requireConfig(s);
        int frames = s.frames(), n = s.values().length;
        float[] mel = new float[n];
        float[] y = s.values();
        double k = Math.log(10) / 20 * -config.minDb() / 2;    // y → dB → magnitude as one exp
        for (int i = 0; i < n; i++) mel[i] = (float) (reference * Math.exp(k * (Math.max(-1f, Math.min(1f, y[i])) - 1)));
        float[] out = new float[frames * stft.bins()];
        melInverse.invert(mel, frames, MEL_INVERSE_ITERATIONS, out);
        return new MagnitudeSpectrogram(out, frames, stft.bins(), config.sampleRate(), config.nFft(), config.hopLength());
    }

    /** Audio from a normalised log-mel spectrogram, phase by PGHI. */
    public AudioClip invert(Spectrogram s) { return invert(s, PhaseMethod.PGHI); }

    /** Audio from a normalised log-mel spectrogram with the given phase method. */
    public AudioClip invert(Spectrogram s, PhaseMethod method) {
        return invertMagnitude(melToMagnitude(s), method);
    }

    /** Audio from a linear magnitude STFT (frame-major) with the given phase method. */
    public AudioClip invertMagnitude(MagnitudeSpectrogram m, PhaseMethod method) {
        if (m.nFft() != config.nFft() || m.hopLength() != config.hopLength())
            throw new IllegalArgumentException("magnitude STFT (nFft " + m.nFft() + ", hop " + m.hopLength()
                    + ") does not match the config (nFft " + config.nFft() + ", hop " + config.hopLength() + ")");
        int frames = m.frames();
        float[] signal;
        if (method.kind() == PhaseMethod.Kind.GRIFFIN_LIM) {
            signal = new GriffinLim(stft).reconstruct(m.values(), frames, null, method.iterations());
        } else {
            float[] complex = new Pghi(stft).reconstruct(m.values(), frames);
            if (method.iterations() > 0) {
                signal = new GriffinLim(stft).reconstruct(m.values(), frames, complex, method.iterations());
            } else {
                signal = new float[stft.hop() * (frames - 1)];
                Istft istft = new Istft(stft);
                istft.inverse(complex, frames, signal.length, signal, new float[istft.paddedLength(frames)]);
            }
        }
        return new AudioClip(signal, config.sampleRate());
    }

    /**
     * Stretches each frame along frequency by 2^k with linear interpolation between bins:
     * out[b] = in[b / 2^k]; content pushed above Nyquist is dropped, bins with no source are 0.
     */
    public static MagnitudeSpectrogram shiftOctaves(MagnitudeSpectrogram m, int k) {
        if (k == 0) return m;
        int bins = m.bins(), frames = m.frames();
        float[] in = m.values(), out = new float[in.length];
        double factor = Math.pow(2, -k);            // source position per target bin
        for (int t = 0; t < frames; t++) {
            int o = t * bins;
            for (int b = 0; b < bins; b++) {
                double src = b * factor;
                int i = (int) src;
                if (i >= bins - 1) {
                    if (i == bins - 1 && src == i) out[o + b] = in[o + i];
                    continue;
                }
                double f = src - i;
                out[o + b] = (float) (in[o + i] + f * (in[o + i + 1] - in[o + i]));
            }
        }
        return new MagnitudeSpectrogram(out, frames, bins, m.sampleRate(), m.nFft(), m.hopLength());
    }

    /**
     * {@link #shiftOctaves} with each frame then scaled so its A-weighted power ({@link Loudness}) is the unshifted
     * frame's: the register shift moves the pitch, not how loud the frame is heard. The plain stretch does not keep it:
     * moved up two octaves, a voice loses everything above 2 kHz (its fricatives, the loudest frames to the ear between
     * vowels) and its low room noise climbs into the band the ear hears best, so the pauses of a real recording come out
     * louder and its consonants quieter than they were (docs/study-reference.md, section 29). Frames with no A-weighted
     * power left after the stretch stay as they are; the gain is bounded to ±{@link #MAX_LOUDNESS_GAIN_DB} dB.
     */
    public static MagnitudeSpectrogram shiftOctavesKeepingLoudness(MagnitudeSpectrogram m, int k) {
        return shiftOctaves(m, k, ShiftLoudness.KEEP);
    }

    /**
     * A model's register shift: the plain stretch, then (if {@code loudness.keep()}) each frame scaled toward its
     * unshifted A-weighted power, raised by at most {@code loudness.maxBoostDb()} and lowered by at most
     * {@link #MAX_LOUDNESS_GAIN_DB} ({@link ShiftLoudness}).
     */
    public static MagnitudeSpectrogram shiftOctaves(MagnitudeSpectrogram m, int k, ShiftLoudness loudness) {
        if (k == 0) return m;
        MagnitudeSpectrogram shifted = shiftOctaves(m, k);
        if (!loudness.keep()) return shifted;
        double[] a = Loudness.aWeightPerBin(m.sampleRate(), m.nFft());
        int bins = m.bins(), frames = m.frames();
        float[] in = m.values(), out = shifted.values();
        double[] before = new double[frames], after = new double[frames];
        for (int t = 0, o = 0; t < frames; t++, o += bins) {
            for (int b = 0; b < bins; b++) {
                before[t] += a[b] * in[o + b] * in[o + b];
                after[t] += a[b] * out[o + b] * out[o + b];
            }
        }
        double boostDb = loudness.maxBoostDb() + (loudness.fromClipGain() ? typicalGainDb(before, after) : 0);
        double maxGain = Math.pow(10, Math.min(MAX_LOUDNESS_GAIN_DB, boostDb) / 20), minGain = Math.pow(10, -MAX_LOUDNESS_GAIN_DB / 20);
        for (int t = 0, o = 0; t < frames; t++, o += bins) {
            if (!(after[t] > 0) || !(before[t] > 0)) continue;
            float gain = (float) Math.max(minGain, Math.min(maxGain, Math.sqrt(before[t] / after[t])));
            for (int b = 0; b < bins; b++) out[o + b] *= gain;
        }
        return shifted;
    }

    /** Median gain (dB) that keeps loudness over the frames within {@link ShiftLoudness#TYPICAL_FRAMES_DB} of the loudest; 0 if none. */
    private static double typicalGainDb(double[] before, double[] after) {
        double loudest = 0;
        for (double p : before) loudest = Math.max(loudest, p);
        double threshold = loudest * Math.pow(10, -ShiftLoudness.TYPICAL_FRAMES_DB / 10);
        double[] gains = new double[before.length];
        int n = 0;
        for (int t = 0; t < before.length; t++)
            if (before[t] > 0 && after[t] > 0 && before[t] >= threshold) gains[n++] = 10 * Math.log10(before[t] / after[t]);
        if (n == 0) return 0;
        Arrays.sort(gains, 0, n);
        return gains[n / 2];
    }

    /** The most a register shift's loudness correction raises or lowers one frame, in dB. */
    public static final double MAX_LOUDNESS_GAIN_DB = 30;

    private void requireConfig(Spectrogram s) {
        if (!config.equals(s.config()))
            throw new IllegalArgumentException("spectrogram was made with " + s.config() + " but this transform uses " + config
                    + "; invert it with new AudioTransform(spectrogram.config())");
    }

    private void requireRate(AudioClip clip) {
        if (clip.sampleRate() != config.sampleRate())
            throw new IllegalArgumentException("clip is at " + clip.sampleRate() + " Hz but the spectrogram config expects "
                    + config.sampleRate() + " Hz; load it with AudioFiles.loadMono(path, " + config.sampleRate()
                    + ") or Resampler.resample(clip, " + config.sampleRate() + ")");
    }
}
