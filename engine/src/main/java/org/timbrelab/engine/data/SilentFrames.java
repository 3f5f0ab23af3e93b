package org.timbrelab.engine.data;

import org.timbrelab.dsp.Spectrogram;

/**
 * Drops the silent frames of a chunk: those whose loudest mel band lies more than {@code gapDb} under the chunk's
 * loudest value. Speech pauses then never reach a crop, so every domain's crops are sound from edge to edge, as a
 * played phrase is; without this a voice crop is often half silence that no instrument crop has.
 */
final class SilentFrames {
    private SilentFrames() { }

    /** Which frames to keep; {@code gapDb} in dB, compared on the spectrogram's normalised scale. */
    static boolean[] audible(Spectrogram s, double gapDb) {
        double limit = 2 * gapDb / -s.config().minDb();   // values span [-1, 1] over |minDb| dB
        float[] v = s.values();
        float[] frameMax = new float[s.frames()];
        java.util.Arrays.fill(frameMax, -Float.MAX_VALUE);
        float max = -Float.MAX_VALUE;
        for (int b = 0; b < s.bins(); b++)
            for (int t = 0; t < s.frames(); t++) {
                float x = v[b * s.frames() + t];
                if (x > frameMax[t]) frameMax[t] = x;
                if (x > max) max = x;
            }
        boolean[] keep = new boolean[s.frames()];
        for (int t = 0; t < keep.length; t++) keep[t] = frameMax[t] > max - limit;
        return keep;
    }

    static int count(boolean[] keep) {
        int n = 0;
        for (boolean k : keep) if (k) n++;
        return n;
    }

    /** The kept frames of {@code s}, in order (bin-major, as every spectrogram). */
    static Spectrogram keep(Spectrogram s, boolean[] keep) {
        int n = count(keep);
        float[] out = new float[s.bins() * n];
        for (int b = 0; b < s.bins(); b++)
            for (int t = 0, j = 0; t < s.frames(); t++)
                if (keep[t]) out[b * n + j++] = s.values()[b * s.frames() + t];
        return new Spectrogram(out, s.bins(), n, s.config());
    }

    /** The kept entries of a per-frame track (null stays null). */
    static float[] keep(float[] track, boolean[] keep) {
        if (track == null) return null;
        float[] out = new float[count(keep)];
        for (int t = 0, j = 0; t < keep.length; t++) if (keep[t]) out[j++] = track[t];
        return out;
    }
}
