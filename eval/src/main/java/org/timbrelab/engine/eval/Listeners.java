package org.timbrelab.engine.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The evaluation's two listeners, trained on the same clips with the same labels, stored as two
 * files side by side: the MLP's JSON ({@code classifier.json}, the format it always had) and the
 * clip-stats listener's ({@code classifier.clipstats.json}, see {@link #secondFile}).
 *
 * @param windows   the MLP on 0.5-s windows (also the learned embedding for FAD)
 * @param clipStats logistic regression on whole-clip statistics
 */
public record Listeners(DomainClassifier windows, ClipStatsListener clipStats) {

    public Listeners {
        if (!windows.labels().equals(clipStats.labels()))
            throw new IllegalArgumentException("the two listeners have different labels: " + windows.labels() + " and " + clipStats.labels());
        if (!windows.spectrogramConfig().equals(clipStats.spectrogramConfig()))
            throw new IllegalArgumentException("the two listeners read different spectrogram configs");
    }

    /** Both, in report order. */
    public List<Listener> all() { return List.of(windows, clipStats); }

    public List<String> labels() { return windows.labels(); }

    /** Where the second listener lives beside {@code mlpFile}: {@code X.json} → {@code X.clipstats.json}. */
    public static Path secondFile(Path mlpFile) {
        String n = mlpFile.getFileName().toString();
        String stem = n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
        return mlpFile.resolveSibling(stem + ".clipstats.json");
    }

    /** Writes both files (each atomically). */
    public void save(Path mlpFile) throws IOException {
        clipStats.save(secondFile(mlpFile));
        windows.save(mlpFile);
    }

    /** Reads both; a missing second file is named with how to make it. */
    public static Listeners load(Path mlpFile) throws IOException {
        DomainClassifier mlp = DomainClassifier.load(mlpFile);
        ClipStatsListener second = ClipStatsListener.load(secondFile(mlpFile));
        try {
            return new Listeners(mlp, second);
        } catch (IllegalArgumentException e) {
            throw new IOException(mlpFile + " and " + secondFile(mlpFile) + " do not belong together (" + e.getMessage()
                    + "); train them again with train-classifier", e);
        }
    }
}
