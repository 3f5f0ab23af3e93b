package org.timbrelab.engine.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the audio files of a domain, in a stable order (by relative path):
 * <ul>
 * <li>an NSynth jsonwav set (examples.json + audio/): the notes listed in examples.json
 *     ({@link NsynthJson}), with their pitch and velocity; listed notes whose WAV is missing are
 *     reported and left out;</li>
 * <li>any other folder: every WAV/AIFF under it, recursively and through symbolic links, hidden
 *     files and folders (such as {@code .cache}) left out.</li>
 * </ul>
 */
final class AudioSources {
    private AudioSources() { }

    private static final List<String> AUDIO_EXTENSIONS = List.of(".wav", ".wave", ".aif", ".aiff", ".aifc");

    /** The files of a domain and, for note sets, each file's note label. */
    record Listing(List<Path> files, Map<Path, NoteLabel> notes, boolean nsynth) { }

    static boolean isAudioFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return AUDIO_EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    /** True if {@code dir} looks like an NSynth jsonwav set. */
    static boolean isNsynth(Path dir) {
        return Files.isRegularFile(dir.resolve(NsynthJson.FILE_NAME)) && Files.isDirectory(dir.resolve(NsynthJson.AUDIO_DIR));
    }

    /**
     * The audio files of {@code dir}, sorted by relative path ('/'-separated).
     *
     * @throws DatasetException if the folder is missing, empty or holds no audio file, or its examples.json is broken
     */
    static Listing list(Path dir, DatasetListener listener) {
        if (!Files.exists(dir))
            throw new DatasetException("dataset folder " + dir + " does not exist; check the path or create it and put WAV/AIFF files in it");
        if (!Files.isDirectory(dir))
            throw new DatasetException(dir + " is not a folder; a domain dataset is a folder of WAV/AIFF files (searched recursively)");
        return isNsynth(dir) ? listNsynth(dir, listener) : new Listing(listFolder(dir), Map.of(), false);
    }

    private static Listing listNsynth(Path dir, DatasetListener listener) {
        List<NsynthJson.Note> notes;
        try {
            notes = NsynthJson.read(dir);
        } catch (IllegalArgumentException e) {
            throw new DatasetException(e.getMessage(), e);
        }
        List<Path> files = new ArrayList<>();
        Map<Path, NoteLabel> labels = new HashMap<>();
        int missing = 0;
        for (NsynthJson.Note n : notes) {
            Path f = n.audioFile(dir);
            if (!Files.isRegularFile(f)) {
                if (missing++ < 5) listener.warning("skipping note '" + n.noteStr() + "' of " + dir.resolve(NsynthJson.FILE_NAME)
                        + ": its audio file " + f + " is missing; re-extract or re-render the set");
                continue;
            }
            files.add(f);
            if (n.pitch() >= 0 && n.pitch() <= 127 && n.velocity() >= 0 && n.velocity() <= 127)
                labels.put(f, new NoteLabel(n.pitch(), n.velocity()));
        }
        if (missing > 5) listener.warning((missing - 5) + " more notes of " + dir.resolve(NsynthJson.FILE_NAME) + " have no audio file");
        if (files.isEmpty())
            throw new DatasetException("NSynth set " + dir + " has no usable notes: " + notes.size() + " listed in "
                    + NsynthJson.FILE_NAME + ", none with a WAV in " + dir.resolve(NsynthJson.AUDIO_DIR)
                    + "; re-extract or re-render the set");
        files.sort(Comparator.comparing(f -> relativeName(dir, f)));
        return new Listing(files, labels, true);
    }

    private static List<Path> listFolder(Path dir) {
        List<Path> audio = new ArrayList<>();
        List<Path> other = new ArrayList<>();
        // symbolic links are followed: data folders are often links to a shared disk
        try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            walk.filter(p -> !p.equals(dir) && !isHidden(dir.relativize(p)))
                .filter(Files::isRegularFile)
                .forEach(p -> (isAudioFile(p) ? audio : other).add(p));
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            String why = cause instanceof FileSystemLoopException loop ? "a symbolic link loops back to " + loop.getFile()
                    : cause.toString();
            throw new DatasetException("cannot list dataset folder " + dir + ": " + why + "; check its links and permissions", e);
        }
        if (audio.isEmpty()) {
            if (other.isEmpty())
                throw new DatasetException("dataset folder " + dir + " is empty; put WAV or AIFF recordings in it (subfolders are searched too)");
            List<String> names = other.stream().limit(5).map(p -> relativeName(dir, p)).toList();
            throw new DatasetException("dataset folder " + dir + " holds no audio files: found " + other.size()
                    + " other file(s) such as " + String.join(", ", names)
                    + "; only .wav/.aif/.aiff files are read — convert your recordings to WAV");
        }
        audio.sort(Comparator.comparing(f -> relativeName(dir, f)));
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
