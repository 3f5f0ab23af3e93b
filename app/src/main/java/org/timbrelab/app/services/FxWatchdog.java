package org.timbrelab.app.services;

import javafx.animation.AnimationTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures how long the FX thread goes without a pulse: an AnimationTimer records the gap between
 * consecutive frames. A gap well over one frame (16.7 ms) means the FX thread was blocked.
 * The worst gap is logged when it exceeds the threshold, and kept for reports and tests.
 */
public final class FxWatchdog extends AnimationTimer {
    private static final Logger LOG = LoggerFactory.getLogger(FxWatchdog.class);
    private final double thresholdMs;
    private long last;
    private volatile double worstMs, sumMs;
    private volatile long frames;

    public FxWatchdog(double thresholdMs) { this.thresholdMs = thresholdMs; }

    @Override public void handle(long now) {
        if (last != 0) {
            double gap = (now - last) / 1e6;
            frames++;
            sumMs += gap;
            if (gap > worstMs) {
                worstMs = gap;
                if (gap > thresholdMs) LOG.warn("FX thread blocked: {} ms between frames", String.format("%.1f", gap));
            }
        }
        last = now;
    }

    /** Starts a fresh measurement window. */
    public void reset() { last = 0; worstMs = 0; sumMs = 0; frames = 0; }

    public double worstGapMs() { return worstMs; }
    public double meanGapMs() { return frames == 0 ? 0 : sumMs / frames; }
    public long frames() { return frames; }

    public String summary() {
        return String.format("FX frames %d, mean %.1f ms, worst gap %.1f ms", frames, meanGapMs(), worstMs);
    }
}
