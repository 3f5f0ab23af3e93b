package org.timbrelab.dsp;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

class AudioOpsTest {

    @Test void peakNormaliseHitsTheTargetPeak() {
        AudioClip c = new AudioClip(Signals.sine(200, 0.1, 16000, 1600), 16000);
        assertEquals(0.9, AudioOps.peak(AudioOps.peakNormalize(c, 0.9)), 1e-6);
        AudioClip silent = new AudioClip(new float[10], 16000);
        assertSame(silent, AudioOps.peakNormalize(silent, 0.9));
    }

    @Test void rmsNormaliseHitsTheTargetLevelUnlessThatWouldClip() {
        AudioClip c = new AudioClip(Signals.sine(200, 0.1, 16000, 16000), 16000);
        AudioClip n = AudioOps.rmsNormalize(c, -20);
        assertEquals(-20, 20 * Math.log10(AudioOps.rms(n)), 0.01);
        AudioClip loud = AudioOps.rmsNormalize(c, 0);    // sine RMS 0 dBFS needs peak √2 → limited to peak 1
        assertEquals(1.0, AudioOps.peak(loud), 1e-6);
    }

    @Test void trimSilenceKeepsTheSoundAndAFrameOfMargin() {
        float[] x = new float[16000];
        float[] tone = Signals.sine(300, 0.5, 16000, 4000);
        System.arraycopy(tone, 0, x, 6000, 4000);
        x[100] = 1e-5f;   // far below −40 dB: counts as silence
        AudioClip t = AudioOps.trimSilence(new AudioClip(x, 16000), -40, 500);
        // tone occupies frames 12..19 of 500 samples; one frame margin → samples 5500..10500
        assertEquals(5000, t.length());
        assertEquals(x[6000 + 123], t.samples()[500 + 123]);
        assertEquals(0, AudioOps.trimSilence(new AudioClip(new float[100], 16000), -40, 10).length());
    }

    @Test void chunkCutsHopsAndPadsTheTail() {
        float[] x = new float[1000];
        for (int i = 0; i < x.length; i++) x[i] = i;
        List<AudioClip> chunks = AudioOps.chunk(new AudioClip(x, 16000), 400, 300, 100);
        assertEquals(3, chunks.size());                      // starts 0, 300, 600 (600..999 is full)
        assertEquals(300f, chunks.get(1).samples()[0]);
        assertEquals(999f, chunks.get(2).samples()[399]);
        List<AudioClip> c2 = AudioOps.chunk(new AudioClip(x, 16000), 400, 400, 100);
        assertEquals(3, c2.size());                          // 0, 400, 800 (200 real samples + zero padding)
        assertEquals(0f, c2.get(2).samples()[250]);
        assertEquals(2, AudioOps.chunk(new AudioClip(x, 16000), 400, 400, 300).size());
    }
}
