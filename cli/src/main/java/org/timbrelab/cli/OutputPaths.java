package org.timbrelab.cli;

import org.timbrelab.dsp.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks an output path before any work is done, so that a command never overwrites its own
 * input and never finds out at the end that it cannot write. Every refusal is an
 * {@link IllegalArgumentException} whose message is "PATH: reason; what to do".
 */
final class OutputPaths {

    private OutputPaths() { }

    /** The path as the file system will resolve it: symbolic links, {@code .} and {@code ..} followed, even for parts that do not exist yet. */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath();
        if (Files.exists(abs)) {
            try {
                return abs.toRealPath();
            } catch (IOException e) {
                return abs.normalize();
            }
        }
        Path parent = abs.getParent();
        if (parent == null) return abs;
        Path dir = real(parent);
        String name = abs.getFileName().toString();
        if (name.equals(".")) return dir;
        if (name.equals("..")) return dir.getParent() == null ? dir : dir.getParent();
        return dir.resolve(name);
    }

    /** Refuses writing {@code out} when it is {@code in} under another name (alias, symbolic or hard link). */
    static void requireNotInput(Path in, Path out, String inOption, String outOption) {
        boolean same = real(in).equals(real(out));
        if (!same && Files.exists(in) && Files.exists(out)) {
            try {
                same = Files.isSameFile(in, out);
            } catch (IOException e) {
                // cannot tell: the real-path comparison stands
            }
        }
        if (same) throw new IllegalArgumentException(out + ": this is the input file (" + inOption + " " + in
                + "); writing it would destroy the recording; choose another " + outOption + " name");
    }

    /** Refuses names that promise another format: only WAV is written. */
    static void requireWavName(Path out, String outOption) {
        String name = out.getFileName() == null ? "" : out.getFileName().toString();
        if (Files.isDirectory(out))
            throw new IllegalArgumentException(out + ": is a folder; give a file name in it, e.g. " + out.resolve("out.wav"));
        if (name.toLowerCase(Locale.ROOT).endsWith(".wav")) return;
        boolean otherFormat = name.matches(".+\\.[A-Za-z0-9]{1,5}");
        throw new IllegalArgumentException(out + ": Timbre Lab writes WAV files only, so " + outOption + " must end in .wav; give e.g. "
                + stem(name) + ".wav" + (otherFormat ? " (and convert it afterwards, e.g. `ffmpeg -i " + stem(name) + ".wav " + name + "`)" : ""));
    }

    /** With {@code --to all}: a folder name, or NAME.wav; another extension (x.mp3) is refused. */
    static void requireWavOrFolder(Path out, String outOption) {
        if (Files.isDirectory(out)) return;
        String name = out.getFileName() == null ? "" : out.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".wav")) return;
        if (name.matches(".+\\.[A-Za-z0-9]{1,5}"))
            throw new IllegalArgumentException(out + ": Timbre Lab writes WAV files only, so " + outOption
                    + " must be NAME.wav or a folder; give e.g. " + stem(name) + ".wav");
    }

    /**
     * Refuses an output that cannot be written: a folder where a file is wanted, a read-only file,
     * a parent that is a file, or a folder where a new file cannot be created (tried with an empty
     * hidden file that is removed at once).
     */
    static void requireWritableFile(Path out) {
        Path abs = out.toAbsolutePath();
        requireCreatableIn(out);
        if (Files.isDirectory(abs))
            throw new IllegalArgumentException(out + ": is a folder; give a file name such as " + abs.resolve("out.wav"));
        if (Files.exists(abs) && !Files.isWritable(abs))
            throw new IllegalArgumentException(out + ": is read-only; choose another name or make it writable");
    }

    /** The nearest existing folder above {@code target} must be a folder in which files can be created. */
    static void requireCreatableIn(Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        while (dir != null && !Files.exists(dir)) dir = dir.getParent();
        if (dir == null) throw new IllegalArgumentException(target + ": no folder of this path exists; check the path");
        if (!Files.isDirectory(dir))
            throw new IllegalArgumentException(target + ": cannot be created because " + dir + " is a file, not a folder; choose another path");
        Path probe = null;
        try {
            probe = AtomicFiles.tempFor(dir.resolve(abs.getFileName().toString()));
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(target + ": cannot write in " + dir + " (" + why(e)
                    + "); choose another folder, or fix its permissions or free space");
        } finally {
            AtomicFiles.discard(probe);
        }
    }

    /** The reason of a file-system refusal in words ("Permission denied", "Read-only file system", …). */
    static String why(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        if (e instanceof java.nio.file.NoSuchFileException) return "it does not accept new files";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name.isEmpty() ? "out" : name;
    }
}
