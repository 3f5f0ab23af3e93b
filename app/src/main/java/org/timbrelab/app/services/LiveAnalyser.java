package org.timbrelab.app.services;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.Spectrogram;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Turns a stream of microphone blocks into spectrogram frames as they become final, for a live
 * view. Frame i is centred at sample i·hop (as in {@link AudioTransform}); it is final once its
 * whole window has arrived, so each block only analyses the last window plus the new samples and
 * the frames equal those of the whole-clip transform. Runs on the capture thread; the FX thread
 * drains {@link #poll()}.
 */
public final class LiveAnalyser {
    private final AudioTransform transform;
    private final int hop, half;
    private float[] samples = new float[16_000 * 10];
    private int length, nextFrame;
    private final ConcurrentLinkedQueue<float[]> frames = new ConcurrentLinkedQueue<>();
    private volatile double peak;

    public LiveAnalyser(AudioTransform transform) {
        this.transform = transform;
        this.hop = transform.config().hopLength();
        this.half = transform.config().nFft() / 2;
    }

    /** Adds a block of samples; queues every frame that became final. */
    public synchronized void accept(float[] block) {
        if (length + block.length > samples.length) samples = Arrays.copyOf(samples, Math.max(samples.length * 2, length + block.length));
        System.arraycopy(block, 0, samples, length, block.length);
        length += block.length;
        double p = 0;
        for (float v : block) p = Math.max(p, Math.abs(v));
        peak = p;
        int lastFinal = (length - half) / hop; // frame whose window ends at or before `length`
        if (length < half || lastFinal < nextFrame) return;
        int startFrame = Math.max(0, nextFrame - (half + hop - 1) / hop);
        int s0 = startFrame * hop;
        Spectrogram s = transform.forward(new AudioClip(Arrays.copyOfRange(samples, s0, length), transform.config().sampleRate()));
        for (int g = nextFrame; g <= lastFinal; g++) {
            int j = g - startFrame;
            if (j >= s.frames()) break;
            float[] column = new float[s.bins()];
            for (int b = 0; b < s.bins(); b++) column[b] = s.get(b, j);
            frames.add(column);
        }
        nextFrame = lastFinal + 1;
    }

    /** Next final frame (bins, low first) or null. */
    public float[] poll() { return frames.poll(); }

    /** Peak |sample| of the latest block, for the level meter. */
    public double peak() { return peak; }

    /** Everything recorded so far. */
    public synchronized AudioClip recording() {
        return new AudioClip(Arrays.copyOf(samples, length), transform.config().sampleRate());
    }
}
