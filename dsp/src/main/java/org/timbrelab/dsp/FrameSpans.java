package org.timbrelab.dsp;

import java.util.stream.IntStream;

/**
 * Runs per-frame work whose frames are independent over the cores: the frames are split into one contiguous span
 * per core and each span is one task (common fork-join pool; the caller's thread takes part). Each task writes only
 * its own frames' entries of the output, so the result is the sequential one bit for bit.
 */
final class FrameSpans {

    /** Fewer frames than this per span and forking costs more than it saves: one span. */
    static final int MIN_FRAMES_PER_SPAN = 64;

    private FrameSpans() { }

    /** The work on frames [from, to). */
    interface Span {
        void run(int from, int to);
    }

    static void forEach(int frames, Span work) {
        int spans = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), frames / MIN_FRAMES_PER_SPAN));
        if (spans == 1) {
            work.run(0, frames);
            return;
        }
        IntStream.range(0, spans).parallel()
                .forEach(k -> work.run((int) ((long) frames * k / spans), (int) ((long) frames * (k + 1) / spans)));
    }
}
