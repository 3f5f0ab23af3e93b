package org.timbrelab.dsp;

import javax.sound.sampled.TargetDataLine;

/**
 * A running microphone stream from {@link AudioDevices#startCapture}: a daemon thread reads
 * blocks from the line and hands them to the listener until {@link #stop()}.
 */
public final class Capture implements AutoCloseable {

    private final TargetDataLine line;
    private final Thread reader;
    private volatile boolean running = true;
    private volatile Throwable failure;

    Capture(TargetDataLine line, int blockSize, AudioDevices.BlockListener listener) {
        this.line = line;
        this.reader = new Thread(() -> readLoop(blockSize, listener), "timbrelab-capture");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop(int blockSize, AudioDevices.BlockListener listener) {
        byte[] buf = new byte[blockSize * 2];
        try {
            while (running) {
                int filled = 0;
                while (running && filled < buf.length) {
                    int n = line.read(buf, filled, buf.length - filled);
                    if (n <= 0) {
                        if (!line.isOpen()) { running = false; break; }
                        Thread.sleep(2);   // nothing buffered yet: do not spin
                    }
                    filled += Math.max(n, 0);
                }
                if (filled == buf.length) listener.onBlock(AudioDevices.pcm16ToFloat(buf, filled));
            }
        } catch (RuntimeException e) {
            failure = e;   // a listener or driver error ends the stream; failure() reports it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
        }
    }

    public boolean isRunning() { return running; }

    /** Sample rate of the delivered blocks. */
    public int sampleRate() { return Math.round(line.getFormat().getSampleRate()); }

    /** What ended the stream early (a listener's exception or a driver error), or null. */
    public Throwable failure() { return failure; }

    /** Stops reading and closes the line; returns within about a second even if the driver is stuck. */
    public void stop() {
        running = false;
        line.stop();
        line.flush();
        line.close();
        try {
            reader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override public void close() { stop(); }
}
