package org.timbrelab.engine.vaegan.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.Shape;

import java.util.Random;

/**
 * Spectral-tilt augmentation ({@code domains[i].tiltDb}): each crop gets its own random smooth gain curve over the mel
 * bins, a tilt of up to ±maxDb between the lowest and highest bin plus one slow ripple of up to ±maxDb/2, the same in
 * every frame. A darker or brighter voice is the same voice saying the same melody; seeing both in training is meant to
 * keep the encoder and generators from carrying the input's brightness into the target's timbre (a dark voice's violin
 * was heard as a flute). Tried on the voice domain, it did not lift the violin (docs/study-n-domains.md, "Brightness of
 * the input voice"). Floored bins (silence) stay floored, and values stay in [−1, 1].
 */
final class TiltAugment {
    private TiltAugment() { }

    /**
     * @param crops    (B, 1, mels, T) log-mel crops in [−1, 1], −1 = the floor
     * @param maxDb    largest tilt in dB (> 0)
     * @param dbPerUnit dB per unit of the crops' scale (−minDb / 2 for {@link org.timbrelab.dsp.SpectrogramConfig})
     */
    static NDArray apply(NDArray crops, double maxDb, double dbPerUnit, Random rng) {
        long[] s = crops.getShape().getShape();
        int b = (int) s[0], mels = (int) s[2];
        float[] gains = new float[b * mels];
        for (int i = 0; i < b; i++) {
            double tilt = (2 * rng.nextDouble() - 1) * maxDb;
            double ripple = (2 * rng.nextDouble() - 1) * maxDb / 2;
            double cycles = 0.5 + rng.nextDouble(); // half to one and a half periods over the mel axis
            double phase = rng.nextDouble() * 2 * Math.PI;
            for (int m = 0; m < mels; m++) {
                double u = mels == 1 ? 0 : (double) m / (mels - 1) - 0.5;
                gains[i * mels + m] = (float) ((tilt * u + ripple * Math.sin(2 * Math.PI * cycles * u + phase)) / dbPerUnit);
            }
        }
        NDArray g = crops.getManager().create(gains, new Shape(b, 1, mels, 1));
        NDArray moved = crops.add(g).clip(-1f, 1f);
        return NDArrays.where(crops.gt(-1f + 1e-6f), moved, crops);
    }
}
