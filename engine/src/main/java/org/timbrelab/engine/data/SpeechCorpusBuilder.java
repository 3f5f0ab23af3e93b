package org.timbrelab.engine.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Renders a speech corpus with installed TTS engines: each voice reads sentences (in its own seeded order,
 * with a slightly varied tempo and, for espeak-ng, pitch) into {@code OUT/<voice id>/<voice id>_NNNN.wav},
 * 16 kHz mono, plus {@code OUT/speech.json} listing every clip's voice and text. One folder per voice lets a
 * training config hold whole voices out for evaluation. Engines run as child processes, {@code jobs} at a time.
 */
public final class SpeechCorpusBuilder {
    public static final String MANIFEST = "speech.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final long TIMEOUT_SECONDS = 120;

    /** Voices to render; each reads up to {@code sentencesPerVoice} sentences (0 = all). */
    public record Spec(List<TtsVoice> voices, List<String> sentences, int sentencesPerVoice, long seed) {
        public Spec {
            voices = List.copyOf(voices);
            sentences = List.copyOf(sentences);
            if (voices.isEmpty()) throw new IllegalArgumentException("no voices chosen");
            if (sentences.isEmpty()) throw new IllegalArgumentException("no sentences to speak");
            if (sentencesPerVoice < 0) throw new IllegalArgumentException("--limit must be >= 0, got " + sentencesPerVoice);
        }

        int perVoice() { return sentencesPerVoice == 0 ? sentences.size() : Math.min(sentencesPerVoice, sentences.size()); }
    }

    public record Result(int clips, double audioSeconds, double wallSeconds, Map<String, Double> secondsPerVoice) {
        public double realtimeFactor() { return wallSeconds > 0 ? audioSeconds / wallSeconds : Double.POSITIVE_INFINITY; }
    }

    private record Job(TtsVoice voice, int sentence, String text, double tempo, int pitch) { }

    private SpeechCorpusBuilder() { }

    /** Sentences of a text file: one per line, blank lines and '#' comments skipped. */
    public static List<String> readSentences(Path file) {
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) out.add(s);
            }
            if (out.isEmpty()) throw new IllegalArgumentException("sentence file " + file + " has no sentences (one per line; '#' starts a comment)");
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read sentence file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Renders the corpus. {@code executables} may override where an engine's program is (tests, unusual
     * installs); engines not in it are looked up on PATH.
     */
    public static Result build(Spec spec, Path out, int jobs, Map<TtsEngine, Path> executables, InstrumentDataset.Progress progress)
            throws IOException {
        long t0 = System.nanoTime();
        Map<TtsEngine, Path> exe = new EnumMap<>(TtsEngine.class);
        for (TtsVoice v : spec.voices()) {
            if (!exe.containsKey(v.engine())) exe.put(v.engine(), v.engine().locate(executables == null ? null : executables.get(v.engine())));
        }
        checkVoices(spec.voices(), exe);
        List<Job> work = plan(spec);
        Path scratch = Files.createDirectories(out.resolve(".tts-tmp"));
        for (TtsVoice v : spec.voices()) Files.createDirectories(out.resolve(v.id()));

        ConcurrentLinkedQueue<Job> queue = new ConcurrentLinkedQueue<>(work);
        Map<String, Object> manifest = new ConcurrentHashMap<>();
        Map<String, Double> seconds = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < Math.max(1, Math.min(jobs, work.size())); w++) {
            Thread t = new Thread(() -> {
                Job job;
                while (failure.get() == null && (job = queue.poll()) != null) {
                    try {
                        AudioClip clip = speak(job, exe.get(job.voice().engine()), scratch);
                        String name = String.format("%s_%04d", job.voice().id(), job.sentence());
                        InstrumentDataset.saveAtomically(out.resolve(job.voice().id()).resolve(name + ".wav"), clip);
                        Map<String, Object> info = new LinkedHashMap<>();
                        info.put("file", job.voice().id() + "/" + name + ".wav");
                        info.put("voice", job.voice().toString());
                        info.put("text", job.text());
                        info.put("tempo", Math.round(job.tempo() * 1000) / 1000.0);
                        if (job.voice().engine() == TtsEngine.ESPEAK_NG) info.put("pitch", job.pitch());
                        info.put("seconds", clip.durationSeconds());
                        manifest.put(name, info);
                        seconds.merge(job.voice().id(), clip.durationSeconds(), Double::sum);
                        if (progress != null) progress.update(done.incrementAndGet(), work.size());
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "tts-" + w);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("speech rendering interrupted", e);
            }
        }
        deleteQuietly(scratch);
        if (failure.get() != null) throw failure.get();
        Path tmp = org.timbrelab.dsp.AtomicFiles.tempFor(out.resolve(MANIFEST));
        JSON.writeValue(tmp.toFile(), new TreeMap<>(manifest));
        org.timbrelab.dsp.AtomicFiles.commit(tmp, out.resolve(MANIFEST));
        double audio = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        return new Result(manifest.size(), audio, (System.nanoTime() - t0) / 1e9, new TreeMap<>(seconds));
    }

    /** Flite silently falls back to its default voice for an unknown name, so check against {@code flite -lv}. */
    private static void checkVoices(List<TtsVoice> voices, Map<TtsEngine, Path> exe) throws IOException {
        for (TtsVoice v : voices) {
            List<String> known;
            try {
                known = v.engine().listVoices(exe.get(v.engine()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while listing voices", e);
            }
            if (known != null && !known.contains(v.name())) {
                throw new IllegalArgumentException("voice '" + v.name() + "' is not one of " + v.engine().command() + "'s voices " + known);
            }
            if (v.engine() == TtsEngine.FLITE && v.name().equals("kal")) {
                throw new IllegalArgumentException("flite voice 'kal' is 8 kHz; use kal16 (or awb, rms, slt)");
            }
        }
    }

    /** Each voice reads the sentences in its own seeded order; tempo ±10 %, espeak-ng pitch 35–65. */
    private static List<Job> plan(Spec spec) {
        List<Job> jobs = new ArrayList<>();
        for (TtsVoice v : spec.voices()) {
            Random rng = new Random(InstrumentDataset.mix(spec.seed(), v.id().hashCode(), 0, 0));
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < spec.sentences().size(); i++) order.add(i);
            Collections.shuffle(order, rng);
            for (int k = 0; k < spec.perVoice(); k++) {
                int s = order.get(k);
                jobs.add(new Job(v, s, spec.sentences().get(s), 0.9 + 0.2 * rng.nextDouble(), 35 + rng.nextInt(31)));
            }
        }
        return jobs;
    }

    private static AudioClip speak(Job job, Path executable, Path scratch) {
        Path raw = scratch.resolve(Thread.currentThread().getName() + ".wav");
        List<String> cmd = job.voice().engine().command(executable, job.voice().name(), job.text(), raw, job.tempo(), job.pitch());
        try {
            Files.deleteIfExists(raw);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] log = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(job.voice() + " took over " + TIMEOUT_SECONDS + " s on: " + job.text());
            }
            String said = new String(log, StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0 || !Files.isRegularFile(raw) || Files.size(raw) <= 44) {
                throw new IllegalStateException(job.voice() + " failed (exit " + p.exitValue() + ") on \"" + job.text() + "\""
                        + (said.isEmpty() ? "" : ": " + said) + " — check the voice name (" + String.join(" ", cmd.subList(0, 3)) + ")");
            }
            return AudioFiles.loadMono(raw, AudioClip.MODEL_RATE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + executable + " for " + job.voice() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + executable, e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a leftover scratch folder is harmless: it is hidden (.tts-tmp) and holds no training audio
        }
    }
}
