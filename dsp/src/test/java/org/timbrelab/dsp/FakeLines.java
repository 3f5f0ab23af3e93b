package org.timbrelab.dsp;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.Control;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineListener;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;
import java.io.ByteArrayOutputStream;

/** In-memory javax.sound lines standing in for a sound card in tests. */
final class FakeLines {
    private FakeLines() { }

    abstract static class Base implements javax.sound.sampled.DataLine {
        volatile boolean open, running;
        AudioFormat format;
        volatile long framesDone;

        public void open(AudioFormat f, int bufferSize) { format = f; open = true; }
        public void open(AudioFormat f) { open(f, 8192); }
        @Override public void open() { open = true; }
        @Override public void close() { open = false; running = false; }
        @Override public boolean isOpen() { return open; }
        @Override public void start() { running = true; }
        @Override public void stop() { running = false; }
        @Override public void drain() { }
        @Override public void flush() { }
        @Override public boolean isRunning() { return running; }
        @Override public boolean isActive() { return running; }
        @Override public AudioFormat getFormat() { return format; }
        @Override public int getBufferSize() { return 8192; }
        @Override public int available() { return 0; }
        @Override public int getFramePosition() { return (int) framesDone; }
        @Override public long getLongFramePosition() { return framesDone; }
        @Override public long getMicrosecondPosition() { return (long) (framesDone * 1e6 / format.getSampleRate()); }
        @Override public float getLevel() { return AudioSystem_NOT_SPECIFIED; }
        @Override public Line.Info getLineInfo() { return new Line.Info(getClass()); }
        @Override public Control[] getControls() { return new Control[0]; }
        @Override public boolean isControlSupported(Control.Type t) { return false; }
        @Override public Control getControl(Control.Type t) { throw new IllegalArgumentException("no controls"); }
        @Override public void addLineListener(LineListener l) { }
        @Override public void removeLineListener(LineListener l) { }
        private static final float AudioSystem_NOT_SPECIFIED = -1;
    }

    /** A speaker that records what it is given; each write takes {@code msPerWrite}. */
    static final class Speaker extends Base implements SourceDataLine {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        final long msPerWrite;

        Speaker(long msPerWrite) { this.msPerWrite = msPerWrite; }

        @Override public synchronized int write(byte[] b, int off, int len) {
            if (!open) return 0;
            written.write(b, off, len);
            framesDone += len / 2;
            if (msPerWrite > 0) {
                try { Thread.sleep(msPerWrite); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            }
            return len;
        }
    }

    /** A microphone delivering the 16-bit values 0, 1, 2, ... (wrapping at 32768). */
    static final class RampMicrophone extends Base implements TargetDataLine {
        private int next;

        @Override public int read(byte[] b, int off, int len) {
            if (!open) return 0;
            int n = len / 2;
            for (int i = 0; i < n; i++) {
                int v = next++ & 0x7fff;
                b[off + 2 * i] = (byte) v;
                b[off + 2 * i + 1] = (byte) (v >> 8);
            }
            framesDone += n;
            return 2 * n;
        }
    }
}
