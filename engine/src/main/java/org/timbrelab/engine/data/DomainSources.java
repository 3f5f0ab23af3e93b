package org.timbrelab.engine.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Turns a {@link DomainSource} into a folder of audio, rendering only when needed. */
public final class DomainSources {
    /** Written last into a rendered folder: the source it was rendered from. */
    public static final String STAMP = "source.json";
    /** Written before a render starts and removed when it completes: a folder holding it is an interrupted render of ours. */
    public static final String PENDING = "source.pending.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DomainSources() { }

    /** {@link #materialize(DomainSource, Path, int, InstrumentDataset.Progress)} on all cores, without progress. */
    public static Path materialize(DomainSource source, Path dir) throws IOException {
        return materialize(source, dir, Runtime.getRuntime().availableProcessors(), null);
    }

    /**
     * The folder holding the source's audio. A folder source is returned as it is (it must exist). A rendered
     * source is rendered into {@code dir} unless {@code dir/source.json} says it already holds exactly this
     * source; a render from another source, or one that was interrupted ({@link #PENDING} left behind), is
     * replaced; a non-empty folder not rendered by us is refused.
     */
    public static Path materialize(DomainSource source, Path dir, int jobs, InstrumentDataset.Progress progress) throws IOException {
        if (source.folder() != null) {
            if (!Files.isDirectory(source.folder())) {
                throw new IllegalArgumentException("domain folder " + source.folder().toAbsolutePath() + " does not exist; record or copy audio into it, or fix the path");
            }
            return source.folder();
        }
        JsonNode wanted = source.toTree();
        Path stamp = dir.resolve(STAMP);
        if (Files.isRegularFile(stamp)) {
            if (sameSource(wanted, readStamp(stamp))) return dir;
            clearRendered(dir);
        } else if (Files.isRegularFile(dir.resolve(PENDING))) {
            clearRendered(dir);   // an earlier render was interrupted: its partial files are ours to replace
        } else if (Files.isDirectory(dir) && !isEmpty(dir)) {
            throw new IllegalArgumentException("cannot render into " + dir.toAbsolutePath() + ": it holds files that Timbre Lab did not render"
                    + " (no " + STAMP + "); choose an empty folder or delete its contents");
        }
        Files.createDirectories(dir);
        writeAtomically(dir.resolve(PENDING), wanted);
        if (source.soundfont() != null) renderSoundfont(source.soundfont(), dir, jobs, progress);
        else renderSpeech(source.speech(), dir, jobs, progress);
        writeAtomically(stamp, wanted);
        Files.delete(dir.resolve(PENDING));
        return dir;
    }

    private static void writeAtomically(Path file, JsonNode tree) throws IOException {
        Path tmp = org.timbrelab.dsp.AtomicFiles.tempFor(file);
        JSON.writeValue(tmp.toFile(), tree);
        org.timbrelab.dsp.AtomicFiles.commit(tmp, file);
    }

    /** True when {@code dir} already holds a complete render of {@code source}. */
    public static boolean isCurrent(DomainSource source, Path dir) {
        if (source.folder() != null) return Files.isDirectory(source.folder());
        Path stamp = dir.resolve(STAMP);
        return Files.isRegularFile(stamp) && sameSource(source.toTree(), readStamp(stamp));
    }

    /** Compared as text: a stamp read back holds ints where the fresh tree holds longs. */
    private static boolean sameSource(JsonNode a, JsonNode b) {
        return b != null && a.toString().equals(b.toString());
    }

    private static void renderSoundfont(DomainSource.SoundfontSpec s, Path dir, int jobs, InstrumentDataset.Progress progress) throws IOException {
        Instrument instrument = InstrumentTable.loadDefault().get(s.instrument());
        var spec = new InstrumentDataset.Spec(instrument, Soundfont.of(s.soundfont()), s.notes(),
                s.pitches() == null ? null : MidiNotes.parseRange(s.pitches()), s.velocities(), s.variants(),
                s.phrases(), s.phraseSeconds(), s.seed(), s.rests());
        InstrumentDataset.render(spec, dir, jobs, progress);
    }

    private static void renderSpeech(DomainSource.SpeechSpec s, Path dir, int jobs, InstrumentDataset.Progress progress) throws IOException {
        TtsEngine engine = TtsEngine.parse(s.engine());
        List<TtsVoice> voices = new ArrayList<>();
        for (String v : s.voices()) voices.add(TtsVoice.parse(v, engine));
        var spec = new SpeechCorpusBuilder.Spec(voices, SpeechCorpusBuilder.readSentences(Path.of(s.text())), s.sentences(), s.seed());
        SpeechCorpusBuilder.build(spec, dir, jobs, null, progress);
    }

    private static JsonNode readStamp(Path stamp) {
        try {
            return JSON.readTree(stamp.toFile());
        } catch (IOException e) {
            return null; // an unreadable stamp means "not current": the folder is rendered again
        }
    }

    /** Deletes what a render writes (the stamp proves the folder is ours), leaving anything else alone. */
    private static void clearRendered(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(STAMP));
        Files.deleteIfExists(dir.resolve(PENDING));
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                boolean ours = name.equals(InstrumentDataset.NOTES_DIR) || name.equals(InstrumentDataset.PHRASE_DIR)
                        || name.equals(SpeechCorpusBuilder.MANIFEST) || name.equals(".tts-tmp")
                        || name.startsWith(TtsEngine.FLITE.command() + "-") || name.startsWith(TtsEngine.ESPEAK_NG.command() + "-");
                if (ours) deleteTree(child);
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
