package org.timbrelab.engine.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
 * ~0.5-s windows, averaged over a clip's windows. Its labels are the domains of a preset plus
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
    private final Mlp mlp;
    private final Map<String, Object> summary;

    DomainClassifier(List<String> labels, SegmentFeatures features, SpectrogramConfig spectrogramConfig,
                     double[] mean, double[] std, Mlp mlp, Map<String, Object> summary) {
        if (labels.size() != mlp.outputSize())
            throw new IllegalArgumentException(labels.size() + " labels but the network has " + mlp.outputSize() + " outputs");
        if (mean.length != features.size() || std.length != features.size() || mlp.inputSize() != features.size())
            throw new IllegalArgumentException("feature size " + features.size() + " does not match normalisation ("
                    + mean.length + ", " + std.length + ") or network input " + mlp.inputSize());
        this.labels = List.copyOf(labels);
        this.features = features;
        this.spectrogramConfig = spectrogramConfig;
        this.mean = mean;
        this.std = std;
        this.mlp = mlp;
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
        return new DomainClassifier(labels, features, spectrogramConfig, mean, std, mlp, s);
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
            double[] p = mlp.probabilities(normalise(w.features()));
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
        double[] p = mlp.probabilities(normalise(rawFeatures));
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    /**
     * Learned embeddings (last hidden layer) of the active windows starting every {@code hop}
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

    /** What the JSON file holds. */
    record FileForm(int version, List<String> labels, SegmentFeatures features, SpectrogramConfig spectrogram,
                    double[] mean, double[] std, int[] sizes, double[][] weights, double[][] biases,
                    Map<String, Object> summary) { }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes the classifier as JSON (temp file, then atomic move). */
    public void save(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = org.timbrelab.dsp.AtomicFiles.tempFor(file);
        try {
            JSON.writeValue(tmp.toFile(), new FileForm(FILE_VERSION, labels, features, spectrogramConfig, mean, std,
                    mlp.sizes(), mlp.weightsCopy(), mlp.biasesCopy(), summary));
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
            Mlp mlp = new Mlp(f.sizes(), f.weights(), f.biases());
            return new DomainClassifier(f.labels(), f.features(), f.spectrogram(), f.mean(), f.std(), mlp,
                    f.summary() == null ? Map.of() : f.summary());
        } catch (RuntimeException e) {
            throw new IOException("classifier file " + file + " is inconsistent: " + e.getMessage() + "; train it again", e);
        }
    }
}
