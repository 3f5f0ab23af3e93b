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

    /** model | ablation | baseline — how the row is labelled in the table. */
    String kind();

    /** Converts {@code input} into {@code domain}. */
    Output convert(AudioClip input, String domain);

    /**
     * @param audio     the output before any loudness-envelope step
     * @param enveloped the output after the envelope step ({@code audio} itself when there is none)
     * @param octaves   the register shift k applied to the input (f0 is expected at input f0 × 2^k)
     */
    record Output(AudioClip audio, AudioClip enveloped, int octaves) {
        public static Output plain(AudioClip audio, int octaves) { return new Output(audio, audio, octaves); }
    }
}
