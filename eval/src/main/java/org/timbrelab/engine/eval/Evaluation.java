package org.timbrelab.engine.eval;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.Loudness;
import org.timbrelab.dsp.OctaveJumps;
import org.timbrelab.dsp.Pitch;
import org.timbrelab.dsp.PitchTrack;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scores conversion systems on held-out input clips against real clips of each target domain
 * (docs/ARCHITECTURE.md, "Evaluation"). Every system is scored the same way per target domain: every listener's
 * verdict on the output (the headline "heard as the target" is the lower of the listeners' shares,
 * issue 19), log2-f0 correlation and cents error against the input (× 2^k), loudness
 * correlation before and after the envelope step, and FAD of all outputs against the second half
 * of the real clips with two frame embeddings (MFCC + deltas; the classifier's last hidden layer),
 * and a third when the user gives a {@link TorchScriptEmbedding} (VGGish, PANN). When the inputs
 * are in sub-folders ({@link InputGroups}), every system row is repeated per group (without FAD).
 *
 * <p>Reference rows use the same second half: the floor compares the first half of the real clips
 * with it (real vs real), the vocoder ceiling the first half passed through forward + invert.
 */
public final class Evaluation {

    /** The table rows, per-clip scores and notes (warnings such as too few FAD frames). */
    public record Result(List<EvalRow> rows, List<ClipScore> clips, List<String> notes) { }

    /** Fewest frames a FAD set should have (2,000: fewer make the covariance estimate noisy). */
    public static final int MIN_FAD_FRAMES = 2000;

    private final Listeners listeners;
    private final List<Listener> all;
    private final String source;                   // the inputs' domain: "heard as voice"
    private final TorchScriptEmbedding external;   // null: no third FAD column
    private final AudioTransform transform;
    private final Pitch pitch = new Pitch();
    private final Loudness loudness;
    private final SpectrogramConfig config;
    private final Map<AudioClip, Analysis> analysed = new IdentityHashMap<>();   // inputs are analysed once
    private final List<String> notes = new ArrayList<>();

    /**
     * @param source   the inputs' domain (e.g. voice): each row says how often each listener still hears it
     * @param external a third frame embedding for FAD, or null
     */
    public Evaluation(Listeners listeners, String source, TorchScriptEmbedding external) {
        this.listeners = listeners;
        this.all = listeners.all();
        this.source = source;
        this.external = external;
        this.config = listeners.windows().spectrogramConfig();
        this.transform = new AudioTransform(config);
        this.loudness = new Loudness(config);
    }

    /**
     * Runs every system on every input into every target domain, then the floor and ceiling
     * rows. {@code refs} maps each target domain to real clips of it (at least 2).
     */
    public Result run(List<NamedClip> inputs, Map<String, List<NamedClip>> refs, List<String> targets,
                      List<ConversionSystem> systems, List<RoundTrip> vocoders, Consumer<String> log) {
        List<EvalRow> rows = new ArrayList<>();
        List<ClipScore> clips = new ArrayList<>();
        Map<String, Embedded> refHalfA = new LinkedHashMap<>(), refHalfB = new LinkedHashMap<>();
        Map<String, List<NamedClip>> halvesA = new LinkedHashMap<>();
        for (String d : targets) {
            List<NamedClip> r = refs.get(d);
            if (r == null || r.size() < 2)
                throw new IllegalArgumentException("need at least 2 real clips of '" + d + "' for FAD halves, got "
                        + (r == null ? 0 : r.size()) + "; add clips to the references folder " + d + "/");
            List<NamedClip> a = new ArrayList<>(), b = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) (i % 2 == 0 ? a : b).add(r.get(i));
            halvesA.put(d, a);
            refHalfA.put(d, embed(a.stream().map(NamedClip::clip).toList()));
            refHalfB.put(d, embed(b.stream().map(NamedClip::clip).toList()));
        }
        List<String> groups = InputGroups.of(inputs);
        int total = 0, done = 0;
        for (ConversionSystem s : systems) for (String d : targets) if (s.covers(d)) total += inputs.size();
        long t0 = System.nanoTime();
        for (ConversionSystem s : systems)
            for (String d : targets) {
                if (!s.covers(d)) continue;
                List<ClipScore> scores = new ArrayList<>();
                List<AudioClip> outs = new ArrayList<>();
                for (NamedClip in : inputs) {
                    ConversionSystem.Output o = s.convert(in.clip(), d);
                    scores.add(score(in, s.name(), d, o));
                    outs.add(o.enveloped());
                    done++;
                    log.accept(progress(done, total, t0, s.name() + " → " + d));
                }
                clips.addAll(scores);
                rows.add(row(s.name(), s.kind(), d, EvalRow.ALL, scores, embed(outs), refHalfB.get(d)));
                for (String g : groups) {
                    List<ClipScore> in = scores.stream().filter(c -> InputGroups.reported(c.input()).equals(g)).toList();
                    rows.add(row(s.name(), s.kind(), d, g, in, null, null));
                }
            }
        for (String d : targets) {
            List<NamedClip> a = halvesA.get(d);
            Embedded ea = refHalfA.get(d);
            List<ClipScore> realScores = new ArrayList<>();
            for (NamedClip c : a) realScores.add(classifyOnly(c, "real vs real (halves)", d));
            rows.add(row("real vs real (halves)", "floor", d, EvalRow.ALL, realScores, ea, refHalfB.get(d)));
            for (RoundTrip v : vocoders) {
                List<ClipScore> vs = new ArrayList<>();
                List<AudioClip> outs = new ArrayList<>();
                for (NamedClip c : a) {
                    AudioClip y = v.apply().apply(c.clip());
                    vs.add(score(c, v.name(), d, ConversionSystem.Output.plain(y, 0)));
                    outs.add(y);
                }
                clips.addAll(vs);
                rows.add(row(v.name(), "ceiling", d, EvalRow.ALL, vs, embed(outs), refHalfB.get(d)));
                log.accept("ceiling " + v.name() + " on real " + d + " done");
            }
        }
        return new Result(rows, clips, List.copyOf(notes));
    }

    private ClipScore score(NamedClip in, String system, String domain, ConversionSystem.Output o) {
        Analysis a = analysed.computeIfAbsent(in.clip(), this::analyse);
        AudioClip out = o.enveloped();
        PitchTrack outPitch = pitch.track(out, config);
        boolean known = o.octavesKnown();   // an output made elsewhere does not say its shift: no cents, no flips
        return new ClipScore(in.name(), InputGroups.of(in.name()), system, domain, hear(out, domain), o.octaves(),
                ContentMetrics.f0Correlation(a.pitch, outPitch), known ? ContentMetrics.centsError(a.pitch, outPitch, o.octaves()) : Double.NaN,
                ContentMetrics.loudnessCorrelation(a.loudness, loudness.aWeightedDb(o.audio())),
                ContentMetrics.loudnessCorrelation(a.loudness, loudness.aWeightedDb(out)),
                known ? ContentMetrics.octaveFlips(a.pitch, outPitch, o.octaves()) : Double.NaN,
                ContentMetrics.f0Correlation(a.repairedPitch, OctaveJumps.repair(outPitch)));
    }

    private ClipScore classifyOnly(NamedClip c, String system, String domain) {
        return new ClipScore(c.name(), "", system, domain, hear(c.clip(), domain), 0,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Every listener's verdict on one clip. */
    private List<ClipScore.Heard> hear(AudioClip clip, String domain) {
        Spectrogram spec = transform.forward(clip);
        List<ClipScore.Heard> h = new ArrayList<>();
        for (Listener l : all) {
            Listener.Verdict v = l.hear(spec);
            h.add(new ClipScore.Heard(l.name(), v.label(), v.probability(domain)));
        }
        return h;
    }

    private record Analysis(PitchTrack pitch, PitchTrack repairedPitch, float[] loudness) { }

    private Analysis analyse(AudioClip clip) {
        PitchTrack track = pitch.track(clip, config);
        return new Analysis(track, OctaveJumps.repair(track), loudness.aWeightedDb(clip));
    }

    /** Frame embeddings of a set of clips, every kind ({@code external} empty without a TorchScript module). */
    record Embedded(List<double[]> mfcc, List<double[]> learned, List<double[]> external) { }

    private Embedded embed(List<AudioClip> set) {
        List<double[]> mfcc = new ArrayList<>(), learned = new ArrayList<>(), ext = new ArrayList<>();
        for (AudioClip c : set) {
            Spectrogram s = transform.forward(c);
            mfcc.addAll(MfccEmbedding.DEFAULT.frames(s));
            learned.addAll(listeners.windows().embed(s, 1));
            if (external != null) ext.addAll(external.frames(c));
        }
        return new Embedded(mfcc, learned, ext);
    }

    /** A row over {@code scores}; {@code set} null (a group row) leaves FAD out. */
    private EvalRow row(String system, String kind, String domain, String group, List<ClipScore> scores, Embedded set, Embedded ref) {
        List<Double> target = new ArrayList<>(), src = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            int k = i;
            target.add(share(scores, c -> c.heardAs(k, domain)));
            src.add(share(scores, c -> c.heardAs(k, source)));
        }
        double lowest = target.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double fadMfcc = set == null ? Double.NaN : fad(set.mfcc(), ref.mfcc(), system, domain, "MFCC");
        double fadLearned = set == null ? Double.NaN : fad(set.learned(), ref.learned(), system, domain, "learned");
        double fadExternal = external == null || set == null ? Double.NaN : fad(set.external(), ref.external(), system, domain, external.name());
        return new EvalRow(system, kind, domain, group, scores.size(), lowest, target, src, share(scores, ClipScore::listenersAgree),
                median(scores.stream().mapToDouble(ClipScore::f0Correlation).toArray()),
                median(scores.stream().mapToDouble(ClipScore::centsError).toArray()),
                median(scores.stream().mapToDouble(ClipScore::loudnessCorrelation).toArray()),
                median(scores.stream().mapToDouble(ClipScore::loudnessCorrelationEnveloped).toArray()),
                fadMfcc, fadLearned, set == null ? 0 : set.mfcc().size(), set == null ? 0 : set.learned().size(),
                fadExternal, set == null ? 0 : set.external().size(),
                mean(scores.stream().mapToDouble(ClipScore::octaveFlips).toArray()),
                median(scores.stream().mapToDouble(ClipScore::f0CorrelationRepaired).toArray()));
    }

    private double fad(List<double[]> a, List<double[]> b, String system, String domain, String kind) {
        if (a.size() < 2 || b.size() < 2) {
            notes.add("- " + system + " → " + domain + ": too few frames for the " + kind + " FAD (" + a.size() + " vs " + b.size() + "), left out.");
            return Double.NaN;
        }
        if (a.size() < MIN_FAD_FRAMES || b.size() < MIN_FAD_FRAMES)
            notes.add("- " + system + " → " + domain + ": " + kind + " FAD on " + a.size() + " vs " + b.size()
                    + " frames, fewer than " + MIN_FAD_FRAMES + " — give more or longer clips for a stable number.");
        try {
            return FrechetDistance.squared(a, b);
        } catch (RuntimeException e) {
            // e.g. the eigen-decomposition not converging on a degenerate covariance: one cell, not the whole report
            notes.add("- " + system + " → " + domain + ": " + kind + " FAD failed (" + e.getMessage() + "), left out.");
            return Double.NaN;
        }
    }

    private static double share(List<ClipScore> scores, java.util.function.Predicate<ClipScore> p) {
        return scores.isEmpty() ? Double.NaN : scores.stream().filter(p).count() / (double) scores.size();
    }

    /** Mean of the finite values, NaN when there is none. */
    static double mean(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    /** Median of the finite values, NaN when there is none. */
    static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) return Double.NaN;
        return v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
    }

    private static String progress(int done, int total, long t0, String what) {
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double eta = done == 0 ? 0 : elapsed / done * (total - done);
        return String.format(java.util.Locale.ROOT, "eval %3.0f %% (%d/%d) %s, ETA %.0f s", 100.0 * done / total, done, total, what, eta);
    }
}
