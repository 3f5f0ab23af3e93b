package org.timbrelab.app.services;

import org.junit.jupiter.api.Test;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveAnalyserTest {
    @Test void streamedFramesEqualTheWholeClipTransform() {
        AudioTransform t = new AudioTransform(SpectrogramConfig.DEFAULT);
        int n = 16_000; // 1 s glide 200 → 2000 Hz, so every frame differs
        float[] x = new float[n];
        double phase = 0;
        for (int i = 0; i < n; i++) { phase += 2 * Math.PI * (200 + 1800.0 * i / n) / 16_000; x[i] = (float) (0.5 * Math.sin(phase)); }
        LiveAnalyser live = new LiveAnalyser(t);
        List<float[]> got = new ArrayList<>();
        for (int i = 0; i < n; i += 300) { // odd block size on purpose
            live.accept(Arrays.copyOfRange(x, i, Math.min(n, i + 300)));
            for (float[] f; (f = live.poll()) != null; ) got.add(f);
        }
        Spectrogram whole = t.forward(new AudioClip(x, 16_000));
        int expectedFinal = (n - 512) / 256 + 1;
        assertEquals(expectedFinal, got.size(), "every frame whose window is complete, once");
        for (int f = 0; f < got.size(); f++) {
            float[] col = new float[whole.bins()];
            for (int b = 0; b < col.length; b++) col[b] = whole.get(b, f);
            assertArrayEquals(col, got.get(f), 1e-4f, "frame " + f);
        }
        assertTrue(live.peak() > 0.4 && live.peak() <= 0.5);
        assertEquals(n, live.recording().length());
    }
}
