package org.timbrelab.engine.eval;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.PhaseMethod;
import org.timbrelab.dsp.Resampler;
import org.timbrelab.engine.infer.LoudnessEnvelope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Checks each listener on sounds whose answer is known before it judges any conversion
 * (issue 19, "controls before verdicts"). A listener that calls a voice an instrument because
 * it is vocoded, high or gated by the envelope step, or that misses a real instrument moving
 * like speech, would reward the wrong outputs.
 *
 * <p>Negative controls (each voice must be called an instrument at most
 * {@link #MAX_CALLED_INSTRUMENT} of the time): the voice as is, through the mel → PGHI round
 * trip, 1 and 2 octaves up by resampling (played faster, so pitch and formants move together;
 * tiled back to about its length), through PGHI with the envelope step the model rows get, and with a steady
 * low sine under it (a generator that hums one low tone through the pauses is not thereby an instrument: the shipped
 * flute of 6 Dec did, and one listener counted the hummed pauses as flute; docs/study-reference.md, section 22).
 * Positive controls (each must be called its own instrument at least {@link #MIN_CORRECT}):
 * per instrument, a phrase from a soundfont the model never trained on, as long as a voice
 * clip, multiplied by that voice's loudness envelope; as is and through PGHI.
 */
public final class ListenerControls {

    public static final double MAX_CALLED_INSTRUMENT = 0.05;
    public static final double MIN_CORRECT = 0.90;
    /** Seeds of the positive phrases: apart from the references' (1,000+) and the classifier data's (50,000+). */
    public static final long PHRASE_SEED = 90_000;

    /** Phrases of an instrument, one per length in seconds, seeds {@code seedBase + i}. */
    public interface PhraseSource {
        List<AudioClip> render(String instrument, double[] seconds, long seedBase);

        /** Whether it can play {@code instrument}. */
        boolean canRender(String instrument);

        static PhraseSource of(ReferenceRenderer r) {
            return new PhraseSource() {
                @Override public List<AudioClip> render(String i, double[] s, long seed) { return r.render(i, s, seed); }
                @Override public boolean canRender(String i) { return r.canRender(i); }
            };
        }
    }

    /**
     * One listener on one control.
     *
     * @param instrument the instrument a positive control should be called; null for a negative one
     * @param hits       negative: clips called any instrument; positive: clips called {@code instrument}
     * @param labels     label → clips, what the listener said
     * @param meanProbability the listener's mean probability, over the clips, of what counts as a hit (any instrument;
     *                   the instrument): how close the control came to failing, where {@code hits} only says whether it did
     */
    public record Outcome(String listener, String control, String instrument, int clips, int hits, Map<String, Integer> labels,
                          double meanProbability) {
        public Outcome(String listener, String control, String instrument, int clips, int hits, Map<String, Integer> labels) {
            this(listener, control, instrument, clips, hits, labels, Double.NaN);
        }

        public boolean negative() { return instrument == null; }

        public double rate() { return clips == 0 ? Double.NaN : hits / (double) clips; }

        public boolean pass() {
            return clips > 0 && (negative() ? rate() <= MAX_CALLED_INSTRUMENT : rate() >= MIN_CORRECT);
        }
    }

    /** Every outcome, and notes on controls that could not be run (e.g. an instrument with no soundfont program). */
    public record Result(List<Outcome> outcomes, List<String> notes) {
        /** Listener → whether it passed every control it was given. */
        public Map<String, Boolean> passedByListener() {
            Map<String, Boolean> m = new LinkedHashMap<>();
            for (Outcome o : outcomes) m.merge(o.listener(), o.pass(), Boolean::logicalAnd);
            return m;
        }

        public boolean allPass() { return passedByListener().values().stream().allMatch(b -> b); }

        /** The failed controls of one listener, e.g. "voice up 2 octaves (resampled): 12 % called an instrument". */
        public List<String> failures(String listener) {
            List<String> f = new ArrayList<>();
            for (Outcome o : outcomes)
                if (o.listener().equals(listener) && !o.pass())
                    f.add(String.format(java.util.Locale.ROOT, "%s: %.0f %% %s", o.control(), 100 * o.rate(),
                            o.negative() ? "called an instrument" : "called " + o.instrument()));
            return f;
        }

        /** The "Controls" section of a report: a table of listener × control and a PASS/FAIL line per listener. */
        public String toMarkdown() {
            StringBuilder sb = new StringBuilder("## Controls\n\nEach listener on sounds whose answer is known, before any verdict: "
                    + "negative controls (voices) must be called an instrument at most " + pct(MAX_CALLED_INSTRUMENT)
                    + " of the time, positive controls (an instrument phrase the model never trained on, with a voice's loudness "
                    + "envelope) must be called their instrument at least " + pct(MIN_CORRECT) + ".\n\n"
                    + "| listener | control | kind | clips | called an instrument (negative) / its instrument (positive) | mean probability of it | needs | labels given | result |\n"
                    + "|---|---|---|---|---|---|---|---|---|\n");
            for (Outcome o : outcomes)
                sb.append(String.format(java.util.Locale.ROOT, "| %s | %s | %s | %d | %s | %s | %s | %s | %s |%n", o.listener(), o.control(),
                        o.negative() ? "negative" : "positive", o.clips(), pct(o.rate()), pct(o.meanProbability()),
                        o.negative() ? "≤ " + pct(MAX_CALLED_INSTRUMENT) : "≥ " + pct(MIN_CORRECT) + " " + o.instrument(),
                        o.labels(), o.pass() ? "pass" : "**FAIL**"));
            sb.append('\n');
            passedByListener().forEach((l, ok) -> sb.append("- **").append(l).append(": ").append(ok ? "PASS" : "FAIL").append("**")
                    .append(ok ? "" : " — " + String.join("; ", failures(l)) + ". Its verdicts below are not to be trusted.").append('\n'));
            for (String n : notes) sb.append(n).append('\n');
            return sb.toString();
        }

        private static String pct(double v) { return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%.0f %%", 100 * v) : "n/a"; }
    }

    private final AudioTransform transform;
    private final List<Listener> listeners;
    private final List<String> instruments;
    private final String source;          // null: a negative control counts only the instruments above
    private final PhraseSource phrases;   // null: no positive controls

    /**
     * @param instruments the labels that count as "an instrument" (the preset's target domains)
     * @param phrases     where positive phrases come from; null leaves the positive controls out
     */
    public ListenerControls(AudioTransform transform, List<Listener> listeners, List<String> instruments, PhraseSource phrases) {
        this(transform, listeners, instruments, null, phrases);
    }

    /**
     * @param source the voices' own label: a negative control then counts <em>every</em> label but it, "other" and
     *               silence as "called an instrument" — a voice called cello fails the controls of a voice → violin
     *               preset too (the first held-out report of a two-domain preset missed exactly that)
     */
    public ListenerControls(AudioTransform transform, List<Listener> listeners, List<String> instruments, String source,
                            PhraseSource phrases) {
        this.transform = transform;
        this.listeners = List.copyOf(listeners);
        this.instruments = List.copyOf(instruments);
        this.source = source;
        this.phrases = phrases;
    }

    private boolean calledInstrument(String label) {
        if (source == null) return instruments.contains(label);
        return !label.equals(source) && !label.equals(DomainClassifier.OTHER) && !label.equals(DomainClassifier.SILENT);
    }

    /** Runs every control on {@code voices} (real or held-out input voices). */
    public Result run(List<NamedClip> voices, Consumer<String> log) {
        if (voices.isEmpty()) throw new IllegalArgumentException("controls need at least one voice clip");
        int hop = transform.config().hopLength();
        UnaryOperator<AudioClip> pghi = c -> transform.invert(transform.forward(c), PhaseMethod.PGHI);
        List<Outcome> outcomes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<AudioClip> asIs = voices.stream().map(NamedClip::clip).toList();
        List<AudioClip> vocoded = asIs.stream().map(pghi).toList();
        List<AudioClip> enveloped = new ArrayList<>();
        for (int i = 0; i < asIs.size(); i++) enveloped.add(LoudnessEnvelope.apply(asIs.get(i), vocoded.get(i), hop));
        judge("voice as is", null, asIs, outcomes);
        judge("voice → mel → PGHI", null, vocoded, outcomes);
        judge("voice up 1 octave (resampled)", null, asIs.stream().map(c -> octavesUp(c, 1)).toList(), outcomes);
        judge("voice up 2 octaves (resampled)", null, asIs.stream().map(c -> octavesUp(c, 2)).toList(), outcomes);
        judge("voice → PGHI → envelope step", null, enveloped, outcomes);
        judge("voice + steady 110-Hz hum 30 dB down", null, asIs.stream().map(c -> withHum(c, HUM_HZ, HUM_DB)).toList(), outcomes);
        log.accept("controls: negative controls done on " + asIs.size() + " voices");
        if (phrases == null) {
            notes.add("- No phrase source: the positive controls were left out.");
            return new Result(outcomes, notes);
        }
        double[] seconds = asIs.stream().mapToDouble(c -> Math.max(1.0, c.durationSeconds())).toArray();
        for (String inst : instruments) {
            if (!phrases.canRender(inst)) {
                notes.add("- No phrases of " + inst + " to play: its positive controls were left out.");
                continue;
            }
            List<AudioClip> played = phrases.render(inst, seconds, PHRASE_SEED);
            List<AudioClip> shaped = new ArrayList<>();
            for (int i = 0; i < played.size(); i++) shaped.add(withEnvelopeOf(asIs.get(i), played.get(i), hop));
            judge(inst + " phrase × voice envelope", inst, shaped, outcomes);
            judge(inst + " phrase × voice envelope → PGHI", inst, shaped.stream().map(pghi).toList(), outcomes);
            log.accept("controls: positive controls of " + inst + " done");
        }
        return new Result(outcomes, notes);
    }

    private void judge(String control, String instrument, List<AudioClip> clips, List<Outcome> outcomes) {
        List<org.timbrelab.dsp.Spectrogram> specs = clips.stream().map(transform::forward).toList();
        for (Listener l : listeners) {
            Map<String, Integer> labels = new LinkedHashMap<>();
            int hits = 0;
            double p = 0;
            // a hit: any instrument for a negative control, its own instrument for a positive one
            java.util.function.Predicate<String> hit = instrument == null ? this::calledInstrument : instrument::equals;
            for (org.timbrelab.dsp.Spectrogram s : specs) {
                Listener.Verdict v = l.hear(s);
                labels.merge(v.label(), 1, Integer::sum);
                if (hit.test(v.label())) hits++;
                for (var e : v.probabilities().entrySet()) if (hit.test(e.getKey())) p += e.getValue();
            }
            outcomes.add(new Outcome(l.name(), control, instrument, specs.size(), hits, labels, p / specs.size()));
        }
    }

    /** The hum control's tone: near the training voices' median f0, where the drone of section 22 sat. */
    public static final double HUM_HZ = 110, HUM_DB = 30;

    /** {@code clip} plus a sine of {@code hz} whose amplitude is {@code dbDown} under the clip's peak sample, throughout. */
    public static AudioClip withHum(AudioClip clip, double hz, double dbDown) {
        float[] x = clip.samples(), out = new float[x.length];
        double a = org.timbrelab.dsp.AudioOps.peak(clip) * Math.pow(10, -dbDown / 20);
        for (int i = 0; i < x.length; i++) out[i] = (float) (x[i] + a * Math.sin(2 * Math.PI * hz * i / clip.sampleRate()));
        return new AudioClip(out, clip.sampleRate());
    }

    /**
     * The clip played 2^k times faster (resampled from rate·2^k to rate: pitch and formants up k
     * octaves), repeated until it is as long as the original, so a listener hears as much of it.
     */
    public static AudioClip octavesUp(AudioClip clip, int k) {
        int rate = clip.sampleRate();
        float[] fast = new Resampler(rate << k, rate).process(clip.samples());
        float[] out = new float[Math.max(fast.length, clip.length())];
        for (int i = 0; i < out.length; i++) out[i] = fast.length == 0 ? 0 : fast[i % fast.length];
        return new AudioClip(out, rate);
    }

    /**
     * {@code phrase} (cut or padded to the voice's length) multiplied by the voice's loudness
     * envelope: frame RMS over 2·hop every hop, relative to its loudest frame, interpolated between frames.
     */
    public static AudioClip withEnvelopeOf(AudioClip voice, AudioClip phrase, int hop) {
        float[] v = voice.samples(), out = new float[v.length];
        System.arraycopy(phrase.samples(), 0, out, 0, Math.min(out.length, phrase.length()));
        int frames = 1 + v.length / hop;
        double[] env = new double[frames];
        double max = 1e-12;
        for (int i = 0; i < frames; i++) {
            int a = Math.max(0, i * hop - hop), b = Math.min(v.length, i * hop + hop);
            double e = 0;
            for (int n = a; n < b; n++) e += (double) v[n] * v[n];
            env[i] = Math.sqrt(e / (2.0 * hop));
            max = Math.max(max, env[i]);
        }
        for (int n = 0; n < out.length; n++) {
            double pos = n / (double) hop;
            int i = Math.min(frames - 1, (int) pos), j = Math.min(frames - 1, i + 1);
            double f = pos - i;
            out[n] *= (float) (((1 - f) * env[i] + f * env[j]) / max);
        }
        return new AudioClip(out, voice.sampleRate());
    }
}
