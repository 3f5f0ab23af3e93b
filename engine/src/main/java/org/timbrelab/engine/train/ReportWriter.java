package org.timbrelab.engine.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Offline monitoring page for a run: {@code report.html} (no scripts, no network) with the
 * loss-curve PNG, the last losses, ms/step, every PNG snapshot in the run directory, and the
 * config. Re-read from {@code metrics.jsonl} every {@code every} steps and at stop.
 */
public final class ReportWriter implements TrainingListener {

    public static final String HTML = "report.html";
    public static final String CURVES = "loss_curves.png";

    private final Path runDir;
    private final String title;
    private final String configYaml;
    private final long every;

    public ReportWriter(Path runDir, String title, String configYaml, long every) {
        this.runDir = runDir;
        this.title = title;
        this.configYaml = configYaml;
        this.every = every;
    }

    @Override public void onStep(StepEvent e) {
        if (every > 0 && e.step() % every == 0) write(e.step() + " of " + e.totalSteps() + " steps (running)");
    }

    @Override public void onStop(long completedSteps, StopReason reason, Throwable error) {
        write(completedSteps + " steps, " + reason.name().toLowerCase(Locale.ROOT)
                + (error == null ? "" : ": " + error.getMessage()));
    }

    /** Writes the page now from the run directory's metrics file. */
    public void write(String status) {
        try {
            Path metrics = runDir.resolve(MetricsJsonl.FILE_NAME);
            List<MetricsJsonl.StepRecord> records = Files.exists(metrics) ? MetricsJsonl.read(metrics) : List.of();
            if (!records.isEmpty()) {
                List<LossCurvePlot.Panel> panels = LossCurvePlot.panelsFrom(records);
                LossCurvePlot.writePng(LossCurvePlot.render(panels, 3, 360, 240), runDir.resolve(CURVES));
            }
            writeAtomically(runDir.resolve(HTML), html(status, records));
        } catch (IOException ex) {
            throw new UncheckedIOException(runDir + ": cannot write the report (" + ex.getMessage() + ")", ex);
        }
    }

    private String html(String status, List<MetricsJsonl.StepRecord> records) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em;max-width:1200px}td,th{padding:2px 10px;text-align:right}"
                        + "img{max-width:100%;border:1px solid #ccc;margin:4px}pre{background:#f6f6f6;padding:1em}</style>\n")
                .append("</head><body>\n<h1>").append(esc(title)).append("</h1>\n<p>").append(esc(status)).append("</p>\n");
        if (!records.isEmpty()) {
            MetricsJsonl.StepRecord last = records.get(records.size() - 1);
            sb.append("<h2>Last step</h2>\n<table><tr><th>step</th><th>ms/step</th>");
            last.losses().keySet().forEach(k -> sb.append("<th>").append(esc(k)).append("</th>"));
            sb.append("</tr>\n<tr><td>").append(last.step()).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f", last.msPerStep())).append("</td>");
            last.losses().values().forEach(v -> sb.append("<td>").append(String.format(Locale.ROOT, "%.4g", v)).append("</td>"));
            sb.append("</tr></table>\n<h2>Loss curves</h2>\n<img src=\"").append(CURVES).append("\" alt=\"loss curves\">\n");
        }
        List<String> images = new ArrayList<>();
        RunImages.pngs(runDir, 2).stream().filter(p -> !p.getFileName().toString().equals(CURVES))
                .sorted().forEach(p -> images.add(runDir.relativize(p).toString().replace('\\', '/')));
        if (!images.isEmpty()) {
            sb.append("<h2>Snapshots</h2>\n");
            for (String img : images) {
                sb.append("<figure style=\"display:inline-block\"><img src=\"").append(esc(img)).append("\"><figcaption>")
                        .append(esc(img)).append("</figcaption></figure>\n");
            }
        }
        sb.append("<h2>Config</h2>\n<pre>").append(esc(configYaml)).append("</pre>\n</body></html>\n");
        return sb.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static void writeAtomically(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = org.timbrelab.dsp.AtomicFiles.tempFor(file);
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            org.timbrelab.dsp.AtomicFiles.commit(tmp, file);
        } finally {
            org.timbrelab.dsp.AtomicFiles.discard(tmp);
        }
    }
}
