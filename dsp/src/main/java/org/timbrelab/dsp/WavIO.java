package org.timbrelab.dsp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.timbrelab.dsp.AudioFileException.Reason;

/**
 * Reads and writes RIFF/WAVE files in their own format: integer PCM 8/16/24/32-bit, IEEE float
 * 32/64-bit, plain or WAVE_FORMAT_EXTENSIBLE, any rate and channel count. Reading then writing
 * with the returned {@link WavFormat} reproduces the samples bit for bit (other chunks such as
 * LIST are not kept). Layout on disk: little-endian, interleaved frames.
 * Conversion to 16-kHz mono is a separate step ({@link AudioFiles#loadMono}).
 */
public final class WavIO {

    private static final int TAG_PCM = 1, TAG_FLOAT = 3, TAG_EXTENSIBLE = 0xFFFE;
    /** Tail of the KSDATAFORMAT_SUBTYPE GUIDs after the 2-byte format tag. */
    private static final byte[] GUID_TAIL = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00,
            0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};

    /** Lowest and highest sample rates taken as real (anything else is a damaged or mistaken header). */
    public static final int MIN_RATE = 1000, MAX_RATE = 384_000;

    /**
     * A file's samples and how they compare with what its header promised: a cut-short file keeps
     * its whole frames, and {@link #shortfall} says so.
     *
     * @param promisedFrames frames the 'data' chunk's size announces (−1 when the size is the streaming placeholder)
     */
    public record Read(WavData data, long promisedFrames) {
        /** True when the header promised more frames than the file holds. */
        public boolean cutShort() { return promisedFrames > data.frames(); }

        /** "FILE: the header promises … ; read …", or empty when nothing is missing. */
        public java.util.Optional<String> shortfall(Path file) {
            return WavIO.shortfall(file, promisedFrames, data.frames(), data.format().sampleRate());
        }
    }

    private WavIO() { }

    /** The warning for a file holding {@code frames} where its header promised {@code promised} (−1: no promise). */
    static java.util.Optional<String> shortfall(Path file, long promised, long frames, double rate) {
        if (promised <= frames) return java.util.Optional.empty();
        return java.util.Optional.of(String.format(java.util.Locale.ROOT,
                "%s: the header promises %.2f s of audio but the file holds only %.2f s (%d of %d frames); using what is there, the file is probably cut short",
                file, promised / rate, frames / rate, frames, promised));
    }

    /** Reads a WAV file; every refusal is an {@link AudioFileException} naming the file and reason. */
    public static WavData read(Path file) throws AudioFileException {
        return readReporting(file).data();
    }

    /** As {@link #read}, also saying whether the file holds less audio than its header promises. */
    public static Read readReporting(Path file) throws AudioFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new AudioFileException(file, Reason.IO, "no such file");
        } catch (IOException e) {
            throw new AudioFileException(file, Reason.IO, e.toString(), e);
        }
        return parseReporting(file, bytes);
    }

    /** Parses WAV bytes; {@code file} is only used in messages. */
    static WavData parse(Path file, byte[] bytes) throws AudioFileException {
        return parseReporting(file, bytes).data();
    }

    static Read parseReporting(Path file, byte[] bytes) throws AudioFileException {
        if (bytes.length == 0) throw new AudioFileException(file, Reason.EMPTY, "0 bytes");
        if (bytes.length < 12) {
            if (startsWith(bytes, "RIFF")) throw new AudioFileException(file, Reason.TRUNCATED, bytes.length + " bytes");
            throw new AudioFileException(file, Reason.NOT_RIFF, "only " + bytes.length + " bytes");
        }
        if (!startsWith(bytes, "RIFF"))
            throw new AudioFileException(file, Reason.NOT_RIFF, "starts with '" + printable(bytes) + "'");
        if (!"WAVE".equals(ascii(bytes, 8)))
            throw new AudioFileException(file, Reason.NOT_RIFF, "a RIFF file of type '" + printable(java.util.Arrays.copyOfRange(bytes, 8, 12)) + "', not 'WAVE'");
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        WavFormat format = null;
        int pos = 12;
        while (true) {
            if (pos + 8 > bytes.length) {
                String missing = format == null ? "no 'fmt ' chunk" : "no 'data' chunk";
                throw new AudioFileException(file, Reason.TRUNCATED, missing + " before the end of the file");
            }
            String id = ascii(bytes, pos);
            long size = buf.getInt(pos + 4) & 0xFFFFFFFFL;
            int body = pos + 8;
            if ("fmt ".equals(id)) {
                if (body + size > bytes.length || size < 16)
                    throw new AudioFileException(file, Reason.TRUNCATED, "'fmt ' chunk is cut short");
                format = parseFormat(file, buf, body, (int) size);
            } else if ("data".equals(id)) {
                if (format == null) throw new AudioFileException(file, Reason.UNSUPPORTED_ENCODING, "'data' chunk before 'fmt ' chunk");
                // Streaming writers leave the size at 0xFFFFFFFF; a cut data chunk keeps its whole frames.
                long available = bytes.length - body;
                long dataBytes = Math.min(size, available);
                long promised = size == 0xFFFFFFFFL || size == 0 ? -1 : size / format.blockAlign();
                return new Read(decode(file, format, buf, body, (int) dataBytes), promised);
            }
            long next = body + size + (size & 1);
            if (next > bytes.length) throw new AudioFileException(file, Reason.TRUNCATED, "chunk '" + printable(id.getBytes()) + "' is cut short");
            pos = (int) next;
        }
    }

    static WavFormat parseFormat(Path file, ByteBuffer buf, int at, int size) throws AudioFileException {
        int tag = buf.getShort(at) & 0xFFFF;
        int channels = buf.getShort(at + 2) & 0xFFFF;
        int rate = buf.getInt(at + 4);
        int bits = buf.getShort(at + 14) & 0xFFFF;
        boolean extensible = tag == TAG_EXTENSIBLE;
        int validBits = bits, mask = 0;
        if (extensible) {
            if (size < 40) throw new AudioFileException(file, Reason.TRUNCATED, "EXTENSIBLE 'fmt ' chunk has " + size + " bytes, needs 40");
            validBits = buf.getShort(at + 18) & 0xFFFF;
            if (validBits == 0) validBits = bits;
            mask = buf.getInt(at + 20);
            for (int i = 0; i < GUID_TAIL.length; i++)
                if (buf.get(at + 26 + i) != GUID_TAIL[i])
                    throw new AudioFileException(file, Reason.UNSUPPORTED_ENCODING, "unknown EXTENSIBLE sub-format GUID");
            tag = buf.getShort(at + 24) & 0xFFFF;
        }
        WavFormat.Encoding enc = switch (tag) {
            case TAG_PCM -> WavFormat.Encoding.PCM;
            case TAG_FLOAT -> WavFormat.Encoding.FLOAT;
            default -> throw new AudioFileException(file, Reason.UNSUPPORTED_ENCODING, "format tag " + tag + " (" + tagName(tag) + ")");
        };
        if (channels < 1) throw new AudioFileException(file, Reason.UNSUPPORTED_ENCODING, channels + " channels");
        if (rate < MIN_RATE || rate > MAX_RATE)
            throw new AudioFileException(file, Reason.BAD_SAMPLE_RATE, "the header says " + Integer.toUnsignedString(rate) + " Hz; Timbre Lab reads "
                    + MIN_RATE + " to " + MAX_RATE + " Hz");
        try {
            return new WavFormat(enc, channels, rate, bits, validBits, extensible, mask);
        } catch (IllegalArgumentException e) {
            throw new AudioFileException(file, Reason.UNSUPPORTED_ENCODING, e.getMessage());
        }
    }

    private static WavData decode(Path file, WavFormat f, ByteBuffer buf, int at, int bytes) throws AudioFileException {
        int frames = bytes / f.blockAlign();
        if (frames == 0) throw new AudioFileException(file, Reason.NO_SAMPLES, "the 'data' chunk holds 0 frames");
        int nc = f.channels(), bps = f.bytesPerSample();
        double[][] ch = new double[nc][frames];
        int p = at;
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < nc; c++, p += bps) {
                double v = sample(buf, p, f);
                if (!Double.isFinite(v))
                    throw new AudioFileException(file, Reason.NON_FINITE, "sample " + i + " of channel " + c + " is " + v);
                ch[c][i] = v;
            }
        }
        return new WavData(f, ch);
    }

    /** The sample stored at byte {@code p} of {@code buf}, scaled to [-1, 1) as {@link WavData} describes. */
    static double sample(ByteBuffer buf, int p, WavFormat f) {
        double scale = 1.0 / (1L << (f.bitsPerSample() - 1));
        return switch (f.bytesPerSample() * (f.encoding() == WavFormat.Encoding.FLOAT ? -1 : 1)) {
            case 1 -> ((buf.get(p) & 0xFF) - 128) * scale;
            case 2 -> buf.getShort(p) * scale;
            case 3 -> ((buf.get(p) & 0xFF) | (buf.get(p + 1) & 0xFF) << 8 | buf.get(p + 2) << 16) * scale;
            case 4 -> buf.getInt(p) * scale;
            case -4 -> buf.getFloat(p);
            case -8 -> buf.getDouble(p);
            default -> throw new IllegalStateException("unreachable: " + f.bytesPerSample());
        };
    }

    /**
     * Writes {@code data} in its own format, to a temporary file moved into place atomically.
     * Integer PCM samples are rounded and clipped to the format's range.
     */
    public static void write(Path file, WavData data) throws AudioFileException {
        byte[] bytes = encode(data);
        Path dir = file.toAbsolutePath().getParent();
        try {
            if (dir != null) Files.createDirectories(dir);
            AtomicFiles.write(file, bytes);
        } catch (IOException e) {
            throw new AudioFileException(file, Reason.IO, "writing failed: " + e, e);
        }
    }

    /**
     * Writes mono float samples as 16-bit PCM, atomically: the same bytes as {@link #write} of {@code WavData.of(…)}
     * in that format, without its 8-byte-a-sample copy (a long conversion's output is written in 2 bytes a sample
     * on top of itself).
     */
    public static void writePcm16(Path file, float[] samples, int sampleRate) throws AudioFileException {
        WavFormat f = WavFormat.pcm(16, 1, sampleRate);
        long dataBytes = 2L * samples.length;
        if (dataBytes + 44 > Integer.MAX_VALUE) throw new IllegalArgumentException("too much audio for one WAV file here (> 2 GiB)");
        ByteBuffer b = ByteBuffer.allocate((int) (44 + dataBytes)).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt((int) (36 + dataBytes)).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) TAG_PCM).putShort((short) 1)
                .putInt(sampleRate).putInt(sampleRate * f.blockAlign()).putShort((short) f.blockAlign()).putShort((short) 16);
        b.put("data".getBytes()).putInt((int) dataBytes);
        for (float x : samples) b.putShort((short) Math.max(-32768, Math.min(32767, Math.round((double) x * 32768))));
        Path dir = file.toAbsolutePath().getParent();
        try {
            if (dir != null) Files.createDirectories(dir);
            AtomicFiles.write(file, b.array());
        } catch (IOException e) {
            throw new AudioFileException(file, Reason.IO, "writing failed: " + e, e);
        }
    }

    /** The complete file content for {@code data}. */
    static byte[] encode(WavData data) {
        WavFormat f = data.format();
        boolean isFloat = f.encoding() == WavFormat.Encoding.FLOAT;
        int fmtSize = f.extensible() ? 40 : isFloat ? 18 : 16;
        boolean fact = isFloat || f.extensible();   // required for non-PCM, customary for EXTENSIBLE
        long dataBytes = (long) data.frames() * f.blockAlign();
        long riffSize = 4 + (8 + fmtSize) + (fact ? 12 : 0) + 8 + dataBytes + (dataBytes & 1);
        if (riffSize > 0xFFFFFFFFL) throw new IllegalArgumentException("too much audio for one WAV file (> 4 GiB)");
        ByteBuffer b = ByteBuffer.allocate((int) (riffSize + 8)).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt((int) riffSize).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(fmtSize);
        int tag = isFloat ? TAG_FLOAT : TAG_PCM;
        b.putShort((short) (f.extensible() ? TAG_EXTENSIBLE : tag)).putShort((short) f.channels())
                .putInt(f.sampleRate()).putInt(f.sampleRate() * f.blockAlign())
                .putShort((short) f.blockAlign()).putShort((short) f.bitsPerSample());
        if (f.extensible()) {
            b.putShort((short) 22).putShort((short) f.validBitsPerSample()).putInt(f.channelMask())
                    .putShort((short) tag).put(GUID_TAIL);
        } else if (isFloat) {
            b.putShort((short) 0);
        }
        if (fact) b.put("fact".getBytes()).putInt(4).putInt(data.frames());
        b.put("data".getBytes()).putInt((int) dataBytes);
        double[][] ch = data.channels();
        int bits = f.bitsPerSample();
        double scale = 1L << (bits - 1);
        long max = (1L << (bits - 1)) - 1, min = -(1L << (bits - 1));
        for (int i = 0; i < data.frames(); i++) {
            for (double[] c : ch) {
                double v = c[i];
                if (isFloat) {
                    if (bits == 32) b.putFloat((float) v); else b.putDouble(v);
                    continue;
                }
                long q = Math.round(v * scale);
                q = Math.max(min, Math.min(max, q));
                switch (bits) {
                    case 8 -> b.put((byte) (q + 128));
                    case 16 -> b.putShort((short) q);
                    case 24 -> b.put((byte) q).put((byte) (q >> 8)).put((byte) (q >> 16));
                    default -> b.putInt((int) q);
                }
            }
        }
        if ((dataBytes & 1) == 1) b.put((byte) 0);
        return b.array();
    }

    private static boolean startsWith(byte[] b, String s) {
        return b.length >= 4 && ascii(b, 0).equals(s);
    }

    private static String ascii(byte[] b, int at) {
        return new String(b, at, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String printable(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(4, b.length); i++) sb.append(b[i] >= 32 && b[i] < 127 ? (char) b[i] : '?');
        return sb.toString();
    }

    private static String tagName(int tag) {
        return switch (tag) {
            case 2 -> "MS ADPCM";
            case 6 -> "A-law";
            case 7 -> "mu-law";
            case 0x11 -> "IMA ADPCM";
            case 0x55 -> "MP3";
            default -> "not PCM or IEEE float";
        };
    }
}
