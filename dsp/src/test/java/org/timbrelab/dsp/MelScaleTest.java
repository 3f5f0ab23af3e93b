package org.timbrelab.dsp;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.timbrelab.dsp.MelScale.Scale;

/**
 * Reference values: librosa's documented examples (hz_to_mel(60) = 0.9, hz_to_mel([110, 220, 440])
 * = [1.65, 3.3, 6.6], mel_to_hz(3) = 200), Slaney's break point (1 kHz = 15 mel, 6.4 kHz = 42 mel),
 * HTK's 700 Hz = 2595·log10 2, the librosa.filters.mel(sr=22050, n_fft=2048) first-row values
 * published in the docs of the mel_filter crate, and full filterbanks from an independent numpy
 * re-implementation of librosa's formula (dsp/src/test/resources/mel/generate_mel_fixture.py).
 */
class MelScaleTest {

    @Test void slaneyScaleMatchesPublishedPoints() {
        assertEquals(0.9, MelScale.hzToMel(60, Scale.SLANEY), 1e-12);
        assertEquals(1.65, MelScale.hzToMel(110, Scale.SLANEY), 1e-12);
        assertEquals(6.6, MelScale.hzToMel(440, Scale.SLANEY), 1e-12);
        assertEquals(200, MelScale.melToHz(3, Scale.SLANEY), 1e-12);
        assertEquals(15, MelScale.hzToMel(1000, Scale.SLANEY), 1e-12);
        assertEquals(42, MelScale.hzToMel(6400, Scale.SLANEY), 1e-12);
        assertEquals(6400, MelScale.melToHz(42, Scale.SLANEY), 1e-9);
    }

    @Test void bandOfPutsEachFilterCentreOnItsBand() {
        for (String scale : new String[] {"slaney", "htk"}) {
            SpectrogramConfig c = new SpectrogramConfig(16000, 1024, 1024, 256, 128, 40, 8000, scale, -100);
            double[] points = MelScale.melFrequencies(c.nMels() + 2, c.fMin(), c.fMax(), Scale.of(scale));
            var band = MelScale.bandOf(c);
            for (int i = 0; i < c.nMels(); i++) assertEquals(i, band.applyAsDouble(points[i + 1]), 1e-9, scale + " band " + i);
            assertEquals(-1, band.applyAsDouble(c.fMin()), 1e-9);
        }
    }

    @Test void htkScaleMatchesItsFormula() {
        assertEquals(2595 * Math.log10(2), MelScale.hzToMel(700, Scale.HTK), 1e-12);
        assertEquals(1000, MelScale.melToHz(MelScale.hzToMel(1000, Scale.HTK), Scale.HTK), 1e-9);
    }

    @Test void firstFiltersEqualPublishedLibrosaValues() {
        MelScale m = new MelScale(22050, 2048, 128, 0, 11025, Scale.SLANEY, true);
        double[] row0 = {0, 0.016182853208219942, 0.032365706416439884, 0.028990088037379964, 0.012807234829160026, 0};
        double[] row1 = {0, 0, 0, 0.009779235793639925, 0.025962089001859864, 0.035393705451959974,
                0.01921085224374004, 0.003027999035520103, 0};
        for (int k = 0; k < row0.length; k++) assertEquals(row0[k], m.weight(0, k), 1e-8);   // float32 storage: ~2e-9 rounding
        for (int k = 0; k < row1.length; k++) assertEquals(row1[k], m.weight(1, k), 1e-8);
    }

    @Test void defaultSlaneyFilterbankEqualsReferenceTableWithin1e6() throws Exception {
        assertMatchesFixture(MelScale.of(SpectrogramConfig.DEFAULT), "slaney_16000_1024_128_40_8000.csv");
    }

    @Test void htkFilterbankEqualsReferenceTableWithin1e6() throws Exception {
        assertMatchesFixture(new MelScale(22050, 512, 20, 0, 11025, Scale.HTK, true), "htk_22050_512_20_0_11025.csv");
    }

    private void assertMatchesFixture(MelScale mel, String name) throws Exception {
        double[] ref = new double[mel.nMels() * mel.bins()];
        int rows = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(getClass().getResourceAsStream("/mel/" + name), name), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; rows++) {
                String[] p = line.split(",");
                ref[Integer.parseInt(p[0]) * mel.bins() + Integer.parseInt(p[1])] = Double.parseDouble(p[2]);
            }
        }
        assertTrue(rows > 100, "fixture has rows");
        float[] dense = mel.dense();
        for (int i = 0; i < ref.length; i++)
            assertEquals(ref[i], dense[i], 1e-6, "mel " + i / mel.bins() + " bin " + i % mel.bins());
    }

    @Test void applyIsTheMatrixProductIntoBinMajorLayout() {
        MelScale mel = MelScale.of(SpectrogramConfig.DEFAULT);
        int frames = 3, bins = mel.bins();
        float[] mag = Signals.noise(1, 1, frames * bins);
        float[] out = new float[mel.nMels() * frames];
        mel.apply(mag, frames, out);
        float[] w = mel.dense();
        for (int m = 0; m < mel.nMels(); m += 9)
            for (int t = 0; t < frames; t++) {
                double s = 0;
                for (int k = 0; k < bins; k++) s += w[m * bins + k] * mag[t * bins + k];
                assertEquals(s, out[m * frames + t], 1e-5);
            }
    }
}
