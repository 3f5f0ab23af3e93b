package org.timbrelab.engine.eval;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** An audio clip with the name it is reported under (usually its file name). */
public record NamedClip(String name, AudioClip clip) {

    /**
     * Every .wav/.aif/.aiff file in {@code dir} and its sub-folders, sorted by path, loaded as mono
     * at {@code rate} and named by its path relative to {@code dir}. Fails naming the folder when
     * it is missing or holds no audio file.
     */
    public static List<NamedClip> loadFolder(Path dir, int rate) throws IOException {
        List<NamedClip> out = new ArrayList<>();
        for (Path f : listFolder(dir)) out.add(new NamedClip(dir.relativize(f).toString().replace('\\', '/'), AudioFiles.loadMono(f, rate)));
        return out;
    }

    /** The audio files {@link #loadFolder} would load, sorted by path, with the same errors. */
    public static List<Path> listFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir))
            throw new IOException("input folder " + dir + " does not exist or is not a folder; give a folder of WAV/AIFF files");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            files = s.filter(Files::isRegularFile).filter(NamedClip::isAudio).sorted().toList();
        }
        if (files.isEmpty())
            throw new IOException("input folder " + dir + " holds no .wav, .aif or .aiff file; put the WAV/AIFF clips there");
        return files;
    }

    static boolean isAudio(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".wav") || n.endsWith(".aif") || n.endsWith(".aiff");
    }
}
