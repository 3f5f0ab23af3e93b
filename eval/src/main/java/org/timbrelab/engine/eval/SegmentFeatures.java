package org.timbrelab.engine.eval;

import org.timbrelab.dsp.Spectrogram;

import java.util.ArrayList;
import java.util.List;

/**
 * Timbre features of short windows of a log-mel spectrogram, the domain classifier's input.
 *
 * <p>A window of {@code windowFrames} frames (32 ≈ 0.5 s at hop 256 / 16 kHz) is summarised per
 * pooled band ({@code bands} groups of adjacent mel bins) by four numbers: mean level relative to
 * the window's overall level (spectral envelope, gain-invariant), standard deviation over time,
 * mean absolute frame-to-frame change (vibrato, bow noise, articulation), and contrast (peak minus
 * mean within the band: harmonic lines versus noise). Values are in dB / 50, so they are
 * independent of the spectrogram's normalisation. Windows that are mostly silence are skipped.
 *
 * <p>With {@code levelFloorDb} &gt; 0 the features do not depend on the clip's playback gain: levels
 * are taken relative to the clip's loudest bin and floored {@code levelFloorDb} below it, and
 * {@code activeDb} is relative to that peak too. Without it (0, classifiers saved before it
 * existed) absolute levels decide which windows count and how much of a quiet clip's noise
 * floor the spectrogram's own floor hides, so the same clip 20 dB quieter could be classified
 * differently (measured with the first classifier: converted cello 0 → 15 of 20, real violin 24 → 15 of 24).
 *
 * @param windowFrames frames per window
 * @param bands        pooled bands (must divide the spectrogram's mel bins)
 * @param activeDb     a frame is active when its loudest bin is at least this many dB (re the clip's peak
 *                     when level-normalised, else re full scale)
 * @param minActive    fraction of active frames a window needs to be used
 * @param levelFloorDb levels are floored this many dB below the clip's peak (gain-invariant); 0 = absolute levels
 */
public record SegmentFeatures(int windowFrames, int bands, double activeDb, double minActive, double levelFloorDb) {

    /** Gain-invariant for clips whose loudest bin is above −40 dB: 60 dB below it stays above the spectrogram's −100 dB floor. */
    public static final SegmentFeatures DEFAULT = new SegmentFeatures(32, 32, -50, 0.5, 60);

    /** Frames whose loudest bin is below this (dB re full scale) are silence, even when levels are relative. */
    static final double SILENCE_DB = -80;

    /** Values per window. */
    public static final int PER_BAND = 4;

    public SegmentFeatures {
        if (windowFrames < 2) throw new IllegalArgumentException("windowFrames must be >= 2, got " + windowFrames);
        if (bands < 1) throw new IllegalArgumentException("bands must be >= 1, got " + bands);
        if (!(minActive >= 0 && minActive <= 1)) throw new IllegalArgumentException("minActive must be in [0, 1], got " + minActive);
        if (!(levelFloorDb >= 0)) throw new IllegalArgumentException("levelFloorDb must be >= 0 (0 = absolute levels), got " + levelFloorDb);
    }

    /** Absolute levels (the features of classifiers saved before level normalisation). */
    public SegmentFeatures(int windowFrames, int bands, double activeDb, double minActive) {
        this(windowFrames, bands, activeDb, minActive, 0);
    }

    public int size() { return bands * PER_BAND; }

    /** One window's features and where it starts. */
    public record Window(int startFrame, double[] features) { }

    /**
     * Features of every active window starting at frames 0, hop, 2·hop, … . A clip shorter than
     * one window is treated as one window of its own length when it has at least 2 frames.
     */
    public List<Window> windows(Spectrogram spec, int hop) {
        if (hop < 1) throw new IllegalArgumentException("hop must be >= 1, got " + hop);
        if (spec.bins() % bands != 0)
            throw new IllegalArgumentException("spectrogram has " + spec.bins() + " mel bins, not a multiple of " + bands + " bands");
        double[][] db = toDb(spec);
        boolean[] audible = activeFrames(db, SILENCE_DB);
        if (levelFloorDb > 0) relativeToPeak(db);
        boolean[] active = activeFrames(db, activeDb);
        for (int t = 0; t < active.length; t++) active[t] &= audible[t];
        int len = Math.min(windowFrames, spec.frames());
        List<Window> out = new ArrayList<>();
        if (len < 2) return out;
        for (int start = 0; start + len <= spec.frames(); start += hop) {
            int n = 0;
            for (int t = start; t < start + len; t++) if (active[t]) n++;
            if (n < minActive * len || n == 0) continue;
            out.add(new Window(start, summarise(db, start, len)));
        }
        return out;
    }

    /** Spectrogram values back to dB: frame-major {@code [frame][bin]}. */
    static double[][] toDb(Spectrogram spec) {
        double half = -spec.config().minDb() / 2;   // y = dB / half + 1 (docs/ARCHITECTURE.md, "Audio conventions")
        double[][] db = new double[spec.frames()][spec.bins()];
        for (int bin = 0; bin < spec.bins(); bin++)
            for (int t = 0; t < spec.frames(); t++) db[t][bin] = (spec.get(bin, t) - 1) * half;
        return db;
    }

    /** Levels re the loudest bin, floored {@code levelFloorDb} below it: the same for any playback gain. */
    private void relativeToPeak(double[][] db) {
        double peak = Double.NEGATIVE_INFINITY;
        for (double[] row : db) for (double v : row) peak = Math.max(peak, v);
        for (double[] row : db)
            for (int i = 0; i < row.length; i++) row[i] = Math.max(-levelFloorDb, row[i] - peak);
    }

    private static boolean[] activeFrames(double[][] db, double thresholdDb) {
        boolean[] a = new boolean[db.length];
        for (int t = 0; t < db.length; t++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : db[t]) max = Math.max(max, v);
            a[t] = max >= thresholdDb;
        }
        return a;
    }

    private double[] summarise(double[][] db, int start, int len) {
        int bins = db[0].length, per = bins / bands;
        double[][] band = new double[len][bands];   // pooled level per frame
        double[][] contrast = new double[len][bands];
        for (int t = 0; t < len; t++) {
            double[] row = db[start + t];
            for (int k = 0; k < bands; k++) {
                double sum = 0, max = Double.NEGATIVE_INFINITY;
                for (int j = k * per; j < (k + 1) * per; j++) { sum += row[j]; max = Math.max(max, row[j]); }
                band[t][k] = sum / per;
                contrast[t][k] = max - sum / per;
            }
        }
        double overall = 0;
        for (double[] r : band) for (double v : r) overall += v;
        overall /= (double) len * bands;
        double[] f = new double[size()];
        for (int k = 0; k < bands; k++) {
            double mean = 0, c = 0;
            for (int t = 0; t < len; t++) { mean += band[t][k]; c += contrast[t][k]; }
            mean /= len;
            double var = 0, delta = 0;
            for (int t = 0; t < len; t++) {
                var += (band[t][k] - mean) * (band[t][k] - mean);
                if (t > 0) delta += Math.abs(band[t][k] - band[t - 1][k]);
            }
            f[k] = (mean - overall) / 50;
            f[bands + k] = Math.sqrt(var / len) / 50;
            f[2 * bands + k] = delta / (len - 1) / 50;
            f[3 * bands + k] = c / len / 50;
        }
        return f;
    }
}
