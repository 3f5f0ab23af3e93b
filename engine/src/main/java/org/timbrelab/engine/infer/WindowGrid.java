package org.timbrelab.engine.infer;

/**
 * Overlapping windows over a long image, so conversion stays close to the training crop size (the
 * instance norms see window-sized statistics) and memory stays bounded. Windows of
 * {@code min(window, frames)} frames start every {@code window − overlap} frames; the last one is
 * moved back to end exactly at the last frame, so no window sees padding (padding would change
 * its normalisation statistics). Stitching cross-fades each overlap with complementary linear ramps.
 */
public record WindowGrid(int frames, int window, int overlap) {

    public WindowGrid {
        if (frames < 1) throw new IllegalArgumentException("need at least one frame, got " + frames);
        if (window < 1 || overlap < 0 || overlap >= window) throw new IllegalArgumentException("need 0 <= overlap < window, got " + overlap + ", " + window);
    }

    /** Frames per window: the window, or the whole image when it is shorter. */
    public int width() { return Math.min(window, frames); }

    public int hop() { return window - overlap; }

    public int count() {
        return frames <= window ? 1 : 1 + (frames - window + hop() - 1) / hop();
    }

    public int start(int i) {
        return i == count() - 1 ? frames - width() : i * hop();
    }

    /** The same grid in units {@code factor} times larger (spectrogram → latent frames); sizes must divide. */
    public WindowGrid scaled(int factor) {
        if (frames % factor != 0 || window % factor != 0 || overlap % factor != 0)
            throw new IllegalArgumentException("frames, window and overlap must be multiples of " + factor);
        return new WindowGrid(frames / factor, window / factor, overlap / factor);
    }

    /** Cross-fade weight of frame j (0 ≤ j < width) of window i. */
    public float weight(int i, int j) {
        int w = width();
        float out = 1f;
        if (i > 0) {
            int left = start(i - 1) + w - start(i);
            if (j < left) out = Math.min(out, (j + 0.5f) / left);
        }
        if (i < count() - 1) {
            int right = start(i) + w - start(i + 1);
            if (j >= w - right) out = Math.min(out, (w - j - 0.5f) / right);
        }
        return out;
    }

    /** Copies every window of a rows × frames image (row-major) into one (count, rows, width) array. */
    public float[] cut(float[] image, int rows) {
        int n = count(), w = width();
        float[] out = new float[n * rows * w];
        for (int i = 0; i < n; i++) {
            int s = start(i);
            for (int r = 0; r < rows; r++) System.arraycopy(image, r * frames + s, out, (i * rows + r) * w, w);
        }
        return out;
    }

    /** Cross-fades (count, rows, width) window outputs back into a rows × frames image. */
    public float[] stitch(float[] windows, int rows) {
        int n = count(), w = width();
        float[] acc = new float[rows * frames];
        float[] norm = new float[frames];
        for (int i = 0; i < n; i++) {
            int s = start(i);
            for (int j = 0; j < w; j++) norm[s + j] += weight(i, j);
            for (int r = 0; r < rows; r++) {
                int o = (i * rows + r) * w;
                for (int j = 0; j < w; j++) acc[r * frames + s + j] += weight(i, j) * windows[o + j];
            }
        }
        for (int r = 0; r < rows; r++) for (int t = 0; t < frames; t++) acc[r * frames + t] /= norm[t];
        return acc;
    }
}
