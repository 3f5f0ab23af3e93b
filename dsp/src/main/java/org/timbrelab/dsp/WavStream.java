package org.timbrelab.dsp;

import org.timbrelab.dsp.AudioFileException.Reason;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A WAV file read a slice at a time: the header is parsed on opening (the same checks and messages as {@link WavIO}),
 * then {@link #readMono} decodes any range of frames straight from the file. A recording of any length is
 * then read in memory proportional to the slice, not to the file (a 10-minute 44.1-kHz stereo file is 106 MB on
 * disk and 423 MB as {@link WavData}'s doubles).
 */
public final class WavStream implements MonoFrames {
    private final Path file;
    private final FileChannel channel;
    private final WavFormat format;
    private final long dataStart, frames, promisedFrames;

    private WavStream(Path file, FileChannel channel, WavFormat format, long dataStart, long frames, long promisedFrames) {
        this.file = file;
        this.channel = channel;
        this.format = format;
        this.dataStart = dataStart;
        this.frames = frames;
        this.promisedFrames = promisedFrames;
    }

    /** Opens a WAV file and reads its header; every refusal is an {@link AudioFileException} naming the file and reason. */
    public static WavStream open(Path file) throws AudioFileException {
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new AudioFileException(file, Reason.IO, "no such file");
        } catch (IOException e) {
            throw new AudioFileException(file, Reason.IO, e.toString(), e);
        }
        try {
            return header(file, ch);
        } catch (AudioFileException | RuntimeException e) {
            closeQuietly(ch);
            throw e;
        } catch (IOException e) {
            closeQuietly(ch);
            throw new AudioFileException(file, Reason.IO, e.toString(), e);
        }
    }

    private static WavStream header(Path file, FileChannel ch) throws IOException {
        long length = ch.size();
        if (length == 0) throw new AudioFileException(file, Reason.EMPTY, "0 bytes");
        ByteBuffer riff = read(ch, 0, (int) Math.min(12, length));
        String tag = riff.remaining() >= 4 ? ascii(riff, 0) : "";
        if (length < 12) {
            if (tag.equals("RIFF")) throw new AudioFileException(file, Reason.TRUNCATED, length + " bytes");
            throw new AudioFileException(file, Reason.NOT_RIFF, "only " + length + " bytes");
        }
        if (!tag.equals("RIFF")) throw new AudioFileException(file, Reason.NOT_RIFF, "starts with '" + printable(tag) + "'");
        if (!ascii(riff, 8).equals("WAVE"))
            throw new AudioFileException(file, Reason.NOT_RIFF, "a RIFF file of type '" + printable(ascii(riff, 8)) + "', not 'WAVE'");
        WavFormat format = null;
        long pos = 12;
        while (true) {
            if (pos + 8 > length)
                throw new AudioFileException(file, Reason.TRUNCATED, (format == null ? "no 'fmt ' chunk" : "no 'data' chunk") + " before the end of the file");
            ByteBuffer head = read(ch, pos, 8);
            String id = ascii(head, 0);
            long size = head.getInt(4) & 0xFFFFFFFFL, body = pos + 8;
            if (id.equals("fmt ")) {
                if (body + size > length || size < 16) throw new AudioFileException(file, Reason.TRUNCATED, "'fmt ' chunk is cut short");
                format = WavIO.parseFormat(file, read(ch, body, (int) Math.min(size, 1 << 16)), 0, (int) size);
            } else if (id.equals("data")) {
                if (format == null) throw new AudioFileException(file, Reason.UNSUPPORTED_ENCODING, "'data' chunk before 'fmt ' chunk");
                long available = Math.min(size == 0xFFFFFFFFL ? Long.MAX_VALUE : size, length - body);
                long frames = available / format.blockAlign();
                if (frames == 0) throw new AudioFileException(file, Reason.NO_SAMPLES, "the 'data' chunk holds 0 frames");
                long promised = size == 0xFFFFFFFFL || size == 0 ? -1 : size / format.blockAlign();
                return new WavStream(file, ch, format, body, frames, promised);
            }
            long next = body + size + (size & 1);
            if (next > length) throw new AudioFileException(file, Reason.TRUNCATED, "chunk '" + printable(id) + "' is cut short");
            pos = next;
        }
    }

    public WavFormat format() { return format; }

    /** Whole frames the file holds. */
    public long frames() { return frames; }

    public double durationSeconds() { return frames / (double) format.sampleRate(); }

    /** As {@link WavIO.Read#shortfall}: a warning when the header promises more frames than the file holds. */
    public Optional<String> shortfall() {
        return WavIO.shortfall(file, promisedFrames, frames, format.sampleRate());
    }

    /** The duration a WAV file's header gives, or empty when it is not a WAV file this reader opens (AIFF, damaged…). */
    public static java.util.OptionalDouble seconds(Path file) {
        try (WavStream s = open(file)) {
            return java.util.OptionalDouble.of(s.durationSeconds());
        } catch (AudioFileException notWav) {
            return java.util.OptionalDouble.empty();
        }
    }

    /** Frames {@code [start, start + n)} averaged over the channels (as {@link WavData#toMonoClip}), at the file's rate. */
    public float[] readMono(long start, int n) throws AudioFileException {
        if (start < 0 || n < 0 || start + n > frames)
            throw new IllegalArgumentException("frames [" + start + ", " + (start + n) + ") outside the file's " + frames);
        int block = format.blockAlign(), bps = format.bytesPerSample(), nc = format.channels();
        ByteBuffer buf;
        try {
            buf = read(channel, dataStart + start * block, n * block);
        } catch (IOException e) {
            throw new AudioFileException(file, Reason.IO, e.toString(), e);
        }
        if (buf.remaining() < n * block) throw new AudioFileException(file, Reason.TRUNCATED, "the file shrank while it was being read");
        float[] out = new float[n];
        for (int i = 0, p = 0; i < n; i++) {
            double s = 0;
            for (int c = 0; c < nc; c++, p += bps) {
                double v = WavIO.sample(buf, p, format);
                if (!Double.isFinite(v))
                    throw new AudioFileException(file, Reason.NON_FINITE, "sample " + (start + i) + " of channel " + c + " is " + v);
                s += v;
            }
            out[i] = (float) (s / nc);
        }
        return out;
    }

    @Override public void close() { closeQuietly(channel); }

    private static ByteBuffer read(FileChannel ch, long at, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            int got = ch.read(b, at + b.position());
            if (got < 0) break;
        }
        return b.flip();
    }

    private static String ascii(ByteBuffer b, int at) {
        byte[] x = new byte[4];
        b.get(at, x);
        return new String(x, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) sb.append(c >= 32 && c < 127 ? c : '?');
        return sb.toString();
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing was written; a failed close of a read-only channel loses nothing
        }
    }
}
