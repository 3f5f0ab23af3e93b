package org.timbrelab.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds the audio files of a domain: every WAV/AIFF under a folder (recursively, hidden files and
 * folders such as {@code .cache} left out), in a stable order (by relative path). An NSynth jsonwav
 * set (examples.json + audio/*.wav) is such a folder too: its notes are the WAVs under audio/.
 */
final class AudioSources {
    private AudioSources() { }

    private static final List<String> AUDIO_EXTENSIONS = List.of(".wav", ".wave", ".aif", ".aiff", ".aifc");

    static boolean isAudioFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return AUDIO_EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    /** True if {@code dir} looks like an NSynth jsonwav set. */
    static boolean isNsynth(Path dir) {
        return Files.isRegularFile(dir.resolve("examples.json")) && Files.isDirectory(dir.resolve("audio"));
    }

    /**
     * The audio files under {@code dir}, sorted by relative path ('/'-separated).
     *
     * @throws DatasetException if the folder is missing, empty or holds no audio file
     */
    static List<Path> list(Path dir) {
        if (!Files.exists(dir))
            throw new DatasetException("dataset folder " + dir + " does not exist; check the path or create it and put WAV/AIFF files in it");
        if (!Files.isDirectory(dir))
            throw new DatasetException(dir + " is not a folder; a domain dataset is a folder of WAV/AIFF files (searched recursively)");
        Path root = isNsynth(dir) ? dir.resolve("audio") : dir;
        List<Path> audio = new ArrayList<>();
        List<Path> other = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> !p.equals(root) && !isHidden(root.relativize(p)))
                .filter(Files::isRegularFile)
                .forEach(p -> (isAudioFile(p) ? audio : other).add(p));
        } catch (IOException e) {
            throw new DatasetException("cannot list dataset folder " + dir + ": " + e.getMessage() + "; check its permissions", e);
        }
        if (audio.isEmpty()) {
            if (other.isEmpty())
                throw new DatasetException("dataset folder " + dir + " is empty; put WAV or AIFF recordings in it (subfolders are searched too)");
            List<String> names = other.stream().limit(5).map(p -> root.relativize(p).toString()).toList();
            throw new DatasetException("dataset folder " + dir + " holds no audio files: found " + other.size()
                    + " other file(s) such as " + String.join(", ", names)
                    + "; only .wav/.aif/.aiff files are read — convert your recordings to WAV");
        }
        audio.sort((a, b) -> relativeName(dir, a).compareTo(relativeName(dir, b)));
        return audio;
    }

    /** '/'-separated path of {@code file} relative to {@code dir}, the same on every OS. */
    static String relativeName(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) if (part.toString().startsWith(".")) return true;
        return false;
    }
}
