package org.timbrelab.engine.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Writes an evaluation as files in one folder: {@code results.csv} (one line per row),
 * {@code clips.csv} (one line per clip × system × domain), {@code report.md} (the controls, the
 * table, each listener's own accuracy, notes) and bar charts {@code accuracy.png}, {@code f0.png},
 * {@code fad.png}, {@code fad-learned.png} (and {@code fad-external.png} with a TorchScript
 * embedding) of the rows over all inputs.
 */
public final class ReportWriter {
    private ReportWriter() { }

    /**
     * Everything a report shows. {@code notes} are Markdown lines printed above the table;
     * {@code listeners} name the listeners in the order of every row's per-listener lists;
     * {@code source} is the inputs' domain ("heard as voice"); {@code listenerAccuracy} (may be
     * empty) each listener's accuracy on held-out real clips when trained for this report;
     * {@code controls} may be null; {@code externalEmbedding} names the TorchScript module of the
     * third FAD column (null: none).
     */
    public record Report(String title, List<String> notes, List<EvalRow> rows, List<ClipScore> clips, List<String> listeners,
                         String source, Map<String, ClassifierAccuracy> listenerAccuracy, ListenerControls.Result controls,
                         String externalEmbedding) { }

    public static List<Path> write(Path dir, Report r) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        List<EvalRow> overall = r.rows().stream().filter(EvalRow::overall).toList();
        written.add(writeText(dir.resolve("results.csv"), rowsCsv(r.rows(), r.listeners())));
        written.add(writeText(dir.resolve("clips.csv"), clipsCsv(r.clips(), r.listeners())));
        written.add(writeText(dir.resolve("report.md"), markdown(r)));
        written.add(chart(dir.resolve("accuracy.png"), "Heard as the target (lower of the listeners)", "% of clips", overall, row -> 100 * row.domainAccuracy()));
        written.add(chart(dir.resolve("f0.png"), "f0 correlation (median)", "", overall, EvalRow::f0Correlation));
        written.add(chart(dir.resolve("fad.png"), "FAD, MFCC embedding", "lower is better", overall, EvalRow::fadMfcc));
        written.add(chart(dir.resolve("fad-learned.png"), "FAD, learned embedding", "lower is better", overall, EvalRow::fadLearned));
        if (r.externalEmbedding() != null)
            written.add(chart(dir.resolve("fad-external.png"), "FAD, " + r.externalEmbedding(), "lower is better", overall, EvalRow::fadExternal));
        return written;
    }

    /** The CSV header of results.csv for these listeners. */
    static List<String> rowHeader(List<String> listeners) {
        List<String> h = new ArrayList<>(List.of("system", "kind", "domain", "group", "clips", "heard_as_target"));
        for (String l : listeners) h.add("heard_as_target_" + l);
        for (String l : listeners) h.add("heard_as_source_" + l);
        h.addAll(List.of("listeners_agree", "f0_correlation", "cents_error", "loudness_correlation", "loudness_correlation_enveloped",
                "fad_mfcc", "fad_learned", "frames_mfcc", "frames_learned", "fad_external", "frames_external", "octave_flips",
                "f0_correlation_repaired"));
        return h;
    }

    static String rowsCsv(List<EvalRow> rows, List<String> listeners) {
        StringBuilder sb = new StringBuilder(String.join(",", rowHeader(listeners))).append('\n');
        for (EvalRow x : rows) {
            List<String> f = new ArrayList<>(List.of(csv(x.system()), x.kind(), csv(x.domain()), csv(x.group()),
                    Integer.toString(x.clips()), num(x.domainAccuracy())));
            x.heardAsTarget().forEach(v -> f.add(num(v)));
            x.heardAsSource().forEach(v -> f.add(num(v)));
            f.addAll(List.of(num(x.listenersAgree()), num(x.f0Correlation()), num(x.centsError()), num(x.loudnessCorrelation()),
                    num(x.loudnessCorrelationEnveloped()), num(x.fadMfcc()), num(x.fadLearned()),
                    Integer.toString(x.framesMfcc()), Integer.toString(x.framesLearned()), num(x.fadExternal()),
                    Integer.toString(x.framesExternal()), num(x.octaveFlips()), num(x.f0CorrelationRepaired())));
            sb.append(String.join(",", f)).append('\n');
        }
        return sb.toString();
    }

    static String clipsCsv(List<ClipScore> clips, List<String> listeners) {
        StringBuilder sb = new StringBuilder("input,group,system,domain");
        for (String l : listeners) sb.append(",predicted_").append(l).append(",target_probability_").append(l);
        sb.append(",octaves,f0_correlation,cents_error,loudness_correlation,loudness_correlation_enveloped,octave_flips,f0_correlation_repaired\n");
        for (ClipScore c : clips) {
            List<String> f = new ArrayList<>(List.of(csv(c.input()), csv(c.group()), csv(c.system()), csv(c.domain())));
            for (ClipScore.Heard h : c.heard()) { f.add(csv(h.label())); f.add(num(h.targetProbability())); }
            f.addAll(List.of(c.octaves() == ConversionSystem.Output.UNKNOWN_OCTAVES ? "" : Integer.toString(c.octaves()),
                    num(c.f0Correlation()), num(c.centsError()), num(c.loudnessCorrelation()), num(c.loudnessCorrelationEnveloped()),
                    num(c.octaveFlips()), num(c.f0CorrelationRepaired())));
            sb.append(String.join(",", f)).append('\n');
        }
        return sb.toString();
    }

    static String markdown(Report r) {
        StringBuilder sb = new StringBuilder("# ").append(r.title()).append("\n\n");
        if (r.controls() != null && !r.controls().allPass()) {
            sb.append("> **WARNING: a listener failed its controls.** Its verdicts in this report are not to be trusted; fix it before using them.\n");
            r.controls().passedByListener().forEach((l, ok) -> {
                if (!ok) sb.append("> - ").append(l).append(": ").append(String.join("; ", r.controls().failures(l))).append('\n');
            });
            sb.append('\n');
        }
        for (String n : r.notes()) sb.append(n).append('\n');
        if (r.controls() != null) sb.append('\n').append(r.controls().toMarkdown());
        sb.append("\n## Verdicts\n\n").append(table(r));
        sb.append("\n\"Heard as target\" is the lower of the listeners' shares (").append(String.join(", ", r.listeners()))
                .append(") of clips called the target; \"agree\" is the share of clips on which the listeners give the same label; \"heard as ")
                .append(r.source()).append("\" is the share each listener still calls the input's domain. Rows with a group other than ")
                .append(EvalRow.ALL).append(" score only the inputs in that sub-folder (no FAD). ")
                .append("Correlations and cents are medians over clips; octave flips (the share of frames voiced in both whose f0 is whole "
                + "octaves off input f0 × 2^k) a mean over clips; n/a where the metric does not apply to the row (cents and flips for outputs "
                + "whose register shift is unknown). The octave-repaired f0 correlation first moves each voiced frame that sits whole octaves "
                + "from the median of the voiced frames within ±0.2 s onto it, in both tracks: YIN hears a flute's attacks an octave low.\n");
        r.listenerAccuracy().forEach((l, acc) ->
                sb.append("\n## Listener ").append(l).append(" on held-out real clips\n\n").append(acc.toMarkdown()));
        sb.append("\n![heard as target](accuracy.png)\n![f0 correlation](f0.png)\n![FAD MFCC](fad.png)\n![FAD learned](fad-learned.png)\n");
        if (r.externalEmbedding() != null) sb.append("![FAD ").append(r.externalEmbedding()).append("](fad-external.png)\n");
        return sb.toString();
    }

    private static String table(Report r) {
        String ext = r.externalEmbedding();
        List<String> head = new ArrayList<>(List.of("system", "kind", "domain", "group", "clips", "heard as target"));
        head.addAll(r.listeners());
        head.addAll(List.of("agree", "heard as " + r.source() + " (" + String.join(" / ", r.listeners()) + ")", "f0 corr.",
                "f0 corr. (octave-repaired)", "cents err.", "octave flips", "loudness corr.", "loudness corr. (env.)", "FAD MFCC", "FAD learned"));
        if (ext != null) head.add("FAD " + ext);
        head.add(ext == null ? "frames (MFCC / learned)" : "frames (MFCC / learned / " + ext + ")");
        StringBuilder sb = new StringBuilder("| ").append(String.join(" | ", head)).append(" |\n|")
                .append("---|".repeat(head.size())).append('\n');
        for (EvalRow x : r.rows()) {
            List<String> c = new ArrayList<>(List.of(x.system(), x.kind(), x.domain(), x.group(), Integer.toString(x.clips()),
                    "**" + pct(x.domainAccuracy()) + "**"));
            x.heardAsTarget().forEach(v -> c.add(pct(v)));
            c.add(pct(x.listenersAgree()));
            c.add(String.join(" / ", x.heardAsSource().stream().map(ReportWriter::pct).toList()));
            c.addAll(List.of(fix(x.f0Correlation(), 3), fix(x.f0CorrelationRepaired(), 3), fix(x.centsError(), 0), pct(x.octaveFlips()),
                    fix(x.loudnessCorrelation(), 3), fix(x.loudnessCorrelationEnveloped(), 3), fix(x.fadMfcc(), 2), fix(x.fadLearned(), 3)));
            if (ext != null) c.add(fix(x.fadExternal(), 3));
            c.add(x.framesMfcc() + " / " + x.framesLearned() + (ext == null ? "" : " / " + x.framesExternal()));
            sb.append("| ").append(String.join(" | ", c)).append(" |\n");
        }
        return sb.toString();
    }

    private static Path chart(Path png, String title, String unit, List<EvalRow> rows, ToDoubleFunction<EvalRow> value)
            throws IOException {
        List<String> systems = new ArrayList<>(new LinkedHashSet<>(rows.stream().map(EvalRow::system).toList()));
        List<String> domains = new ArrayList<>(new LinkedHashSet<>(rows.stream().map(EvalRow::domain).toList()));
        double[][] v = new double[systems.size()][domains.size()];
        for (double[] row : v) java.util.Arrays.fill(row, Double.NaN);
        for (EvalRow x : rows) v[systems.indexOf(x.system())][domains.indexOf(x.domain())] = value.applyAsDouble(x);
        BarChart.writePng(png, title, unit, systems, domains, v);
        return png;
    }

    static Path writeText(Path file, String text) throws IOException {
        Path tmp = org.timbrelab.dsp.AtomicFiles.tempFor(file);
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            org.timbrelab.dsp.AtomicFiles.commit(tmp, file);
        } finally {
            org.timbrelab.dsp.AtomicFiles.discard(tmp);
        }
        return file;
    }

    private static String num(double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : ""; }

    private static String pct(double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, "%.0f %%", 100 * v) : "n/a"; }

    private static String fix(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "n/a";
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
