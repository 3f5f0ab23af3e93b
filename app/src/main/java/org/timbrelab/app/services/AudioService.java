package org.timbrelab.app.services;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFileException;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramConfig;

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

    /**
     * Heap the window needs per second of input: one conversion at a time (the CLI measured 2 MB a second for a
     * conversion in one piece) plus the clip, the outputs and their spectrograms the window keeps on show.
     */
    static final double WINDOW_BYTES_PER_SECOND = 3.0e6;

    /**
     * Any WAV/AIFF → mono at the model rate. A recording too long for the window to convert in the memory Java may use is
     * refused from its header, before it is read, with what to do (the CLI converts long recordings in blocks).
     */
    public AudioClip load(Path file) throws AudioFileException {
        requireWindowSized(file, Runtime.getRuntime().maxMemory());
        return AudioFiles.loadMono(file, transform.config().sampleRate());
    }

    /** Refuses a WAV or AIFF longer than the window can hold with {@code maxHeap} bytes; other files are judged by their size later. */
    static void requireWindowSized(Path file, long maxHeap) throws AudioFileException {
        var header = AudioFiles.seconds(file);
        if (header.isEmpty()) return;   // not a WAV or AIFF, or damaged: the reader gives the full diagnosis
        double seconds = header.getAsDouble();
        double fits = 0.8 * maxHeap / WINDOW_BYTES_PER_SECOND;
        if (seconds > fits)
            throw new AudioFileException(file, AudioFileException.Reason.TOO_LARGE, String.format(java.util.Locale.ROOT,
                    "%.1f min of audio; the window converts up to %.1f min at a time with the %d MB Java may use here. "
                            + "Open a shorter part, or convert the whole recording on the command line "
                            + "(`java -jar target/timbre-lab.jar convert --preset P --in %s --to all --out OUT.wav` converts long recordings in blocks)",
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
