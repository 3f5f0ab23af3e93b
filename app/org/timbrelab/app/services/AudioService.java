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

    /** Any WAV/AIFF → mono at the model rate. */
    public AudioClip load(Path file) throws AudioFileException {
        return AudioFiles.loadMono(file, transform.config().sampleRate());
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
