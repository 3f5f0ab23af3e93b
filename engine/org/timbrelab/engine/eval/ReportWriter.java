package org.timbrelab.engine.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Writes an evaluation as files in one folder: {@code results.csv} (one line per row),
 * {@code clips.csv} (one line per clip × system × domain), {@code report.md} (the table, the
 * classifier's own accuracy, notes) and bar charts {@code accuracy.png}, {@code f0.png},
 * {@code fad.png}, {@code fad-learned.png} (and {@code fad-external.png} with a TorchScript embedding).
 */
public final class ReportWriter {
    private ReportWriter() { }

    static final String[] ROW_HEADER = {"system", "kind", "domain", "clips", "domain_accuracy", "f0_correlation",
            "cents_error", "loudness_correlation", "loudness_correlation_enveloped", "fad_mfcc", "fad_learned",
            "frames_mfcc", "frames_learned", "fad_external", "frames_external", "octave_flips", "f0_correlation_repaired"};

    /**
     * Everything a report shows. {@code notes} are Markdown lines printed above the table;
     * {@code externalEmbedding} names the TorchScript module of the third FAD column (null: none).
     */
    public record Report(String title, List<String> notes, List<EvalRow> rows, List<ClipScore> clips,
                         ClassifierAccuracy classifierAccuracy, String externalEmbedding) {
        public Report(String title, List<String> notes, List<EvalRow> rows, List<ClipScore> clips,
                      ClassifierAccuracy classifierAccuracy) {
            this(title, notes, rows, clips, classifierAccuracy, null);
        }
    }

    public static List<Path> write(Path dir, Report r) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        written.add(writeText(dir.resolve("results.csv"), rowsCsv(r.rows())));
        written.add(writeText(dir.resolve("clips.csv"), clipsCsv(r.clips())));
        written.add(writeText(dir.resolve("report.md"), markdown(r)));
        written.add(chart(dir.resolve("accuracy.png"), "Domain accuracy", "% of clips", r.rows(), row -> 100 * row.domainAccuracy()));
        written.add(chart(dir.resolve("f0.png"), "f0 correlation (median)", "", r.rows(), EvalRow::f0Correlation));
        written.add(chart(dir.resolve("fad.png"), "FAD, MFCC embedding", "lower is better", r.rows(), EvalRow::fadMfcc));
        written.add(chart(dir.resolve("fad-learned.png"), "FAD, learned embedding", "lower is better", r.rows(), EvalRow::fadLearned));
        if (r.externalEmbedding() != null)
            written.add(chart(dir.resolve("fad-external.png"), "FAD, " + r.externalEmbedding(), "lower is better", r.rows(), EvalRow::fadExternal));
        return written;
    }

    static String rowsCsv(List<EvalRow> rows) {
        StringBuilder sb = new StringBuilder(String.join(",", ROW_HEADER)).append('\n');
        for (EvalRow x : rows)
            sb.append(String.join(",", csv(x.system()), x.kind(), csv(x.domain()), Integer.toString(x.clips()),
                    num(x.domainAccuracy()), num(x.f0Correlation()), num(x.centsError()), num(x.loudnessCorrelation()),
                    num(x.loudnessCorrelationEnveloped()), num(x.fadMfcc()), num(x.fadLearned()),
                    Integer.toString(x.framesMfcc()), Integer.toString(x.framesLearned()), num(x.fadExternal()),
                    Integer.toString(x.framesExternal()), num(x.octaveFlips()), num(x.f0CorrelationRepaired()))).append('\n');
        return sb.toString();
    }

    static String clipsCsv(List<ClipScore> clips) {
        StringBuilder sb = new StringBuilder("input,system,domain,predicted,target_probability,octaves,f0_correlation,"
                + "cents_error,loudness_correlation,loudness_correlation_enveloped,octave_flips,f0_correlation_repaired\n");
        for (ClipScore c : clips)
            sb.append(String.join(",", csv(c.input()), csv(c.system()), csv(c.domain()), csv(c.predicted()),
                    num(c.targetProbability()), Integer.toString(c.octaves()), num(c.f0Correlation()), num(c.centsError()),
                    num(c.loudnessCorrelation()), num(c.loudnessCorrelationEnveloped()), num(c.octaveFlips()),
                    num(c.f0CorrelationRepaired()))).append('\n');
        return sb.toString();
    }

    static String markdown(Report r) {
        StringBuilder sb = new StringBuilder("# ").append(r.title()).append("\n\n");
        for (String n : r.notes()) sb.append(n).append('\n');
        String ext = r.externalEmbedding();
        sb.append("\n| system | kind | domain | clips | domain acc. | f0 corr. | f0 corr. (octave-repaired) | cents err. | octave flips | loudness corr. | loudness corr. (env.) "
                + "| FAD MFCC | FAD learned | ").append(ext == null ? "" : "FAD " + ext + " | ")
                .append(ext == null ? "frames (MFCC / learned) |" : "frames (MFCC / learned / " + ext + ") |")
                .append("\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|").append(ext == null ? "" : "---|").append('\n');
        for (EvalRow x : r.rows())
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s%d / %d%s |%n",
                    x.system(), x.kind(), x.domain(), x.clips(), pct(x.domainAccuracy()), fix(x.f0Correlation(), 3), fix(x.f0CorrelationRepaired(), 3),
                    fix(x.centsError(), 0), pct(x.octaveFlips()), fix(x.loudnessCorrelation(), 3), fix(x.loudnessCorrelationEnveloped(), 3),
                    fix(x.fadMfcc(), 2), fix(x.fadLearned(), 3), ext == null ? "" : fix(x.fadExternal(), 3) + " | ",
                    x.framesMfcc(), x.framesLearned(), ext == null ? "" : " / " + x.framesExternal()));
        sb.append("\nCorrelations and cents are medians over clips; octave flips (the share of frames voiced in both whose f0 is whole "
                + "octaves off input f0 × 2^k) a mean over clips; n/a where the metric does not apply to the row. "
                + "The octave-repaired f0 correlation first moves each voiced frame that sits whole octaves from the median of "
                + "the voiced frames within ±0.2 s onto it, in both tracks: YIN hears a flute's attacks an octave low.\n");
        if (r.classifierAccuracy() != null)
            sb.append("\n## Domain classifier on held-out real clips\n\n").append(r.classifierAccuracy().toMarkdown());
        sb.append("\n![domain accuracy](accuracy.png)\n![f0 correlation](f0.png)\n![FAD MFCC](fad.png)\n![FAD learned](fad-learned.png)\n");
        if (ext != null) sb.append("![FAD ").append(ext).append("](fad-external.png)\n");
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
