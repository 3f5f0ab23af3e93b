package org.timbrelab.dsp;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * Spectral convergence (SC, dB, lower is better) of phase reconstruction on a harmonic test tone
 * (220 Hz, 20 partials at 1/h, 5-Hz ±1 % vibrato, 2 s at 16 kHz; {@link Signals#harmonic}), default
 * config (nFft 1024, hop 256). Measured when written (2026-11-26):
 * <pre>
 *   from the true linear magnitude:   PGHI −38.1 dB   PGHI+8 GL −42.9 dB   GL-32 −20.1 dB   GL-100 −26.6 dB
 *   from the 128-band log-mel image:  PGHI −17.7 dB   PGHI+8 GL −17.0 dB   GL-32 −14.9 dB   (mel → linear alone −16.5 dB)
 * </pre>
 * On flite speech (5.5 s) from the true magnitude PGHI −19.4 dB, GL-32 −24.5 dB, PGHI+8 GL −27.0 dB;
 * from mel PGHI −15.1 dB, GL-32 −16.9 dB, PGHI+8 GL −17.5 dB. The thresholds below leave a few dB of margin.
 */
class PhaseReconstructionTest {

    private final AudioTransform tf = new AudioTransform(SpectrogramConfig.DEFAULT);
    private final AudioClip tone = new AudioClip(Signals.harmonic(220, 20, 16000, 32000), 16000);

    private double sc(AudioClip y) { return SpectralConvergence.db(tf.stft(), tone, y); }

    @Test void pghiRecoversHarmonicPhaseToBelowMinusThirtyDb() {
        double sc = sc(tf.invertMagnitude(tf.magnitude(tone), PhaseMethod.PGHI));
        assertTrue(sc < -30, "PGHI SC " + sc + " dB");
    }

    @Test void pghiBeatsGriffinLim32OnHarmonics() {
        MagnitudeSpectrogram m = tf.magnitude(tone);
        double pghi = sc(tf.invertMagnitude(m, PhaseMethod.PGHI));
        double gl = sc(tf.invertMagnitude(m, PhaseMethod.GRIFFIN_LIM_32));
        assertTrue(gl < -15, "GL-32 SC " + gl + " dB");
        assertTrue(pghi < gl - 10, "PGHI " + pghi + " dB vs GL-32 " + gl + " dB");
    }

    @Test void momentumMakesGriffinLimConvergeFaster() {
        // measured: 32 iterations without momentum −15.3 dB, with 0.99 −20.1 dB
        MagnitudeSpectrogram m = tf.magnitude(tone);
        float[] plain = new GriffinLim(tf.stft(), 0.0).reconstruct(m.values(), m.frames(), null, 32);
        float[] fast = new GriffinLim(tf.stft()).reconstruct(m.values(), m.frames(), null, 32);
        double scPlain = sc(new AudioClip(plain, 16000)), scFast = sc(new AudioClip(fast, 16000));
        assertTrue(scFast < scPlain - 3, "fast GL " + scFast + " dB vs plain GL " + scPlain + " dB");
    }

    @Test void griffinLimRefinementAfterPghiImprovesIt() {
        MagnitudeSpectrogram m = tf.magnitude(tone);
        double plain = sc(tf.invertMagnitude(m, PhaseMethod.PGHI)), refined = sc(tf.invertMagnitude(m, PhaseMethod.pghi(8)));
        assertTrue(refined < plain - 2, "PGHI " + plain + " dB, PGHI+8 " + refined + " dB");
    }

    @Test void invertingTheLogMelImageGivesAFaithfulClip() {
        Spectrogram s = tf.forward(tone);
        AudioClip pghi = tf.invert(s), gl = tf.invert(s, PhaseMethod.GRIFFIN_LIM_32);
        assertEquals(256 * (s.frames() - 1), pghi.length());
        assertTrue(sc(pghi) < -15, "PGHI from mel SC " + sc(pghi));
        assertTrue(sc(gl) < -12, "GL-32 from mel SC " + sc(gl));
        // loudness survives the round trip (fixed reference, no per-clip normalisation)
        double inDb = 20 * Math.log10(AudioOps.rms(tone)), outDb = 20 * Math.log10(AudioOps.rms(pghi));
        assertEquals(inDb, outDb, 1.0);
        // and the re-analysed image matches the original
        Spectrogram again = tf.forward(pghi);
        double sum = 0;
        int count = 0;
        for (int b = 0; b < s.bins(); b++)
            for (int t = 4; t < s.frames() - 4; t++)
                if (s.get(b, t) > 0) { sum += Math.abs(s.get(b, t) - again.get(b, t)); count++; }
        assertTrue(sum / count < 0.04, "mean |Δy| over bands above −50 dB: " + sum / count + " (0.04 = 2 dB; measured 0.029)");
    }

    @Test void silenceInvertsToSilence() {
        AudioClip y = tf.invert(tf.forward(new AudioClip(new float[8000], 16000)));
        assertTrue(AudioOps.peak(y) < 1e-3, "peak " + AudioOps.peak(y));
    }

    @Test void spectrogramFromAnotherConfigIsRefusedWithAdvice() {
        SpectrogramConfig other = new SpectrogramConfig(16000, 512, 512, 128, 80, 40, 8000, "slaney", -100);
        Spectrogram s = new AudioTransform(other).forward(tone);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tf.invert(s));
        assertTrue(e.getMessage().contains("new AudioTransform(spectrogram.config())"));
    }

    @Test void phaseMethodRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> PhaseMethod.griffinLim(0));
        assertThrows(IllegalArgumentException.class, () -> PhaseMethod.pghi(-1));
    }
}
