package org.timbrelab.dsp;

import javax.sound.sampled.SourceDataLine;
import java.time.Duration;

/**
 * A clip playing on the speaker, from {@link AudioDevices#play}: a daemon thread feeds the line;
 * {@link #positionSeconds()} reports what has actually been heard, for a playhead.
 */
public final class Playback implements AutoCloseable {

    private static final int CHUNK_BYTES = 4096;

    private final SourceDataLine line;
    private final AudioClip clip;
    private final Thread writer;
    private volatile boolean stopped;
    private volatile boolean finished;
    private volatile long framesAtEnd = -1;   // position frozen when the line is released

    Playback(SourceDataLine line, AudioClip clip) {
        this.line = line;
        this.clip = clip;
        this.writer = new Thread(this::writeLoop, "timbrelab-playback");
        writer.setDaemon(true);
        writer.start();
    }

    private void writeLoop() {
        byte[] pcm = AudioDevices.floatToPcm16(clip.samples());
        try {
            for (int off = 0; off < pcm.length && !stopped; off += CHUNK_BYTES)
                line.write(pcm, off, Math.min(CHUNK_BYTES, pcm.length - off));
            if (!stopped) line.drain();
        } finally {
            if (!stopped) {
                framesAtEnd = clip.length();
                line.close();
            }
            finished = true;
        }
    }

    /** Seconds of the clip played so far (frames the device reports as rendered). */
    public double positionSeconds() {
        long frozen = framesAtEnd;
        long frames = frozen >= 0 ? frozen : Math.min(line.getLongFramePosition(), clip.length());
        return frames / (double) clip.sampleRate();
    }

    public double durationSeconds() { return clip.durationSeconds(); }

    /** True until the clip has been played out or stopped. */
    public boolean isPlaying() { return !finished && !stopped; }

    /** Waits up to {@code timeout} for the end of the clip; true if it ended. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        writer.join(Math.max(1, timeout.toMillis()));
        return !writer.isAlive();
    }

    /** Stops at once (discarding what is buffered) and releases the device. */
    public synchronized void stop() {
        if (stopped) return;
        if (!finished) framesAtEnd = Math.min(line.getLongFramePosition(), clip.length());
        stopped = true;
        line.stop();
        line.flush();
        line.close();
        try {
            writer.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override public void close() { stop(); }
}
