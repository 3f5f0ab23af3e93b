package org.timbrelab.app.services;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFileException;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramConfig;
import org.timbrelab.engine.infer.BlockConversion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Files and spectrograms for the app, through the dsp layer. Call off the FX thread. */
public final class AudioService {
    private volatile AudioTransform transform;

    public AudioService(SpectrogramConfig config) { this.transform = new AudioTransform(config); }

    /** Follows the loaded preset's spectrogram config. */
    public void setConfig(SpectrogramConfig config) {
        if (!config.equals(transform.config())) transform = new AudioTransform(config);
    }

    public SpectrogramConfig config() { return transform.config(); }

    /** Heap a conversion takes per second of input converted in one piece (measured by the CLI: 2 MB a second). */
    static final double CONVERSION_BYTES_PER_SECOND = 2.0e6;

    /**
     * Heap the window keeps per second of input: the clip and up to four outputs at 4 bytes a sample, their spectrograms
     * and pictures, and the samples being played.
     */
    static final double HELD_BYTES_PER_SECOND = 1.0e6;

    /**
     * Any WAV/AIFF → mono at the model rate; one longer than {@link BlockConversion#LONG_INPUT_SECONDS} is read a block at
     * a time (the outputs then convert in blocks too). A recording too long for the memory Java may use is refused from its
     * header, before it is read, with what to do.
     */
    public AudioClip load(Path file) throws AudioFileException {
        requireWindowSized(file, Runtime.getRuntime().maxMemory());
        int rate = transform.config().sampleRate();
        double seconds = AudioFiles.seconds(file).orElse(0);
        return seconds > BlockConversion.LONG_INPUT_SECONDS ? AudioFiles.streamMono(file, rate).clip() : AudioFiles.loadMono(file, rate);
    }

    /**
     * Heap the window needs to open and convert {@code seconds} of audio: what it keeps, plus one conversion, which runs in
     * blocks of less than {@link BlockConversion#LONG_INPUT_SECONDS} past that length (so it never needs more than at it).
     */
    static double windowBytes(double seconds) {
        return Math.min(seconds, BlockConversion.LONG_INPUT_SECONDS) * CONVERSION_BYTES_PER_SECOND + seconds * HELD_BYTES_PER_SECOND;
    }

    /** Refuses a WAV or AIFF longer than the window can hold with {@code maxHeap} bytes; other files are judged by their size later. */
    static void requireWindowSized(Path file, long maxHeap) throws AudioFileException {
        var header = AudioFiles.seconds(file);
        if (header.isEmpty()) return;   // not a WAV or AIFF, or damaged: the reader gives the full diagnosis
        double seconds = header.getAsDouble(), room = 0.8 * maxHeap, atBlocks = windowBytes(BlockConversion.LONG_INPUT_SECONDS);
        if (windowBytes(seconds) <= room) return;
        double fits = room <= atBlocks ? room / (CONVERSION_BYTES_PER_SECOND + HELD_BYTES_PER_SECOND)
                : BlockConversion.LONG_INPUT_SECONDS + (room - atBlocks) / HELD_BYTES_PER_SECOND;
        throw new AudioFileException(file, AudioFileException.Reason.TOO_LARGE, String.format(java.util.Locale.ROOT,
                "%.1f min of audio; the window converts up to %.1f min at a time with the %d MB Java may use here. "
                        + "Open a shorter part, or convert the whole recording on the command line "
                        + "(`java -jar target/timbre-lab.jar convert --preset P --in %s --to all --out OUT.wav` needs less memory)",
                seconds / 60, fits / 60, maxHeap / 1_000_000, file.getFileName()));
    }

    public Spectrogram spectrogram(AudioClip clip) { return transform.forward(clip); }

    public void saveWav(Path file, AudioClip clip) throws AudioFileException { AudioFiles.saveWav(file, clip); }

    public AudioTransform transform() { return transform; }

    /** WAV/AIFF files directly in {@code dir}, sorted by name; empty if the folder is missing. */
    public static List<Path> audioFilesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(AudioService::isAudioFile).sorted().toList();
        }
    }

    public static boolean isAudioFile(Path p) {
        String n = p.getFileName().toString().toLowerCase();
        return n.endsWith(".wav") || n.endsWith(".aif") || n.endsWith(".aiff");
    }
}
