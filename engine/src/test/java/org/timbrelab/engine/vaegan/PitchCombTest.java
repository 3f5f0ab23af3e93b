package org.timbrelab.engine.vaegan;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PitchCombTest {
    /** A two-frame consonant between 200 and 400 Hz glides an octave in equal ratios: 200·2^(1/3), 200·2^(2/3). */
    @Test void aShortGapGlidesGeometricallyBetweenItsNeighbours() {
        float[] f0 = {200, 0, 0, 400};
        float[] expected = {200, (float) (200 * Math.pow(2, 1 / 3.0)), (float) (200 * Math.pow(2, 2 / 3.0)), 400};
        assertArrayEquals(expected, PitchComb.bridged(f0, 2), 1e-3f);
    }

    /** A pause longer than the bridge, and unvoiced frames before the first or after the last voiced one, stay unvoiced. */
    @Test void longGapsAndTheEndsStayUnvoiced() {
        float[] f0 = {0, 220, 0, 0, 0, 220, 0, 220, Float.NaN, 0};
        float[] expected = {0, 220, 0, 0, 0, 220, 220, 220, Float.NaN, 0};
        assertArrayEquals(expected, PitchComb.bridged(f0, 2), 1e-4f);
        assertArrayEquals(f0, PitchComb.bridged(f0, 0), 0f);
        assertThrows(IllegalArgumentException.class, () -> PitchComb.bridged(f0, -1));
    }
}
