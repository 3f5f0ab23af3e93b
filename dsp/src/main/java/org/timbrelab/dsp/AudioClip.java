package org.timbrelab.dsp;

import java.util.Arrays;

/**
 * Mono audio: float samples nominally in [-1, 1] at a sample rate in Hz.
 * The array is owned by the clip; operations return new clips.
 */
public record AudioClip(float[] samples, int sampleRate) {

    /** The rate every model works at (docs/ARCHITECTURE.md, "Audio conventions"). */
    public static final int MODEL_RATE = 16_000;

    public AudioClip {
        if (samples == null) throw new IllegalArgumentException("samples must not be null");
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
    }

    public int length() { return samples.length; }

    public double durationSeconds() { return samples.length / (double) sampleRate; }

    /** Samples [from, to) as a new clip. */
    public AudioClip slice(int from, int to) {
        return new AudioClip(Arrays.copyOfRange(samples, from, to), sampleRate);
    }

    @Override public boolean equals(Object o) {
        return o instanceof AudioClip c && c.sampleRate == sampleRate && Arrays.equals(c.samples, samples);
    }

    @Override public int hashCode() { return 31 * Arrays.hashCode(samples) + sampleRate; }

    @Override public String toString() {
        return "AudioClip[" + samples.length + " samples @ " + sampleRate + " Hz, " + String.format("%.2f s", durationSeconds()) + "]";
    }
}
