package org.timbrelab.dsp;

import java.util.Optional;

/** An audio file read as mono frames at its own rate, a range at a time and in order: what block-wise reading needs of it. */
interface MonoFrames extends AutoCloseable {
    WavFormat format();

    /** Frames the file holds (a WAV) or its header promises (an AIFF). */
    long frames();

    /** Frames {@code [start, start + n)} averaged over the channels; each call's start at or after the previous one's. */
    float[] readMono(long start, int n) throws AudioFileException;

    /** A warning when the file holds fewer frames than its header promises. */
    Optional<String> shortfall();

    @Override void close();
}
