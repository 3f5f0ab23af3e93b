package org.timbrelab.engine.eval;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramImage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a static site into one folder and remembers every file it wrote (relative paths with
 * '/' separators). A page is only written when every {@code src}/{@code href} in it names a
 * file this writer wrote — so the site never points at the network or at a missing file.
 */
public final class SiteWriter {

    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private final Path root;
    private final Set<String> written = new LinkedHashSet<>();

    public SiteWriter(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root);
    }

    public Path root() { return root; }

    /** Relative paths of every file written so far. */
    public Set<String> written() { return Collections.unmodifiableSet(written); }

    /** Writes a 16-bit WAV at {@code relative} and returns the relative path. */
    public String audio(String relative, AudioClip clip) throws IOException {
        AudioFiles.saveWav(target(relative), clip);
        return record(relative);
    }

    /** Writes a spectrogram PNG at {@code relative} and returns the relative path. */
    public String image(String relative, Spectrogram spec, String title, int plotWidth, int plotHeight) throws IOException {
        SpectrogramImage.Options o = new SpectrogramImage.Options(SpectrogramImage.Options.DEFAULT.colorMap(), plotWidth, plotHeight, title);
        SpectrogramImage.writePng(spec, o, target(relative));
        return record(relative);
    }

    /**
     * Writes an HTML (or any text) page after checking that it references only files written by
     * this writer; fails naming the first reference that is not.
     */
    public String page(String relative, String html) throws IOException {
        Set<String> refs = references(html);
        for (String ref : refs)
            if (!written.contains(ref))
                throw new IllegalStateException("page " + relative + " references '" + ref + "', which this exporter did not write");
        ReportWriter.writeText(target(relative), html);
        return record(relative);
    }

    /** Every {@code src="…"} and {@code href="…"} value in a page. */
    public static Set<String> references(String html) {
        Set<String> refs = new TreeSet<>();
        Matcher m = REFERENCE.matcher(html);
        while (m.find()) refs.add(m.group(1));
        return refs;
    }

    /** A file-name-safe slug: lower-case letters, digits, '-' and '_' only. */
    public static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("\\.[a-z0-9]{1,5}$", "").replaceAll("[^a-z0-9_-]+", "-")
                .replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "clip" : s;
    }

    private Path target(String relative) throws IOException {
        if (relative.startsWith("/") || relative.contains("..") || relative.contains("\\"))
            throw new IllegalArgumentException("site paths must be relative without '..', got '" + relative + "'");
        Path p = root.resolve(relative);
        Files.createDirectories(p.toAbsolutePath().getParent());
        return p;
    }

    private String record(String relative) {
        written.add(relative);
        return relative;
    }
}
