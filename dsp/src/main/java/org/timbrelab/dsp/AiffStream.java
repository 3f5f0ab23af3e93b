package org.timbrelab.dsp;

import org.timbrelab.dsp.AudioFileException.Reason;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * An AIFF or AIFF-C file (integer PCM of 8–32 bits in either byte order, or float) decoded through javax.sound, which
 * reads it front to back only: {@link #readMono} takes ranges that move forward (they may overlap the previous one), so a
 * recording of any length is read in memory proportional to the range, like {@link WavStream}; {@link #readAll} decodes
 * the rest at once. Every refusal is an {@link AudioFileException} naming the file and the reason.
 */
public final class AiffStream implements MonoFrames {
    private final Path file;
    private final AudioInputStream in;
    private final WavFormat format;
    private final long promisedFrames;
    private final boolean bigEndian, unsigned;
    private final double scale; // 1 / 2^(bits − 1): an integer sample to [-1, 1)
    private long actualFrames = -1; // known once the data ran out before the header's count
    private float[] kept = new float[0]; // mono frames [keptStart, keptStart + keptLength) already decoded
    private long keptStart;
    private int keptLength;
    private long streamed; // frames taken from the stream so far (past its end: counted, read as zeros)

    private AiffStream(Path file, AudioInputStream in, WavFormat format, AudioFormat source, long promisedFrames) {
        this.file = file;
        this.in = in;
        this.format = format;
        this.promisedFrames = promisedFrames;
        this.bigEndian = source.isBigEndian();
        this.unsigned = source.getEncoding().equals(AudioFormat.Encoding.PCM_UNSIGNED);
        this.scale = 1.0 / Math.pow(2, format.bitsPerSample() - 1);
    }

    /** Opens an AIFF file and checks its header: encoding, sample rate and frame count. */
    public static AiffStream open(Path file) throws AudioFileException {
        AudioInputStream ais;
        try {
            ais = AudioSystem.getAudioInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        } catch (NoSuchFileException e) {
            throw new AudioFileException(file, Reason.IO, "no such file");
        } catch (UnsupportedAudioFileException e) {
            throw new AudioFileException(file, Reason.NOT_RIFF, "javax.sound cannot read it: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new AudioFileException(file, Reason.UNSUPPORTED_ENCODING, e.getMessage(), e);
        } catch (IOException e) {
            throw new AudioFileException(file, Reason.IO, e.toString(), e);
        }
        try {
            AudioFormat f = ais.getFormat();
            AudioFormat.Encoding enc = f.getEncoding();
            boolean isFloat = enc.equals(AudioFormat.Encoding.PCM_FLOAT);
            boolean integer = enc.equals(AudioFormat.Encoding.PCM_SIGNED) || enc.equals(AudioFormat.Encoding.PCM_UNSIGNED);
            int bits = f.getSampleSizeInBits(), nc = f.getChannels();
            if (!(isFloat || integer) || bits % 8 != 0 || bits < 8 || nc < 1 || (isFloat ? bits != 32 && bits != 64 : bits > 32))
                throw new AudioFileException(file, Reason.UNSUPPORTED_ENCODING, f.toString());
            float rate = f.getSampleRate();
            if (!(rate >= WavIO.MIN_RATE && rate <= WavIO.MAX_RATE))
                throw new AudioFileException(file, Reason.BAD_SAMPLE_RATE, "the header says " + rate + " Hz; Timbre Lab reads "
                        + WavIO.MIN_RATE + " to " + WavIO.MAX_RATE + " Hz");
            long frames = ais.getFrameLength();
            if (frames == 0) throw new AudioFileException(file, Reason.NO_SAMPLES, "0 sample frames");
            WavFormat wf = isFloat ? WavFormat.ieeeFloat(bits, nc, Math.round(rate)) : WavFormat.pcm(bits, nc, Math.round(rate));
            return new AiffStream(file, ais, wf, f, frames);
        } catch (AudioFileException | RuntimeException e) {
            closeQuietly(ais);
            throw e;
        }
    }

    public WavFormat format() { return format; }

    /** Frames the header promises, or {@link AudioSystem#NOT_SPECIFIED} when it does not say. */
    public long frames() { return promisedFrames; }

    /** A warning when the file held fewer frames than its header promised (known once the reading reached the end). */
    public Optional<String> shortfall() {
        return actualFrames < 0 ? Optional.empty() : WavIO.shortfall(file, promisedFrames, actualFrames, format.sampleRate());
    }

    /**
     * Frames {@code [start, start + n)} averaged over the channels, at the file's rate; {@code start} may not lie before the
     * previous call's. Frames past the end of a file that holds less than its header promises read as silence
     * ({@link #shortfall} then says how much was missing).
     */
    public float[] readMono(long start, int n) throws AudioFileException {
        if (start < keptStart || n < 0 || (promisedFrames >= 0 && start + n > promisedFrames))
            throw new IllegalArgumentException("frames [" + start + ", " + (start + n) + ") are not ahead in the file's " + promisedFrames
                    + " (read from " + keptStart + " on)");
        int drop = (int) Math.min(keptLength, start - keptStart);
        int stay = keptLength - drop; // frames from start on that were decoded before
        float[] next = new float[Math.max(stay, n)];
        System.arraycopy(kept, drop, next, 0, stay);
        while (streamed < start) { // a gap ahead of what was kept: decoded and dropped
            int part = (int) Math.min(start - streamed, 1 << 16);
            decodeInto(new float[part], 0, part);
        }
        if (start + n > streamed) decodeInto(next, (int) (streamed - start), (int) (start + n - streamed));
        kept = next;
        keptStart = start;
        keptLength = next.length;
        return java.util.Arrays.copyOf(next, n);
    }

    /** The rest of the file, one array per channel (frames actually present; none read by {@link #readMono} before). */
    public double[][] readAll() throws AudioFileException {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new AudioFileException(file, Reason.IO, e.toString(), e);
        }
        int nc = format.channels(), frameBytes = format.blockAlign(), frames = bytes.length / frameBytes;
        if (frames == 0) throw new AudioFileException(file, Reason.NO_SAMPLES, "0 sample frames");
        ByteBuffer b = ByteBuffer.wrap(bytes).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        double[][] ch = new double[nc][frames];
        for (int i = 0; i < frames; i++)
            for (int c = 0; c < nc; c++) ch[c][i] = sample(b, i * frameBytes + c * format.bytesPerSample(), i);
        return ch;
    }

    /** Decodes the next {@code n} frames' channel mean into {@code out[at…]}; zeros past the end of the data. */
    private void decodeInto(float[] out, int at, int n) throws AudioFileException {
        if (n <= 0) return;
        int frameBytes = format.blockAlign(), nc = format.channels(), bps = format.bytesPerSample();
        byte[] bytes = new byte[n * frameBytes];
        int got;
        try {
            got = in.readNBytes(bytes, 0, bytes.length) / frameBytes;
        } catch (IOException e) {
            throw new AudioFileException(file, Reason.IO, e.toString(), e);
        }
        long position = streamed;
        streamed += n;
        if (got < n && actualFrames < 0) actualFrames = position + got;
        ByteBuffer b = ByteBuffer.wrap(bytes).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < got; i++) {
            double s = 0;
            for (int c = 0; c < nc; c++) s += sample(b, i * frameBytes + c * bps, position + i);
            out[at + i] = (float) (s / nc);
        }
    }

    private double sample(ByteBuffer b, int p, long frame) throws AudioFileException {
        int bps = format.bytesPerSample(), bits = bps * 8;
        double v;
        if (format.encoding() == WavFormat.Encoding.FLOAT) v = bps == 4 ? b.getFloat(p) : b.getDouble(p);
        else {
            long raw = 0;
            for (int k = 0; k < bps; k++) raw = (raw << 8) | (b.get(bigEndian ? p + k : p + bps - 1 - k) & 0xFF);
            if (unsigned) raw -= 1L << (bits - 1);
            else raw = (raw << (64 - bits)) >> (64 - bits); // sign-extend
            v = raw * scale;
        }
        if (!Double.isFinite(v)) throw new AudioFileException(file, Reason.NON_FINITE, "sample " + frame + " is " + v);
        return v;
    }

    @Override public void close() { closeQuietly(in); }

    private static void closeQuietly(AudioInputStream s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // read-only: a failed close loses nothing
        }
    }
}
