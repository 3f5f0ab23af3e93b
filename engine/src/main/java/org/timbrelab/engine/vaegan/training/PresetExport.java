package org.timbrelab.engine.vaegan.training;

import ai.djl.ndarray.NDManager;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.engine.data.DomainDataset;
import org.timbrelab.engine.preset.DomainInfo;
import org.timbrelab.engine.preset.LatentPoints;
import org.timbrelab.engine.preset.LatentScatterBuilder;
import org.timbrelab.engine.preset.PresetInfo;
import org.timbrelab.engine.preset.PresetStore;
import org.timbrelab.engine.preset.TrainingSummary;
import org.timbrelab.engine.train.MetricsJsonl;
import org.timbrelab.engine.train.StepEvent;
import org.timbrelab.engine.train.StopReason;
import org.timbrelab.engine.train.TrainingListener;
import org.timbrelab.engine.train.TrainingRun;
import org.timbrelab.engine.vaegan.VaeGan;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When a run completes, writes the model as a preset: weights, configs, each domain's median f0
 * (register matching's target), latent scatter points of ~1-s windows and a training summary with
 * the mean losses of the last steps.
 */
final class PresetExport implements TrainingListener {
    private static final int LOSS_WINDOW = 50;
    private final Path presetDir, runDir;
    private final VaeGan model;
    private final VaeGanTrainConfig cfg;
    private final List<DomainDataset> datasets;
    private final NDManager manager;
    private final PrintStream out;
    private final Map<String, Double> lossSums = new LinkedHashMap<>();
    private final List<Map<String, Float>> recent = new ArrayList<>();
    private long startNanos;
    private org.timbrelab.engine.preset.InputTone tone;
    private long startStep;
    private double msPerStep;
    private final VaeGanRecipe recipe;

    /** @param recipe whose weight average (if it keeps one) presets are written from */
    PresetExport(Path presetDir, Path runDir, VaeGan model, VaeGanTrainConfig cfg, List<DomainDataset> datasets, NDManager manager, PrintStream out,
                 VaeGanRecipe recipe) {
        this.recipe = recipe;
        this.presetDir = presetDir;
        this.runDir = runDir;
        this.model = model;
        this.cfg = cfg;
        this.datasets = datasets;
        this.manager = manager;
        this.out = out;
    }

    @Override public void onStart(long startStep, long totalSteps) {
        this.startStep = startStep;
        this.startNanos = System.nanoTime();
    }

    @Override public void onStep(StepEvent e) {
        recent.add(e.losses());
        if (recent.size() > LOSS_WINDOW) recent.remove(0);
        msPerStep = e.msPerStep();
    }

    @Override public void onStop(long completed, StopReason reason, Throwable error) {
        if (reason != StopReason.COMPLETED) return;
        double minutes = (System.nanoTime() - startNanos) / 6e10;
        List<MetricsJsonl.StepRecord> log = readLog();
        if (recent.isEmpty()) { // e.g. a resumed run that was already at its step count: take the log's tail
            log.stream().skip(Math.max(0, log.size() - LOSS_WINDOW)).forEach(r -> recent.add(r.losses()));
            if (!log.isEmpty()) msPerStep = log.get(log.size() - 1).msPerStep();
        }
        // minutes over every session of the run: sum of the logged step times
        double loggedMinutes = log.stream().mapToDouble(MetricsJsonl.StepRecord::msPerStep).sum() / 60000;
        export(presetDir, completed, Math.max(minutes, loggedMinutes));
    }

    /**
     * The model as it is at {@code step}, as a preset in {@code dir} (a snapshot: {@link PresetSnapshots}); a run that
     * keeps a weight average also writes its raw weights beside it ({@code dir}-raw), so the two can be compared.
     */
    void snapshot(Path dir, long step) {
        double minutes = (System.nanoTime() - startNanos) / 6e10;
        export(dir, step, minutes);
        if (recipe.averagesWeights()) write(dir.resolveSibling(dir.getFileName() + "-raw"), step, minutes, false);
    }

    private List<MetricsJsonl.StepRecord> readLog() {
        Path f = runDir.resolve(MetricsJsonl.FILE_NAME);
        try {
            return Files.isRegularFile(f) ? MetricsJsonl.read(f) : List.of();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(f + ": cannot read the training log for the preset summary (" + e.getMessage() + ")", e);
        }
    }

    /** Writes the preset from the weight average when the run keeps one. */
    void export(Path dir, long steps, double minutes) {
        recipe.withAveragedWeights(() -> write(dir, steps, minutes, recipe.averagesWeights()));
    }

    private void write(Path dir, long steps, double minutes, boolean averaged) {
        out.println("vaegan: exporting preset to " + dir + (averaged ? " (weight average, decay " + cfg.ema() + ")" : ""));
        lossSums.clear();
        for (Map<String, Float> l : recent)
            l.forEach((k, v) -> { if (k.startsWith("L_") || k.equals("KL")) lossSums.merge(k, v.doubleValue() / recent.size(), Double::sum); });
        List<DomainInfo> domains = new ArrayList<>();
        LatentScatterBuilder scatter = new LatentScatterBuilder();
        int window = cfg.data().cropFrames();
        for (int k = 0; k < datasets.size(); k++) {
            DomainDataset ds = datasets.get(k);
            VaeGanTrainConfig.Domain d = cfg.domains().get(k);
            double median = ds.medianF0Hz().orElseThrow(() -> new IllegalStateException("domain '" + d.name() + "' has no voiced frames: no median f0 for register matching"));
            domains.add(new DomainInfo(d.name(), d.colour(), median));
            int chunks = ds.chunks().size();
            int want = cfg.data().scatterPointsPerDomain();
            for (int j = 0; j < want && chunks > 0; j++) {
                int i = (int) ((long) j * chunks / Math.min(want, chunks)) % chunks; // spread over the dataset
                if (j >= chunks) break;
                Spectrogram s = ds.spectrogram(i);
                DomainDataset.Chunk c = ds.chunks().get(i);
                scatter.add(model.encoder(), manager, d.name(), c.file(), s, window, c.startSeconds());
            }
        }
        LatentPoints points = scatter.build(cfg.train().seed());
        String notes = "trained from " + cfg.domains().stream().map(x -> x.name() + "=" + x.dir()).toList()
                + "; " + (steps - startStep) + " steps in this session"
                + (averaged ? "; weights: moving average, decay " + cfg.ema() : "");
        PresetInfo info = new PresetInfo(PresetStore.VERSION, runDir.getFileName().toString(), model.config(), datasets.get(0).config(),
                domains, model.config().pitchConditioning(), new TrainingSummary(steps, minutes, msPerStep, lossSums, notes),
                cfg.conversion().timbreStrength(), cfg.conversion().perDomain(), cfg.conversion().noteSnap());
        List<Path> files = new ArrayList<>();
        for (String f : List.of(TrainingRun.CONFIG_FILE, MetricsJsonl.FILE_NAME)) if (Files.isRegularFile(runDir.resolve(f))) files.add(runDir.resolve(f));
        PresetStore.save(dir, info, model, points, files);
        int voice = domains.stream().map(DomainInfo::name).toList().indexOf("voice");
        if (voice >= 0) writeSourceTone(dir, datasets.get(voice), info.spectrogram().sampleRate());
        out.printf("vaegan: preset written (%d scatter points, median f0 %s)%n", points.sources().size(),
                domains.stream().map(x -> x.name() + " " + Math.round(x.medianF0Hz()) + " Hz").toList());
    }

    /**
     * tone.json: the mean tone of the voice recordings, so conversions match an input's tone to them by default.
     * It depends on the data only, so it is measured once per run and written into every preset and snapshot.
     */
    private void writeSourceTone(Path dir, DomainDataset voice, int rate) {
        if (tone != null) {
            tone.writeTo(dir);
            return;
        }
        List<Path> files = voice.files().stream().filter(DomainDataset.SourceFile::usable).map(f -> voice.source().resolve(f.path())).toList();
        if (files.isEmpty()) return;
        int[] skipped = {0};
        try {
            org.timbrelab.dsp.ToneProfile mean = org.timbrelab.dsp.ToneProfile.meanOf(files, rate, (f, why) -> {
                skipped[0]++;
                out.println("vaegan:   tone: skipped " + f + " (" + why + ")");
            });
            tone = new org.timbrelab.engine.preset.InputTone("voice", mean);
            tone.writeTo(dir);
            out.printf("vaegan: input tone of 'voice' from %d recordings written (%s)%n", files.size() - skipped[0], org.timbrelab.engine.preset.InputTone.FILE);
        } catch (IllegalArgumentException e) { // the preset is complete without it: conversions then skip tone matching
            out.println("vaegan: no input tone written: " + e.getMessage());
        }
    }
}
