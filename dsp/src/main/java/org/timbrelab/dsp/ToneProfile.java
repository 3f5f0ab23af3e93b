package org.timbrelab.dsp;

import java.util.Arrays;
import java.util.List;

/**
 * The long-term spectral envelope of a recording: its average power over the frames within 30 dB of its loudest, in
 * 19 third-octave bands from 100 Hz to 6.4 kHz, in dB relative to the loudest band. A band the recording cannot hold
 * (above its Nyquist) or holds nothing in (more than {@link #ABSENT_DB} below the loudest, e.g. an 8-kHz recording
 * resampled to 16 kHz) is NaN: nothing is known there, so {@link ToneMatch} leaves it alone.
 */
public record ToneProfile(double[] bandsDb) {
    /** Band centres in Hz: 100 · 2^(k/3), k = 0…18. */
    public static final double[] CENTRES = java.util.stream.IntStream.range(0, 19).mapToDouble(k -> 100 * Math.pow(2, k / 3.0)).toArray();
    /** A band this far below the loudest counts as absent. */
    public static final double ABSENT_DB = -50;
    static final int N_FFT = 1024, HOP = 256;

    public ToneProfile {
        if (bandsDb == null || bandsDb.length != CENTRES.length)
            throw new IllegalArgumentException("a tone profile has " + CENTRES.length + " bands, got " + (bandsDb == null ? "none" : bandsDb.length));
        bandsDb = bandsDb.clone();
        for (double v : bandsDb) if (v > 1e-9 || v == Double.NEGATIVE_INFINITY) throw new IllegalArgumentException("band levels must be <= 0 dB or NaN, got " + v);
    }

    @Override public double[] bandsDb() { return bandsDb.clone(); }

    /** The profile of a clip (any rate); throws if the clip is silent. */
    public static ToneProfile of(AudioClip clip) {
        return ofPower(averagePower(clip, new Stft(N_FFT, N_FFT, HOP)), clip.sampleRate());
    }

    /**
     * The mean profile of recordings (each loaded at {@code rate}); a silent or unreadable one is reported to
     * {@code skipped} with the reason and left out.
     *
     * @throws IllegalArgumentException if none is usable
     */
    public static ToneProfile meanOf(List<java.nio.file.Path> files, int rate, java.util.function.BiConsumer<java.nio.file.Path, String> skipped) {
        List<ToneProfile> profiles = new java.util.ArrayList<>();
        for (java.nio.file.Path f : files) {
            try {
                profiles.add(of(AudioFiles.loadMono(f, rate)));
            } catch (IllegalArgumentException | AudioFileException e) {
                skipped.accept(f, e.getMessage());
            }
        }
        if (profiles.isEmpty()) throw new IllegalArgumentException("none of the " + files.size() + " recordings is usable for a tone profile");
        return mean(profiles);
    }

    /** Band by band, the mean of the profiles that hold the band (NaN where none does). */
    public static ToneProfile mean(List<ToneProfile> profiles) {
        if (profiles.isEmpty()) throw new IllegalArgumentException("no profiles to average");
        double[] out = new double[CENTRES.length];
        for (int b = 0; b < out.length; b++) {
            double sum = 0;
            int n = 0;
            for (ToneProfile p : profiles) if (!Double.isNaN(p.bandsDb[b])) { sum += p.bandsDb[b]; n++; }
            out[b] = n == 0 ? Double.NaN : sum / n;
        }
        return new ToneProfile(normalised(out));
    }

    /** Mean power per STFT bin over the frames within 30 dB of the loudest frame. */
    static double[] averagePower(AudioClip clip, Stft stft) {
        MagnitudeSpectrogram m = stft.magnitude(clip);
        int bins = stft.bins(), frames = m.frames();
        float[] mag = m.values();
        double[] energy = new double[frames];
        double loudest = 0;
        for (int t = 0; t < frames; t++) {
            for (int k = 0; k < bins; k++) energy[t] += (double) mag[t * bins + k] * mag[t * bins + k];
            loudest = Math.max(loudest, energy[t]);
        }
        if (loudest <= 0) throw new IllegalArgumentException("the clip is silent: it has no tone to measure");
        double[] power = new double[bins];
        int kept = 0;
        for (int t = 0; t < frames; t++) {
            if (energy[t] < loudest * 1e-3) continue;
            for (int k = 0; k < bins; k++) power[k] += (double) mag[t * bins + k] * mag[t * bins + k];
            kept++;
        }
        for (int k = 0; k < bins; k++) power[k] /= kept;
        return power;
    }

    static ToneProfile ofPower(double[] power, int sampleRate) {
        double binHz = sampleRate / (double) N_FFT;
        double[] bands = new double[CENTRES.length];
        for (int b = 0; b < bands.length; b++) {
            double lo = CENTRES[b] * Math.pow(2, -1 / 6.0), hi = CENTRES[b] * Math.pow(2, 1 / 6.0);
            double sum = 0;
            int n = 0;
            for (int k = (int) Math.ceil(lo / binHz); k * binHz < hi && k < power.length; k++) { sum += power[k]; n++; }
            bands[b] = hi >= sampleRate / 2.0 || n == 0 ? Double.NaN : 10 * Math.log10(sum / n + 1e-20);
        }
        return new ToneProfile(normalised(bands));
    }

    /** Relative to the loudest band; bands more than {@link #ABSENT_DB} below it become NaN. */
    private static double[] normalised(double[] bands) {
        double max = Arrays.stream(bands).filter(v -> !Double.isNaN(v)).max().orElseThrow(() -> new IllegalArgumentException("no band holds any power"));
        double[] out = new double[bands.length];
        for (int b = 0; b < out.length; b++) out[b] = Double.isNaN(bands[b]) || bands[b] - max < ABSENT_DB ? Double.NaN : Math.min(0, bands[b] - max);
        return out;
    }
}
