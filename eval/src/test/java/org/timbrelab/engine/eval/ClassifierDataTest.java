package org.timbrelab.engine.eval;

import org.junit.jupiter.api.Test;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioOps;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The listeners' training copies, on generated clips with known answers. */
class ClassifierDataTest {

    @Test void aHummedCopyAddsOneLowSineWithinTheStatedLevels() {
        AudioClip tone = TestSignals.bowedLike(660, 1.0, new Random(2));
        double peak = AudioOps.peak(tone);
        Random rnd = new Random(9);
        for (int trial = 0; trial < 20; trial++) {
            float[] hummed = ClassifierData.withRandomHum(tone, rnd).samples();
            float[] x = tone.samples();
            double amp = 0;
            int crossings = 0;
            double prev = 0;
            for (int i = 0; i < x.length; i++) {
                double d = hummed[i] - x[i];
                amp = Math.max(amp, Math.abs(d));
                if (i > 0 && (prev < 0) != (d < 0)) crossings++;
                prev = d;
            }
            double hz = crossings / 2.0 / tone.durationSeconds();
            double dbDown = 20 * Math.log10(peak / amp);
            assertTrue(hz > 53 && hz < 262, "hum at " + hz + " Hz");
            assertTrue(dbDown > 14.9 && dbDown < 40.1, "hum " + dbDown + " dB under the peak");
        }
    }
}
