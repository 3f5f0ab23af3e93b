package org.timbrelab.engine.eval;

import org.timbrelab.dsp.Spectrogram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A classifier's accuracy on labelled clips it did not train on: per true label, the fraction of
 * clips (and of windows) given that label, and the clip-level confusion counts.
 *
 * @param clipAccuracy   true label → fraction of its clips classified correctly
 * @param windowAccuracy true label → fraction of its windows classified correctly
 * @param confusion      true label → (predicted label → clip count)
 */
public record ClassifierAccuracy(Map<String, Double> clipAccuracy, Map<String, Double> windowAccuracy,
                                 Map<String, Map<String, Integer>> confusion) {

    /**
     * Scores {@code listener} on {@code clips} (true label → spectrograms). Window accuracy is
     * measured for a {@link DomainClassifier} only (NaN for a listener that hears whole clips).
     */
    public static ClassifierAccuracy measure(Listener listener, Map<String, List<Spectrogram>> clips) {
        DomainClassifier classifier = listener instanceof DomainClassifier d ? d : null;
        Map<String, Double> clipAcc = new LinkedHashMap<>(), winAcc = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
        for (Map.Entry<String, List<Spectrogram>> e : clips.entrySet()) {
            String truth = e.getKey();
            int target = listener.labels().indexOf(truth);
            if (target < 0)
                throw new IllegalArgumentException("label '" + truth + "' is not one of the listener's " + listener.labels());
            Map<String, Integer> row = new LinkedHashMap<>();
            int right = 0, windows = 0, rightWindows = 0;
            for (Spectrogram s : e.getValue()) {
                String predicted = listener.hear(s).label();
                row.merge(predicted, 1, Integer::sum);
                if (predicted.equals(truth)) right++;
                if (classifier != null) for (SegmentFeatures.Window w : classifier.features().windows(s, classifier.features().windowFrames() / 4 + 1)) {
                    windows++;
                    if (classifier.predictWindow(w.features()) == target) rightWindows++;
                }
            }
            clipAcc.put(truth, e.getValue().isEmpty() ? Double.NaN : right / (double) e.getValue().size());
            winAcc.put(truth, windows == 0 ? Double.NaN : rightWindows / (double) windows);
            confusion.put(truth, row);
        }
        return new ClassifierAccuracy(clipAcc, winAcc, confusion);
    }

    /** Mean clip accuracy over labels (each label weighted equally). */
    public double meanClipAccuracy() {
        return clipAccuracy.values().stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Markdown table: label, clip accuracy, window accuracy, confusion. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder("| true label | clips correct | windows correct | predicted (clips) |\n|---|---|---|---|\n");
        for (String label : clipAccuracy.keySet())
            sb.append(String.format(java.util.Locale.ROOT, "| %s | %s | %s | %s |%n", label, pct(clipAccuracy.get(label)),
                    pct(windowAccuracy.get(label)), confusion.get(label)));
        return sb.toString();
    }

    private static String pct(double v) { return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%.1f %%", 100 * v) : "n/a"; }
}
