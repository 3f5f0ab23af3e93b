package org.timbrelab.engine.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second listener: multinomial logistic regression on {@link ClipStatsFeatures} of the whole
 * clip. A linear model on one vector per clip sees nothing of the windows the MLP looks at, so
 * the two listeners fail in different ways. Trained by {@link ClipStatsTrainer}.
 *
 * <p>Layout: {@code weights[class][feature]} on standardised features ((x − mean) / std).
 */
public final class ClipStatsListener implements Listener {

    static final int FILE_VERSION = 1;

    private final List<String> labels;
    private final ClipStatsFeatures features;
    private final SpectrogramConfig spectrogramConfig;
    private final double[] mean, std;
    private final double[][] weights;
    private final double[] bias;
    private final Map<String, Object> summary;

    ClipStatsListener(List<String> labels, ClipStatsFeatures features, SpectrogramConfig spectrogramConfig, double[] mean,
                      double[] std, double[][] weights, double[] bias, Map<String, Object> summary) {
        if (weights.length != labels.size() || bias.length != labels.size())
            throw new IllegalArgumentException(labels.size() + " labels but " + weights.length + " weight rows and " + bias.length + " biases");
        for (double[] row : weights)
            if (row.length != features.size())
                throw new IllegalArgumentException("weight row of " + row.length + " values, features have " + features.size());
        if (mean.length != features.size() || std.length != features.size())
            throw new IllegalArgumentException("normalisation of " + mean.length + "/" + std.length + " values, features have " + features.size());
        this.labels = List.copyOf(labels);
        this.features = features;
        this.spectrogramConfig = spectrogramConfig;
        this.mean = mean;
        this.std = std;
        this.weights = weights;
        this.bias = bias;
        this.summary = new LinkedHashMap<>(summary);
    }

    @Override public String name() { return "clipstats"; }

    @Override public String description() {
        return "logistic regression on whole-clip statistics of frame-normalised log-mel and MFCC";
    }

    @Override public List<String> labels() { return labels; }

    @Override public SpectrogramConfig spectrogramConfig() { return spectrogramConfig; }

    public ClipStatsFeatures features() { return features; }

    /** Training facts (accuracies, counts) stored with the listener. */
    public Map<String, Object> summary() { return Map.copyOf(summary); }

    ClipStatsListener withSummary(Map<String, Object> more) {
        Map<String, Object> s = new LinkedHashMap<>(summary);
        s.putAll(more);
        return new ClipStatsListener(labels, features, spectrogramConfig, mean, std, weights, bias, s);
    }

    @Override public Verdict hear(Spectrogram spec) {
        if (!spec.config().equals(spectrogramConfig))
            throw new IllegalArgumentException("spectrogram config " + spec.config() + " differs from the listener's " + spectrogramConfig);
        double[] x = features.of(spec);
        Map<String, Double> probs = new LinkedHashMap<>();
        if (x == null) {
            for (String l : labels) probs.put(l, 0.0);
            return new Verdict(DomainClassifier.SILENT, probs);
        }
        double[] p = probabilities(normalise(x));
        int best = 0;
        for (int k = 0; k < p.length; k++) {
            probs.put(labels.get(k), p[k]);
            if (p[k] > p[best]) best = k;
        }
        return new Verdict(labels.get(best), probs);
    }

    double[] normalise(double[] raw) {
        double[] z = new double[raw.length];
        for (int i = 0; i < z.length; i++) z[i] = (raw[i] - mean[i]) / std[i];
        return z;
    }

    /** Softmax of the logits of standardised features. */
    double[] probabilities(double[] z) { return softmax(weights, bias, z); }

    static double[] softmax(double[][] w, double[] b, double[] z) {
        double[] p = new double[w.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < p.length; k++) {
            double s = b[k];
            for (int i = 0; i < z.length; i++) s += w[k][i] * z[i];
            p[k] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int k = 0; k < p.length; k++) { p[k] = Math.exp(p[k] - max); sum += p[k]; }
        for (int k = 0; k < p.length; k++) p[k] /= sum;
        return p;
    }

    /** What the JSON file holds. */
    record FileForm(int version, String kind, List<String> labels, ClipStatsFeatures features, SpectrogramConfig spectrogram,
                    double[] mean, double[] std, double[][] weights, double[] bias, Map<String, Object> summary) { }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes the listener as JSON (temp file, then atomic move). */
    public void save(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), new FileForm(FILE_VERSION, "clip-stats logistic regression", labels, features,
                    spectrogramConfig, mean, std, weights, bias, summary));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a listener written by {@link #save}; errors name the file and what is wrong. */
    public static ClipStatsListener load(Path file) throws IOException {
        if (!Files.isRegularFile(file))
            throw new IOException("second listener file " + file + " does not exist; train both listeners with 'train-classifier' "
                    + "(it writes it beside the MLP's file) or let 'eval' train them");
        FileForm f;
        try {
            f = JSON.readValue(file.toFile(), FileForm.class);
        } catch (JsonProcessingException e) {
            throw new IOException("listener file " + file + " is not a valid clip-stats listener JSON (" + e.getOriginalMessage()
                    + "); delete it and train again", e);
        }
        if (f.version() != FILE_VERSION)
            throw new IOException("listener file " + file + " has version " + f.version() + ", this build reads " + FILE_VERSION + "; train it again");
        try {
            return new ClipStatsListener(f.labels(), f.features(), f.spectrogram(), f.mean(), f.std(), f.weights(), f.bias(),
                    f.summary() == null ? Map.of() : f.summary());
        } catch (RuntimeException e) {
            throw new IOException("listener file " + file + " is inconsistent: " + e.getMessage() + "; train it again", e);
        }
    }
}
