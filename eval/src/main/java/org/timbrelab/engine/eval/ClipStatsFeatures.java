package org.timbrelab.engine.eval;

import org.timbrelab.dsp.Spectrogram;

/**
 * Whole-clip timbre statistics, the input of {@link ClipStatsListener}. Every active frame's
 * log-mel spectrum is taken relative to that frame's own loudest bin and floored
 * {@code floorDb} below it, so neither the clip's gain nor its loudness envelope (syllables,
 * note attacks, an imposed envelope) changes a frame's shape. Over the active frames the clip
 * is summarised by, per pooled band, the mean and standard deviation of that relative level,
 * and, of the first {@code nMfcc} cepstral coefficients of the relative spectrum, the mean, the
 * standard deviation and the mean absolute change between neighbouring frames (how fast the
 * spectral shape moves: formants glide and consonants burst; a bowed note holds). Values are dB / 50.
 *
 * <p>A frame is active when its loudest bin is within {@code activeDb} of the clip's loudest
 * bin (and above the absolute silence of {@link SegmentFeatures#SILENCE_DB}). The default, 20 dB, keeps the frames
 * that carry the sound and leaves out pauses, breaths and the noise floor, where a hum or a room would be all there
 * is to hear (study section 23: at 50 dB a voice over a hum 30 dB down was "cello").
 *
 * @param bands    pooled bands (must divide the mel bins)
 * @param nMfcc    cepstral coefficients
 * @param floorDb  relative levels are floored this many dB below the frame's peak
 * @param activeDb frames more than this many dB under the clip's peak are left out
 */
public record ClipStatsFeatures(int bands, int nMfcc, double floorDb, double activeDb) {

    public static final ClipStatsFeatures DEFAULT = new ClipStatsFeatures(32, 20, 60, 20);

    public ClipStatsFeatures {
        if (bands < 1 || nMfcc < 1) throw new IllegalArgumentException("bands and nMfcc must be >= 1, got " + bands + ", " + nMfcc);
        if (!(floorDb > 0 && activeDb > 0)) throw new IllegalArgumentException("floorDb and activeDb must be > 0");
    }

    public int size() { return 2 * bands + 3 * nMfcc; }

    /** Features of the whole clip, or null when no frame is active. */
    public double[] of(Spectrogram spec) { return of(spec, 0, spec.frames()); }

    /** Features of frames [from, to), or null when none of them is active. */
    public double[] of(Spectrogram spec, int from, int to) {
        int bins = spec.bins();
        if (bins % bands != 0) throw new IllegalArgumentException("spectrogram has " + bins + " mel bins, not a multiple of " + bands + " bands");
        if (nMfcc > bins) throw new IllegalArgumentException("nMfcc " + nMfcc + " exceeds the " + bins + " mel bins");
        if (from < 0 || to > spec.frames() || from >= to) return null;
        double[][] db = SegmentFeatures.toDb(spec.sliceFrames(from, to));
        double[] frameMax = new double[db.length];
        double peak = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < db.length; t++) {
            double m = Double.NEGATIVE_INFINITY;
            for (double v : db[t]) m = Math.max(m, v);
            frameMax[t] = m;
            peak = Math.max(peak, m);
        }
        double[][] basis = MfccEmbedding.dctBasis(nMfcc, bins);
        int per = bins / bands, n = 0;
        double[] bandSum = new double[bands], bandSq = new double[bands];
        double[] cSum = new double[nMfcc], cSq = new double[nMfcc], dSum = new double[nMfcc];
        double[] prev = null;
        int deltas = 0;
        double[] rel = new double[bins];
        for (int t = 0; t < db.length; t++) {
            if (frameMax[t] < SegmentFeatures.SILENCE_DB || frameMax[t] < peak - activeDb) { prev = null; continue; }
            n++;
            for (int b = 0; b < bins; b++) rel[b] = Math.max(-floorDb, db[t][b] - frameMax[t]) / 50;
            for (int k = 0; k < bands; k++) {
                double s = 0;
                for (int j = k * per; j < (k + 1) * per; j++) s += rel[j];
                s /= per;
                bandSum[k] += s;
                bandSq[k] += s * s;
            }
            double[] c = new double[nMfcc];
            for (int k = 0; k < nMfcc; k++) {
                double s = 0;
                for (int b = 0; b < bins; b++) s += basis[k][b] * rel[b];
                c[k] = s;
                cSum[k] += s;
                cSq[k] += s * s;
                if (prev != null) dSum[k] += Math.abs(s - prev[k]);
            }
            if (prev != null) deltas++;
            prev = c;   // a silent gap breaks the chain: a change across a pause is not a spectral motion
        }
        if (n == 0) return null;
        double[] f = new double[size()];
        for (int k = 0; k < bands; k++) {
            double m = bandSum[k] / n;
            f[k] = m;
            f[bands + k] = Math.sqrt(Math.max(0, bandSq[k] / n - m * m));
        }
        int o = 2 * bands;
        for (int k = 0; k < nMfcc; k++) {
            double m = cSum[k] / n;
            f[o + k] = m;
            f[o + nMfcc + k] = Math.sqrt(Math.max(0, cSq[k] / n - m * m));
            f[o + 2 * nMfcc + k] = deltas == 0 ? 0 : dSum[k] / deltas;
        }
        return f;
    }
}
