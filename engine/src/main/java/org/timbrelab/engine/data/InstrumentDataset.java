package org.timbrelab.engine.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;

import javax.sound.midi.Soundbank;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Renders an instrument domain from a soundfont into a folder: NSynth-style notes as a jsonwav set in
 * {@code notes/} ({@code notes/examples.json} + {@code notes/audio/*.wav}) and legato phrases in
 * {@code phrases/} ({@code phrases/*.wav} + {@code phrases/phrases.json}), on several worker threads, each
 * with its own synthesizer. The whole folder is a domain of notes and phrases; {@code phrases/} alone is a
 * phrase-only domain and {@code notes/} an NSynth set. Silent and clipped
 * notes are skipped and counted. Every file is written to a temporary name and moved into place.
 */
public final class InstrumentDataset {
    public static final String NOTES_DIR = "notes";
    public static final String PHRASE_DIR = "phrases";
    public static final String PHRASES_JSON = "phrases.json";
    /** NSynth's velocities. */
    public static final List<Integer> DEFAULT_VELOCITIES = List.of(25, 50, 75, 100, 127);

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What to render. {@code pitches} null means the instrument's note range; {@code variants} is the number of
     * renders per pitch × velocity (the first plain, the others with random vibrato/detune/expression);
     * {@code notes} false renders phrases only; {@code rests} is the probability of a rest after a phrase's note
     * ({@link PhraseRenderer#compose(Instrument, double, long, double)}).
     */
    public record Spec(Instrument instrument, Soundfont soundfont, boolean notes, MidiNotes.Range pitches,
                       List<Integer> velocities, int variants, int phrases, double phraseSeconds, long seed, double rests) {
        /** Phrases without rests. */
        public Spec(Instrument instrument, Soundfont soundfont, boolean notes, MidiNotes.Range pitches,
                    List<Integer> velocities, int variants, int phrases, double phraseSeconds, long seed) {
            this(instrument, soundfont, notes, pitches, velocities, variants, phrases, phraseSeconds, seed, 0);
        }

        public Spec {
            if (!(rests >= 0 && rests <= 1)) throw new IllegalArgumentException("rests is a probability in [0, 1], got " + rests);
            velocities = List.copyOf(velocities);
            for (int v : velocities) if (v < 1 || v > 127) throw new IllegalArgumentException("velocity " + v + " is outside 1-127");
            if (variants < 1) throw new IllegalArgumentException("--variants must be >= 1, got " + variants);
            if (phrases < 0) throw new IllegalArgumentException("--phrases must be >= 0, got " + phrases);
            if (phrases > 0 && phraseSeconds < 1) throw new IllegalArgumentException("--phrase-seconds must be >= 1, got " + phraseSeconds);
        }

        public MidiNotes.Range pitchRange() { return pitches == null ? instrument.notes() : pitches; }

        public int noteCount() { return notes ? pitchRange().size() * velocities.size() * variants : 0; }

        /** The stem shared by this instrument's files, e.g. {@code violin_fluid_040}. */
        public String instrumentStr() { return stem(instrument, soundfont); }
    }

    /** What was written; seconds of audio and of wall time give the ×realtime figure. */
    public record Result(int notes, int silent, int clipped, int phrases, double audioSeconds, double wallSeconds) {
        public double realtimeFactor() { return wallSeconds > 0 ? audioSeconds / wallSeconds : Double.POSITIVE_INFINITY; }
    }

    /** Progress callback: items done of total (notes + phrases), called from worker threads. */
    public interface Progress {
        void update(int done, int total);
    }

    private sealed interface Job permits NoteJob, PhraseJob { }

    private record NoteJob(int pitch, int velocity, int variant, NoteVariant params) implements Job { }

    private record PhraseJob(int index, long seed) implements Job { }

    private InstrumentDataset() { }

    /** The stem of an instrument's rendered files, e.g. {@code violin_fluid_040}. */
    static String stem(Instrument instrument, Soundfont soundfont) {
        return String.format("%s_%s_%03d", instrument.name(), soundfont.tag(), instrument.program());
    }

    /** Renders the spec into {@code out} with {@code jobs} worker threads. */
    public static Result render(Spec spec, Path out, int jobs, Progress progress) throws IOException {
        long t0 = System.nanoTime();
        Soundbank bank = spec.soundfont().load();
        Soundfont.find(bank, spec.soundfont(), spec.instrument().bank(), spec.instrument().program()); // fail before any thread starts
        List<Job> work = plan(spec);
        Path notesDir = out.resolve(NOTES_DIR);
        if (spec.notes()) Files.createDirectories(notesDir.resolve(NsynthJson.AUDIO_DIR));
        if (spec.phrases() > 0) Files.createDirectories(out.resolve(PHRASE_DIR));

        ConcurrentLinkedQueue<List<Job>> queue = new ConcurrentLinkedQueue<>(lanes(work));
        ConcurrentLinkedQueue<NsynthJson.Note> written = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Map.Entry<String, Object>> phraseInfo = new ConcurrentLinkedQueue<>();
        AtomicInteger done = new AtomicInteger(), silent = new AtomicInteger(), clipped = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int threads = Math.max(1, Math.min(jobs, queue.size()));
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            Thread thread = new Thread(() -> {
                try {
                    List<Job> lane;
                    while (failure.get() == null && (lane = queue.poll()) != null) {
                        try (SoundfontRenderer renderer = SoundfontRenderer.open(bank, spec.soundfont(), spec.instrument(), AudioClip.MODEL_RATE)) {
                            for (Job job : lane) {
                                if (failure.get() != null) break;
                                if (job instanceof NoteJob n) {
                                    RenderCheck check = renderNote(renderer, spec, n, notesDir, written);
                                    if (check == RenderCheck.SILENT) silent.incrementAndGet();
                                    if (check == RenderCheck.CLIPPED) clipped.incrementAndGet();
                                } else if (job instanceof PhraseJob p) {
                                    phraseInfo.add(renderPhrase(renderer, spec, p, out));
                                }
                                if (progress != null) progress.update(done.incrementAndGet(), work.size());
                            }
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "render-" + w);
            workers.add(thread);
            thread.start();
        }
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("rendering interrupted", e);
            }
        }
        Throwable f = failure.get();
        if (f instanceof UncheckedIOException u) throw u.getCause();
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error e) throw e;
        if (f != null) throw new IOException(f.getMessage(), f);

        List<NsynthJson.Note> notes = new ArrayList<>(written);
        notes.sort(Comparator.comparing(NsynthJson.Note::noteStr));
        if (spec.notes()) NsynthJson.write(notesDir, notes);
        if (spec.phrases() > 0) writePhraseList(out.resolve(PHRASE_DIR), phraseInfo);
        double audio = notes.size() * SoundfontRenderer.NOTE_SECONDS + phraseInfo.size() * spec.phraseSeconds();
        return new Result(notes.size(), silent.get(), clipped.get(), phraseInfo.size(), audio, (System.nanoTime() - t0) / 1e9);
    }

    /** Notes first (pitch-major), then phrases; variants and phrase seeds derive from the spec's seed. */
    private static List<Job> plan(Spec spec) {
        List<Job> jobs = new ArrayList<>();
        if (spec.notes()) {
            MidiNotes.Range r = spec.pitchRange();
            for (int p = r.low(); p <= r.high(); p++) {
                for (int v : spec.velocities()) {
                    for (int k = 0; k < spec.variants(); k++) {
                        NoteVariant params = k == 0 ? NoteVariant.PLAIN : NoteVariant.random(new Random(mix(spec.seed(), p, v, k)));
                        jobs.add(new NoteJob(p, v, k, params));
                    }
                }
            }
        }
        // The instrument's name goes into phrase seeds so two instruments rendered with one seed get different melodies.
        for (int i = 0; i < spec.phrases(); i++) jobs.add(new PhraseJob(i, mix(spec.seed(), spec.instrument().name().hashCode(), i, -1)));
        return jobs;
    }

    /** A well-spread 64-bit seed from a few integers (SplitMix64 finaliser). */
    static long mix(long seed, int a, int b, int c) {
        long z = seed * 0x9E3779B97F4A7C15L + a * 0xBF58476D1CE4E5B9L + b * 0x94D049BB133111EBL + c;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static RenderCheck renderNote(SoundfontRenderer renderer, Spec spec, NoteJob job, Path out,
                                          ConcurrentLinkedQueue<NsynthJson.Note> written) {
        AudioClip clip = renderer.renderNote(job.pitch(), job.velocity(), job.params());
        RenderCheck check = RenderCheck.of(clip.samples(), (int) (SoundfontRenderer.NOTE_ON_SECONDS * clip.sampleRate()));
        if (check != RenderCheck.OK) return check;
        String instrumentStr = spec.instrumentStr() + (job.variant() > 0 ? "v" + job.variant() : "");
        String noteStr = NsynthJson.Note.noteStr(instrumentStr, job.pitch(), job.velocity());
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("instrument_name", spec.instrument().name());
        extra.put("soundfont", spec.soundfont().isBuiltin() ? Soundfont.BUILTIN : spec.soundfont().file().getFileName().toString());
        extra.put("program", spec.instrument().program());
        extra.put("variant", job.variant());
        extra.put("modulation", job.params().modulation());
        extra.put("detune_cents", Math.round(job.params().detuneCents() * 100) / 100.0);
        extra.put("expression", job.params().expression());
        NsynthJson.Note note = new NsynthJson.Note(noteStr, instrumentStr, spec.instrument().program(), job.pitch(), job.velocity(),
                clip.sampleRate(), spec.instrument().family(), "acoustic", extra);
        saveAtomically(note.audioFile(out), clip);
        written.add(note);
        return check;
    }

    /**
     * Items rendered one after another on one synthesizer, in this many fixed lanes (item i in lane i mod LANES). Gervill
     * carries a trace of each render into the next on the same synthesizer (a sample of a few phrases in 200 moved by
     * one step), so a file must not depend on which items its worker happened to render before it: with lanes it depends
     * on its lane alone, the same whatever the worker count, scheduling or machine.
     */
    static final int LANES = 8;

    private static List<List<Job>> lanes(List<Job> work) {
        List<List<Job>> lanes = new ArrayList<>();
        for (int l = 0; l < Math.min(LANES, work.size()); l++) lanes.add(new ArrayList<>());
        for (int i = 0; i < work.size(); i++) lanes.get(i % LANES).add(work.get(i));
        return lanes;
    }

    private static Map.Entry<String, Object> renderPhrase(SoundfontRenderer renderer, Spec spec, PhraseJob job, Path out) {
        PhraseRenderer.Phrase phrase = PhraseRenderer.compose(spec.instrument(), spec.phraseSeconds(), job.seed(), spec.rests());
        AudioClip clip = renderer.render(phrase.score());
        double peak = 0;
        for (float s : clip.samples()) peak = Math.max(peak, Math.abs(s));
        double gain = peak > 0.9 ? 0.9 / peak : 1.0; // overlapping legato notes can add up; keep them unclipped
        if (gain < 1) {
            float[] x = clip.samples().clone();
            for (int i = 0; i < x.length; i++) x[i] *= (float) gain;
            clip = new AudioClip(x, clip.sampleRate());
        }
        String name = String.format("%s_phrase-%05d", spec.instrumentStr(), job.index());
        saveAtomically(out.resolve(PHRASE_DIR).resolve(name + ".wav"), clip);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("seed", phrase.seed());
        info.put("seconds", clip.durationSeconds());
        info.put("gain", gain);
        info.put("notes", phrase.notes());
        return Map.entry(name, info);
    }

    private static void writePhraseList(Path out, ConcurrentLinkedQueue<Map.Entry<String, Object>> entries) throws IOException {
        Map<String, Object> sorted = new java.util.TreeMap<>();
        for (Map.Entry<String, Object> e : entries) sorted.put(e.getKey(), e.getValue());
        Path tmp = org.timbrelab.dsp.AtomicFiles.tempFor(out.resolve(PHRASES_JSON));
        JSON.writeValue(tmp.toFile(), sorted);
        org.timbrelab.dsp.AtomicFiles.commit(tmp, out.resolve(PHRASES_JSON));
    }

    /** Writes a 16-bit WAV under a temporary name and moves it into place, so a killed run leaves no half file. */
    static void saveAtomically(Path file, AudioClip clip) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            AudioFiles.saveWav(tmp, clip);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
