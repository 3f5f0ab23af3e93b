package org.timbrelab.engine.infer;

import org.junit.jupiter.api.Test;
import org.timbrelab.dsp.AudioClip;

import static org.junit.jupiter.api.Assertions.*;

/** DC removal before analysis: the offset goes, silence stays silent, a tone is untouched. */
class InputAudioDcTest {

    private static AudioClip toneThenSilence(double offset) {
        float[] x = new float[32_000];
        for (int i = 0; i < 16_000; i++) x[i] = (float) (offset + 0.5 * Math.sin(2 * Math.PI * 440 * i / 16_000.0));
        return new AudioClip(x, 16_000);   // the second second is digital silence
    }

    @Test void silenceAfterSoundStaysSilentWhereMeanRemovalWouldFillIt() {
        AudioClip y = InputAudio.withoutDc(toneThenSilence(0.001));
        double tail = 0;
        for (int i = 24_000; i < 32_000; i++) tail = Math.max(tail, Math.abs(y.samples()[i]));
        assertTrue(tail < 1e-5, "the silent second holds " + tail);   // mean removal would leave |−0.0005| everywhere
    }

    @Test void anOffsetIsRemovedAndTheToneKept() {
        AudioClip y = InputAudio.withoutDc(toneThenSilence(0.3));
        double mean = 0, peak = 0;
        for (int i = 8_000; i < 16_000; i++) { mean += y.samples()[i]; peak = Math.max(peak, Math.abs(y.samples()[i])); }
        mean /= 8_000;
        assertEquals(0, mean, 0.005, "offset left: " + mean);
        assertEquals(0.5, peak, 0.01, "the 440-Hz tone keeps its level");
    }
}
