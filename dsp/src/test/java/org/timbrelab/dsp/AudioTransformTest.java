package org.timbrelab.dsp;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class AudioTransformTest {

    private final AudioTransform tf = new AudioTransform(SpectrogramConfig.DEFAULT);

    private static float max(Spectrogram s) {
        float m = -2;
        for (float v : s.values()) m = Math.max(m, v);
        return m;
    }

    @Test void fullScaleSinesNeverSaturateAndComeCloseToZeroDb() {
        float loudest = -2;
        for (double hz = 40; hz < 8000; hz *= 1.0473) {   // ~ quarter-tone steps over the whole range
            Spectrogram s = tf.forward(new AudioClip(Signals.sine(hz, 1.0, 16000, 4096), 16000));
            float m = max(s);
            assertTrue(m < 1f, hz + " Hz reaches the 0 dB ceiling: y=" + m);
            loudest = Math.max(loudest, m);
        }
        // the reference is a bound, not wildly loose: the loudest full-scale sine is within 6 dB of it
        assertTrue(loudest > 1 - 6 / 50f, "loudest full-scale sine only at y=" + loudest);
    }

    @Test void valuesAreInRangeShapeIsMelByFramesAndSilenceIsTheFloor() {
        Spectrogram s = tf.forward(new AudioClip(new float[16000], 16000));
        assertEquals(128, s.bins());
        assertEquals(1 + 16000 / 256, s.frames());
        for (float v : s.values()) assertEquals(-1f, v);
    }

    @Test void loudnessIsKeptNotNormalisedPerClip() {
        float[] loud = Signals.harmonic(220, 10, 16000, 16000);
        float[] quiet = new float[loud.length];
        for (int i = 0; i < loud.length; i++) quiet[i] = loud[i] * 0.1f;   // −20 dB
        Spectrogram a = tf.forward(new AudioClip(loud, 16000)), b = tf.forward(new AudioClip(quiet, 16000));
        // -20 dB is -0.4 in y wherever neither is at the floor
        int checked = 0;
        for (int i = 0; i < a.values().length; i++)
            if (b.values()[i] > -0.9f) { assertEquals(-0.4f, b.values()[i] - a.values()[i], 1e-3f); checked++; }
        assertTrue(checked > 1000);
    }

    @Test void normaliseMapsDbLinearlyAndDenormaliseInvertsIt() {
        double ref = tf.referenceMagnitude();
        assertEquals(1f, tf.normalise(ref), 1e-6);
        assertEquals(0f, tf.normalise(ref * 1e-50 / 1e-50 * Math.pow(10, -50 / 20.0)), 1e-6);
        assertEquals(-1f, tf.normalise(ref * 1e-6), 1e-6);
        assertEquals(-1f, tf.normalise(0), 1e-6);
        assertEquals(ref * Math.pow(10, -30 / 20.0), tf.denormalise(0.4f), ref * 1e-6);
    }

    @Test void octaveShiftMovesA220HzToneToTheMelBandOf440AndOf880() {
        AudioClip clip = new AudioClip(Signals.sine(220, 0.5, 16000, 16000), 16000);
        int plain = loudestBand(tf.forward(clip)), up1 = loudestBand(tf.forward(clip, 1)), up2 = loudestBand(tf.forward(clip, 2));
        int ref440 = loudestBand(tf.forward(new AudioClip(Signals.sine(440, 0.5, 16000, 16000), 16000)));
        int ref880 = loudestBand(tf.forward(new AudioClip(Signals.sine(880, 0.5, 16000, 16000), 16000)));
        assertNotEquals(plain, up1);
        assertEquals(ref440, up1, 1);
        assertEquals(ref880, up2, 1);
        int down1 = loudestBand(tf.forward(new AudioClip(Signals.sine(440, 0.5, 16000, 16000), 16000), -1));
        assertEquals(plain, down1, 1);
    }

    @Test void shiftStretchesBinsByInterpolation() {
        float[] v = new float[513];
        v[10] = 1;
        MagnitudeSpectrogram m = new MagnitudeSpectrogram(v, 1, 513, 16000, 1024, 256);
        MagnitudeSpectrogram up = AudioTransform.shiftOctaves(m, 1);
        assertEquals(1f, up.get(20, 0));
        assertEquals(0.5f, up.get(19, 0));
        assertEquals(0.5f, up.get(21, 0));
        assertEquals(0f, up.get(22, 0));
        assertEquals(1f, AudioTransform.shiftOctaves(m, -1).get(5, 0));
    }

    @Test void wrongSampleRateFailsWithAdvice() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tf.forward(new AudioClip(new float[100], 44100)));
        assertTrue(e.getMessage().contains("loadMono"));
    }

    @Test void oneTransformServesSeveralThreadsWithIdenticalResults() throws Exception {
        AudioClip clip = new AudioClip(Signals.harmonic(150, 20, 16000, 24000), 16000);
        Spectrogram serial = tf.forward(clip);
        AudioClip serialBack = tf.invert(serial);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int i = 0; i < 8; i++)
                futures.add(pool.submit(() -> java.util.Arrays.equals(serial.values(), tf.forward(clip).values())
                        && java.util.Arrays.equals(serialBack.samples(), tf.invert(serial).samples())));
            for (var f : futures) assertTrue(f.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static int loudestBand(Spectrogram s) {
        int t = s.frames() / 2, best = 0;
        for (int b = 1; b < s.bins(); b++) if (s.get(b, t) > s.get(best, t)) best = b;
        return best;
    }

    /** A vowel-like 120-Hz tone, then hiss tilted up as an "s" is (a fricative), then a 70-Hz rumble as long (room noise). */
    private static MagnitudeSpectrogram vowelHissRumble(double vowelSeconds, double noiseSeconds) {
        float[] vowel = TestSignals.harmonicTone(120, 12, 0.4, vowelSeconds, 7).samples();
        float[] hiss = TestSignals.whiteNoise(0.05, noiseSeconds, 8).samples();
        float[] rumble = TestSignals.sine(70, 0.05, noiseSeconds).samples();
        for (int i = hiss.length - 1; i > 0; i--) hiss[i] -= 0.9f * hiss[i - 1];
        return new AudioTransform(SpectrogramConfig.DEFAULT).magnitude(TestSignals.concat(vowel, hiss, rumble));
    }

    /**
     * A vowel-like tone, then hiss (a fricative), then low rumble (room noise), moved up two octaves: the plain stretch
     * drops the hiss above 2 kHz and lifts the rumble into the ear's band; the loudness-keeping shift leaves every frame
     * as loud as it was and the same shape as the plain stretch.
     */
    @Test void aLoudnessKeepingShiftLeavesEachFrameAsLoudAsItWas() {
        MagnitudeSpectrogram m = vowelHissRumble(0.4, 0.4);
        MagnitudeSpectrogram plain = AudioTransform.shiftOctaves(m, 2), kept = AudioTransform.shiftOctavesKeepingLoudness(m, 2);
        Loudness loudness = new Loudness();
        float[] before = loudness.aWeightedDb(m), afterPlain = loudness.aWeightedDb(plain), afterKept = loudness.aWeightedDb(kept);
        int seg = m.frames() / 3;
        double worstPlain = 0;
        for (int t = 0; t < m.frames(); t++) {
            assertEquals(before[t], afterKept[t], 0.1, "frame " + t); // the shift weighs the Nyquist bin as Loudness does not (aWeightPerBin)
            worstPlain = Math.max(worstPlain, Math.abs(afterPlain[t] - before[t]));
        }
        assertTrue(worstPlain > 10, "the plain stretch should change some frame's loudness by over 10 dB, at most " + worstPlain);
        // the hiss loses loudness in the plain stretch (its energy above 2 kHz is gone), the rumble gains
        assertTrue(afterPlain[seg + seg / 2] < before[seg + seg / 2] - 3, "hiss");
        assertTrue(afterPlain[2 * seg + seg / 2] > before[2 * seg + seg / 2] + 3, "rumble");
        // the shape within each frame is the plain stretch's: one gain per frame
        for (int t : new int[] {seg / 2, seg + seg / 2, 2 * seg + seg / 2}) {
            float g = kept.get(40, t) / plain.get(40, t);
            for (int b = 1; b < m.bins() / 4; b++) assertEquals(plain.get(b, t) * g, kept.get(b, t), 1e-4f * (1 + kept.get(b, t)), "frame " + t + " bin " + b);
        }
    }

    /**
     * The same vowel, hiss and rumble with the boost capped at 0 dB: the rumble the stretch made louder is brought back to
     * its own level, the hiss the stretch made quieter stays as quiet as the stretch left it — every frame at the
     * quieter of the two — and a capped shift is never louder than the plain stretch or the input.
     */
    @Test void aShiftWhoseBoostIsCappedAtZeroOnlyTakesBackLoudnessTheStretchAdded() {
        MagnitudeSpectrogram m = vowelHissRumble(0.4, 0.4);
        MagnitudeSpectrogram plain = AudioTransform.shiftOctaves(m, 2);
        MagnitudeSpectrogram capped = AudioTransform.shiftOctaves(m, 2, new ShiftLoudness(true, 0));
        MagnitudeSpectrogram six = AudioTransform.shiftOctaves(m, 2, new ShiftLoudness(true, 6));
        Loudness loudness = new Loudness();
        float[] before = loudness.aWeightedDb(m), afterPlain = loudness.aWeightedDb(plain);
        float[] afterCapped = loudness.aWeightedDb(capped), afterSix = loudness.aWeightedDb(six);
        int seg = m.frames() / 3, hissFrame = seg + seg / 2, rumbleFrame = 2 * seg + seg / 2;
        for (int t = 0; t < m.frames(); t++) {
            assertEquals(Math.min(before[t], afterPlain[t]), afterCapped[t], 0.1, "frame " + t);
            assertTrue(afterSix[t] <= afterPlain[t] + 6.1, "frame " + t + " raised by more than 6 dB");
        }
        assertEquals(afterPlain[hissFrame], afterCapped[hissFrame], 0.01, "the hiss stays as quiet as the stretch left it");
        assertTrue(afterSix[hissFrame] > afterPlain[hissFrame] + 5.9, "a 6-dB cap raises the hiss by 6 dB");
        assertEquals(before[rumbleFrame], afterCapped[rumbleFrame], 0.1, "the rumble is brought back to its own level");
        assertEquals(ShiftLoudness.KEEP, ShiftLoudness.of(true));
        assertThrows(IllegalArgumentException.class, () -> new ShiftLoudness(true, -1));
    }

    /**
     * A long vowel, hiss and rumble with the cap counted from the clip's typical gain (the vowel's, its loud frames being
     * most of them): the vowel and the rumble keep their own loudness, and the hiss is scaled by the vowel's gain — so it
     * stays as far under the vowel as the plain stretch left it, rather than as loud as it was.
     */
    @Test void aShiftCappedAtTheClipsGainKeepsTheStretchsBalanceBetweenVowelAndHiss() {
        MagnitudeSpectrogram m = vowelHissRumble(0.8, 0.3);
        int rate = SpectrogramConfig.DEFAULT.sampleRate();
        int vowelLength = (int) Math.round(0.8 * rate), hissLength = (int) Math.round(0.3 * rate), rumbleLength = hissLength;
        MagnitudeSpectrogram plain = AudioTransform.shiftOctaves(m, 2);
        MagnitudeSpectrogram relative = AudioTransform.shiftOctaves(m, 2, new ShiftLoudness(true, 0, true));
        Loudness loudness = new Loudness();
        float[] before = loudness.aWeightedDb(m), afterPlain = loudness.aWeightedDb(plain), after = loudness.aWeightedDb(relative);
        int hop = SpectrogramConfig.DEFAULT.hopLength();
        int vowelFrame = vowelLength / 2 / hop, hissFrame = (vowelLength + hissLength / 2) / hop;
        int rumbleFrame = (vowelLength + hissLength + rumbleLength / 2) / hop;
        double vowelGain = before[vowelFrame] - afterPlain[vowelFrame];
        assertEquals(before[vowelFrame], after[vowelFrame], 0.2, "the vowel keeps its loudness");
        assertEquals(afterPlain[hissFrame] + vowelGain, after[hissFrame], 0.5, "the hiss moves with the vowel");
        assertTrue(after[hissFrame] < before[hissFrame] - 5, "the hiss stays quieter than it was: " + after[hissFrame] + " vs " + before[hissFrame]);
        assertEquals(before[rumbleFrame], after[rumbleFrame], 0.2, "the rumble the stretch lifted more than the vowel comes back down");
    }
}
