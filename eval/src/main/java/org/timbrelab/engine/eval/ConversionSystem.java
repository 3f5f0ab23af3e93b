package org.timbrelab.engine.eval;

import org.timbrelab.dsp.AudioClip;

/**
 * Something that turns an input clip into a clip of a target domain: the model with some
 * settings (a row of the table), an ablation, or the no-model baseline. Evaluation scores every
 * system the same way, so the effect of each design choice is a measured difference.
 */
public interface ConversionSystem {

    /** Row name, e.g. "model (register auto, PGHI)". */
    String name();

    /** model | ablation | baseline | reference | oracle — how the row is labelled in the table. */
    String kind();

    /** Whether it has outputs for {@code domain} (pre-converted outputs may hold some targets only). */
    default boolean covers(String domain) { return true; }

    /** Converts {@code input} into {@code domain}. */
    Output convert(AudioClip input, String domain);

    /**
     * @param audio     the output before any loudness-envelope step
     * @param enveloped the output after the envelope step ({@code audio} itself when there is none)
     * @param octaves   the register shift k applied to the input (f0 is expected at input f0 × 2^k), or
     *                  {@link #UNKNOWN_OCTAVES}: then cents error and octave flips are not measured
     */
    record Output(AudioClip audio, AudioClip enveloped, int octaves) {
        /** The shift of an output made elsewhere (e.g. the PyTorch reference), which does not say it. */
        public static final int UNKNOWN_OCTAVES = Integer.MIN_VALUE;

        public static Output plain(AudioClip audio, int octaves) { return new Output(audio, audio, octaves); }

        public boolean octavesKnown() { return octaves != UNKNOWN_OCTAVES; }
    }
}
