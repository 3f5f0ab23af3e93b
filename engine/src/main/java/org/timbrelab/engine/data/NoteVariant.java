package org.timbrelab.engine.data;

import java.util.Random;

/**
 * How one rendered note differs from the plain one, so a note set is not a single timbre repeated:
 * modulation wheel (CC1, the soundfont's vibrato depth), a slight detune through pitch bend, and
 * expression (CC11, level and, in many soundfonts, brightness).
 */
public record NoteVariant(int modulation, double detuneCents, int expression) {
    public static final NoteVariant PLAIN = new NoteVariant(0, 0, 127);

    public NoteVariant {
        if (modulation < 0 || modulation > 127) throw new IllegalArgumentException("modulation must be 0-127, got " + modulation);
        if (expression < 1 || expression > 127) throw new IllegalArgumentException("expression must be 1-127, got " + expression);
        if (Math.abs(detuneCents) > 50) throw new IllegalArgumentException("detune must be within ±50 cents, got " + detuneCents);
    }

    /** A random variant: some vibrato, up to ±12 cents, expression 80-127. */
    public static NoteVariant random(Random rng) {
        return new NoteVariant(rng.nextInt(90), (rng.nextDouble() * 2 - 1) * 12, 80 + rng.nextInt(48));
    }
}
