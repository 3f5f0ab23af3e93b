package org.timbrelab.cli;

import org.timbrelab.engine.train.CheckpointData;
import org.timbrelab.engine.train.Checkpoints;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Builders of good and bad input files for the bad-input catalogue and the fuzz test. */
final class BadFiles {
    private BadFiles() { }

    /** A sine of {@code seconds} at {@code hz}, amplitude {@code amp}, as 16-bit samples. */
    static short[] sine(double seconds, int rate, double hz, double amp) {
        short[] s = new short[(int) Math.round(seconds * rate)];
        for (int i = 0; i < s.length; i++) s[i] = (short) Math.round(amp * 32767 * Math.sin(2 * Math.PI * hz * i / rate));
        return s;
    }

    static byte[] pcm16(short... samples) {
        ByteBuffer b = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) b.putShort(s);
        return b.array();
    }

    static byte[] float32(float... samples) {
        ByteBuffer b = ByteBuffer.allocate(samples.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float s : samples) b.putFloat(s);
        return b.array();
    }

    /** Interleaves two 16-bit channels. */
    static short[] stereo(short[] left, short[] right) {
        short[] s = new short[2 * left.length];
        for (int i = 0; i < left.length; i++) { s[2 * i] = left[i]; s[2 * i + 1] = right[i]; }
        return s;
    }

    /** A WAV file: RIFF header, a plain 16-byte 'fmt ' chunk and a 'data' chunk whose size field says {@code declared} bytes. */
    static byte[] wav(int tag, int channels, int rate, int bits, byte[] data, long declared) {
        ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(36 + data.length).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) tag).putShort((short) channels).putInt(rate)
                .putInt(rate * Math.max(1, channels) * bits / 8).putShort((short) (Math.max(1, channels) * bits / 8)).putShort((short) bits);
        b.put(ascii("data")).putInt((int) declared).put(data);
        return b.array();
    }

    static byte[] wav16(int rate, int channels, short... samples) {
        byte[] d = pcm16(samples);
        return wav(1, channels, rate, 16, d, d.length);
    }

    /** Half a second of a 220-Hz tone at 16 kHz: the usual good input. */
    static byte[] goodWav() {
        return wav16(16000, 1, sine(0.5, 16000, 220, 0.5));
    }

    static byte[] ascii(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) b.put(p);
        return b.array();
    }

    /** Rewrites a tensor file after {@code edit} changed its values (so its checksum is valid again). */
    static void editTensors(Path file, Consumer<CheckpointData> edit) throws IOException {
        CheckpointData d = Checkpoints.read(file);
        edit.accept(d);
        Checkpoints.write(file, d);
    }

    /** Replaces the first match of {@code regex} in a text file. */
    static void editText(Path file, String regex, String replacement) throws IOException {
        String s = Files.readString(file);
        String t = s.replaceFirst(regex, replacement);
        if (s.equals(t)) throw new IllegalStateException(file + ": no match for " + regex);
        Files.writeString(file, t);
    }

    /** A process id that no longer runs (a finished child's). */
    static long deadPid() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
