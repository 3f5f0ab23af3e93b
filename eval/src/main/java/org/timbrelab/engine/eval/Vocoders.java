package org.timbrelab.engine.eval;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.PhaseMethod;

/**
 * Vocoder round trips (forward to the model's log-mel image, invert with a phase method): the
 * ceiling rows (real clips through the vocoder), the no-model baseline (the input voice through
 * the vocoder, which must not count as an instrument) and the garbling used for "other".
 */
public final class Vocoders {
    private Vocoders() { }

    public static String label(PhaseMethod m) {
        return m.kind() == PhaseMethod.Kind.PGHI ? "PGHI" : "GL-" + m.iterations();
    }

    /** Real clips → forward → invert: "vocoder ceiling (PGHI)". */
    public static RoundTrip ceiling(AudioTransform t, PhaseMethod m) {
        return new RoundTrip("vocoder-resynthesised real (" + label(m) + ")", c -> t.invert(t.forward(c), m));
    }

    /** The input itself through the vocoder, whatever the target: the no-model baseline. */
    public static ConversionSystem noModelBaseline(AudioTransform t, PhaseMethod m) {
        return new ConversionSystem() {
            // the same output serves every target domain: vocode each input once
            private final java.util.Map<AudioClip, AudioClip> done = new java.util.IdentityHashMap<>();

            @Override public String name() { return "no model: input → vocoder (" + label(m) + ")"; }
            @Override public String kind() { return "baseline"; }
            @Override public synchronized Output convert(AudioClip input, String domain) {
                return Output.plain(done.computeIfAbsent(input, c -> t.invert(t.forward(c), m)), 0);
            }
        };
    }

    /** A deliberately poor round trip (Griffin-Lim, 1 iteration): phasey, smeared speech for "other". */
    public static java.util.function.UnaryOperator<AudioClip> garbling(AudioTransform t) {
        return c -> t.invert(t.forward(c), PhaseMethod.griffinLim(1));
    }
}
