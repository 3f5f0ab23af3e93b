package org.timbrelab.engine.eval;

import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramConfig;

import java.util.List;
import java.util.Map;

/**
 * A model that listens to a whole clip and says which domain it sounds like (or
 * {@link DomainClassifier#OTHER}). The evaluation uses two of different kinds, so a verdict
 * does not rest on one model's blind spots: {@link DomainClassifier} (an MLP on 0.5-s windows)
 * and {@link ClipStatsListener} (logistic regression on whole-clip statistics).
 */
public interface Listener {

    /** Short identifier, used in CSV column names and tables: "mlp", "clipstats". */
    String name();

    /** One line for the report, e.g. "MLP on 0.5-s log-mel windows". */
    String description();

    /** The labels it can give: the domains plus "other". */
    List<String> labels();

    /** The spectrogram config it reads; spectrograms must be computed with it. */
    SpectrogramConfig spectrogramConfig();

    /** Its verdict on one clip. */
    Verdict hear(Spectrogram spec);

    /** A clip's label ({@link DomainClassifier#SILENT} when nothing is audible) and the probability of every label. */
    record Verdict(String label, Map<String, Double> probabilities) {
        public double probability(String l) { return probabilities.getOrDefault(l, 0.0); }
    }
}
