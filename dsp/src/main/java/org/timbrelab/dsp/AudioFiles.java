package org.timbrelab.dsp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.timbrelab.dsp.AudioFileException.Reason;

/**
 * The one entry point from audio files to model-ready clips: any WAV ({@link WavIO}) or AIFF
 * (javax.sound) file → mono (channel average) → band-limited resampling ({@link Resampler}).
 */
public final class AudioFiles {

    private AudioFiles() { }

    /** Reads {@code file} (WAV or AIFF), averages its channels and resamples to {@code rate} Hz. */
    public static AudioClip loadMono(Path file, int rate) throws AudioFileException {
        return Resampler.resample(read(file).toMonoClip(), rate);
    }

    /**
     * A WAV or AIFF file as a {@code rate}-Hz mono clip, read {@link #STREAM_BLOCK_SECONDS} at a time: memory is the clip
     * (4 bytes a sample) plus one block, whatever the file's format, and the samples equal those of {@link #loadMono}
     * (block-wise resampling has no seams: {@link Resampler#processRange}).
     *
     * @param shortfall a warning if the file holds less than its header promises ({@link WavStream#shortfall})
     */
    public record StreamedMono(AudioClip clip, java.util.Optional<String> shortfall, WavFormat fileFormat) { }

    /** Seconds of the file decoded at a time by {@link #streamMono}. */
    public static final double STREAM_BLOCK_SECONDS = 10;

    /** Reads a long WAV or AIFF file block by block (see {@link StreamedMono}). */
    public static StreamedMono streamMono(Path file, int rate) throws AudioFileException {
        try (MonoFrames in = isAiff(file) ? AiffStream.open(file) : WavStream.open(file)) {
            int fileRate = in.format().sampleRate();
            Resampler r = new Resampler(fileRate, rate);
            long total = in.frames();
            if (total < 0) throw new AudioFileException(file, Reason.UNSUPPORTED_ENCODING, "its header does not say how many frames it holds");
            long outLength = r.outputLength(total);
            if (outLength > Integer.MAX_VALUE - 8)
                throw new AudioFileException(file, Reason.TOO_LARGE, String.format(java.util.Locale.ROOT,
                        "%.0f hours of audio; Timbre Lab converts up to %.0f hours at a time", total / (double) fileRate / 3600, (Integer.MAX_VALUE / (double) rate) / 3600));
            float[] out = new float[(int) outLength];
            int block = (int) (STREAM_BLOCK_SECONDS * rate);
            for (long from = 0; from < outLength; from += block) {
                long to = Math.min(outLength, from + block);
                if (fileRate == rate) {
                    System.arraycopy(in.readMono(from, (int) (to - from)), 0, out, (int) from, (int) (to - from));
                    continue;
                }
                long[] need = r.inputRange(from, to, total);
                float[] slice = in.readMono(need[0], (int) (need[1] - need[0]));
                System.arraycopy(r.processRange(slice, need[0], total, from, to), 0, out, (int) from, (int) (to - from));
            }
            return new StreamedMono(new AudioClip(out, rate), in.shortfall(), in.format());
        }
    }

    /**
     * Seconds of audio a WAV or AIFF file holds, from its header alone (nothing else is read), so a recording too long
     * for the memory can be refused before it is decoded; empty for anything else or a header that does not say.
     */
    public static java.util.OptionalDouble seconds(Path file) {
        java.util.OptionalDouble wav = WavStream.seconds(file);
        if (wav.isPresent() || !isAiff(file)) return wav;
        try (AiffStream a = AiffStream.open(file)) {
            return a.frames() >= 0 ? java.util.OptionalDouble.of(a.frames() / (double) a.format().sampleRate()) : java.util.OptionalDouble.empty();
        } catch (AudioFileException unreadable) {   // damaged or unsupported: the reader gives the full diagnosis
            return java.util.OptionalDouble.empty();
        }
    }

    private static boolean isAiff(Path file) {
        try {
            return startsWithForm(file);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** An AIFF (or AIFF-C) file starts with the IFF chunk id "FORM"; a WAV with "RIFF". */
    private static boolean startsWithForm(Path file) throws IOException {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(head, 0, 4) == 4 && new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).equals("FORM");
        }
    }

    /** Reads a WAV or AIFF file in its own format. */
    public static WavData read(Path file) throws AudioFileException {
        return readReporting(file).data();
    }

    /**
     * As {@link #read}, also saying whether a WAV file holds less audio than its header promises
     * ({@link WavIO.Read#shortfall}). Devices, folders and files too large for the memory Java may
     * use are refused before reading.
     */
    public static WavIO.Read readReporting(Path file) throws AudioFileException {
        requireReadableSize(file);
        boolean aiff;
        try {
            aiff = startsWithForm(file);
        } catch (NoSuchFileException e) {
            throw new AudioFileException(file, Reason.IO, "no such file");
        } catch (IOException e) {
            throw new AudioFileException(file, Reason.IO, e.toString(), e);
        }
        return aiff ? readAiff(file) : WavIO.readReporting(file);
    }

    /** Decoding takes several times the file's size (8-byte samples per channel, then the mono mix and its resampling). */
    private static final int MEMORY_PER_FILE_BYTE = 8;

    private static void requireReadableSize(Path file) throws AudioFileException {
        if (!Files.exists(file)) throw new AudioFileException(file, Reason.IO, "no such file");
        if (!Files.isRegularFile(file)) throw new AudioFileException(file, Reason.NOT_A_FILE, Files.isDirectory(file) ? "it is a folder" : "it is a device or pipe");
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new AudioFileException(file, Reason.IO, e.toString(), e);
        }
        long max = Runtime.getRuntime().maxMemory() / MEMORY_PER_FILE_BYTE;
        if (size > max)
            throw new AudioFileException(file, Reason.TOO_LARGE, String.format(java.util.Locale.ROOT,
                    "%.0f MB; with the %.0f MB Java may use here, files up to %.0f MB fit", size / 1e6, Runtime.getRuntime().maxMemory() / 1e6, max / 1e6));
    }

    /** Writes a clip as 16-bit PCM mono WAV at the clip's rate (clipped to [-1, 1]). */
    public static void saveWav(Path file, AudioClip clip) throws AudioFileException {
        for (int i = 0; i < clip.length(); i++)
            if (!Float.isFinite(clip.samples()[i]))
                throw new AudioFileException(file, Reason.NON_FINITE, "sample " + i + " of the clip to write is " + clip.samples()[i]);
        if (clip.length() == 0) throw new AudioFileException(file, Reason.NO_SAMPLES, "refusing to write an empty clip");
        WavIO.writePcm16(file, clip.samples(), clip.sampleRate());
    }

    /** AIFF/AIFF-C through javax.sound ({@link AiffStream}), decoded whole, with the frame count its header promises. */
    private static WavIO.Read readAiff(Path file) throws AudioFileException {
        try (AiffStream in = AiffStream.open(file)) {
            return new WavIO.Read(new WavData(in.format(), in.readAll()), in.frames());
        }
    }
}
