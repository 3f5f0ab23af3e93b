package org.timbrelab.engine.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Says which timbre domain a clip sounds like: an {@link Mlp} over {@link SegmentFeatures} of
 * ~0.5-s windows, averaged over a clip's windows — or the mean of several such networks trained from different seeds
 * on the same windows, whose verdicts then do not hang on one initialisation (docs/study-reference.md, section 27). Its labels are the domains of a preset plus
 * {@link #OTHER} (noise, drones, smeared speech), so a failed conversion is not forced into a
 * domain. Its last hidden layer is the learned embedding used for FAD.
 */
public final class DomainClassifier implements Listener {

    /** The label for sounds that are none of the domains. */
    public static final String OTHER = "other";
    /** What {@link #classify} returns for a clip with no active window. */
    public static final String SILENT = "(silent)";

    static final int FILE_VERSION = 1;

    private final List<String> labels;
    private final SegmentFeatures features;
    private final SpectrogramConfig spectrogramConfig;
    private final double[] mean;
    private final double[] std;
    private final Mlp mlp;            // the first member: its last hidden layer is the learned embedding
    private final List<Mlp> members;  // every network, mlp first; probabilities are their mean
    private final Map<String, Object> summary;

    DomainClassifier(List<String> labels, SegmentFeatures features, SpectrogramConfig spectrogramConfig,
                     double[] mean, double[] std, Mlp mlp, Map<String, Object> summary) {
        this(labels, features, spectrogramConfig, mean, std, List.of(mlp), summary);
    }

    DomainClassifier(List<String> labels, SegmentFeatures features, SpectrogramConfig spectrogramConfig,
                     double[] mean, double[] std, List<Mlp> members, Map<String, Object> summary) {
        if (members.isEmpty()) throw new IllegalArgumentException("a classifier needs at least one network");
        for (Mlp m : members) {
            if (labels.size() != m.outputSize())
                throw new IllegalArgumentException(labels.size() + " labels but a network has " + m.outputSize() + " outputs");
            if (mean.length != features.size() || std.length != features.size() || m.inputSize() != features.size())
                throw new IllegalArgumentException("feature size " + features.size() + " does not match normalisation ("
                        + mean.length + ", " + std.length + ") or network input " + m.inputSize());
        }
        this.labels = List.copyOf(labels);
        this.features = features;
        this.spectrogramConfig = spectrogramConfig;
        this.mean = mean;
        this.std = std;
        this.members = List.copyOf(members);
        this.mlp = this.members.get(0);
        this.summary = new LinkedHashMap<>(summary);
    }

    @Override public String name() { return "mlp"; }

    @Override public String description() { return "MLP on 0.5-s windows of gain-invariant log-mel timbre features"; }

    @Override public List<String> labels() { return labels; }

    public SegmentFeatures features() { return features; }

    @Override public SpectrogramConfig spectrogramConfig() { return spectrogramConfig; }

    @Override public Verdict hear(Spectrogram spec) {
        Prediction p = classify(spec);
        return new Verdict(p.label(), p.probabilities());
    }

    /** Training facts (data sources, accuracies) stored with the classifier. */
    public Map<String, Object> summary() { return Map.copyOf(summary); }

    DomainClassifier withSummary(Map<String, Object> more) {
        Map<String, Object> s = new LinkedHashMap<>(summary);
        s.putAll(more);
        return new DomainClassifier(labels, features, spectrogramConfig, mean, std, members, s);
    }

    /** How many networks vote (1 for a single MLP). */
    public int memberCount() { return members.size(); }

    /** The members' mean class probabilities for one window's normalised features. */
    private double[] probabilities(double[] x) {
        double[] p = new double[labels.size()];
        for (Mlp m : members) {
            double[] q = m.probabilities(x);
            for (int i = 0; i < p.length; i++) p[i] += q[i] / members.size();
        }
        return p;
    }

    public int embeddingSize() { return mlp.embeddingSize(); }

    /** A clip's verdict: the label with the highest mean window probability. */
    public record Prediction(String label, Map<String, Double> probabilities, int windows) {
        public double probability(String l) { return probabilities.getOrDefault(l, 0.0); }
    }

    /** Classifies a clip by averaging window probabilities (windows every quarter window). */
    public Prediction classify(Spectrogram spec) {
        checkConfig(spec);
        List<SegmentFeatures.Window> ws = features.windows(spec, Math.max(1, features.windowFrames() / 4));
        double[] avg = new double[labels.size()];
        for (SegmentFeatures.Window w : ws) {
            double[] p = probabilities(normalise(w.features()));
            for (int i = 0; i < avg.length; i++) avg[i] += p[i] / ws.size();
        }
        Map<String, Double> probs = new LinkedHashMap<>();
        int best = 0;
        for (int i = 0; i < avg.length; i++) {
            probs.put(labels.get(i), avg[i]);
            if (avg[i] > avg[best]) best = i;
        }
        return new Prediction(ws.isEmpty() ? SILENT : labels.get(best), probs, ws.size());
    }

    /** Most likely label of one window's features. */
    int predictWindow(double[] rawFeatures) {
        double[] p = probabilities(normalise(rawFeatures));
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    /**
     * Learned embeddings (the first network's last hidden layer) of the active windows starting every {@code hop}
     * frames; with hop 1 there is one vector per frame, the "frame-level" embedding for FAD.
     */
    public List<double[]> embed(Spectrogram spec, int hop) {
        checkConfig(spec);
        List<double[]> out = new ArrayList<>();
        for (SegmentFeatures.Window w : features.windows(spec, hop)) out.add(mlp.embedding(normalise(w.features())));
        return out;
    }

    double[] normalise(double[] raw) {
        double[] x = new double[raw.length];
        for (int i = 0; i < x.length; i++) x[i] = (raw[i] - mean[i]) / std[i];
        return x;
    }

    private void checkConfig(Spectrogram spec) {
        if (!spec.config().equals(spectrogramConfig))
            throw new IllegalArgumentException("spectrogram config " + spec.config() + " differs from the classifier's "
                    + spectrogramConfig + "; compute spectrograms with the classifier's config");
    }

    /** What the JSON file holds: the first network in sizes/weights/biases (as files of one network have it), the rest in members. */
    record FileForm(int version, List<String> labels, SegmentFeatures features, SpectrogramConfig spectrogram,
                    double[] mean, double[] std, int[] sizes, double[][] weights, double[][] biases,
                    Map<String, Object> summary, List<Member> members) { }

    /** A further network of the same sizes. */
    record Member(double[][] weights, double[][] biases) { }

    // one line: five networks of weights are ~1 MB indented, and nobody reads them by eye
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes the classifier as JSON (temp file, then atomic move). */
    public void save(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = org.timbrelab.dsp.AtomicFiles.tempFor(file);
        try {
            JSON.writeValue(tmp.toFile(), new FileForm(FILE_VERSION, labels, features, spectrogramConfig, mean, std,
                    mlp.sizes(), mlp.weightsCopy(), mlp.biasesCopy(), summary,
                    members.stream().skip(1).map(m -> new Member(m.weightsCopy(), m.biasesCopy())).toList()));
            org.timbrelab.dsp.AtomicFiles.commit(tmp, file);
        } finally {
            org.timbrelab.dsp.AtomicFiles.discard(tmp);
        }
    }

    /** Reads a classifier written by {@link #save}; errors name the file and what is wrong. */
    public static DomainClassifier load(Path file) throws IOException {
        if (!Files.isRegularFile(file))
            throw new IOException("classifier file " + file + " does not exist; train one with 'train-classifier' or let 'eval' train it");
        FileForm f;
        try {
            f = JSON.readValue(file.toFile(), FileForm.class);
        } catch (JsonProcessingException e) {
            throw new IOException("classifier file " + file + " is not a valid classifier JSON (" + e.getOriginalMessage()
                    + "); delete it and train again", e);
        }
        if (f.version() != FILE_VERSION)
            throw new IOException("classifier file " + file + " has version " + f.version() + ", this build reads version "
                    + FILE_VERSION + "; train it again");
        try {
            List<Mlp> nets = new ArrayList<>(List.of(new Mlp(f.sizes(), f.weights(), f.biases())));
            if (f.members() != null) for (Member m : f.members()) nets.add(new Mlp(f.sizes(), m.weights(), m.biases()));
            return new DomainClassifier(f.labels(), f.features(), f.spectrogram(), f.mean(), f.std(), nets,
                    f.summary() == null ? Map.of() : f.summary());
        } catch (RuntimeException e) {
            throw new IOException("classifier file " + file + " is inconsistent: " + e.getMessage() + "; train it again", e);
        }
    }
}
