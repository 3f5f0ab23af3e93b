package org.timbrelab.cli;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.engine.train.NativeMemory;
import org.timbrelab.engine.vaegan.SyntheticStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code bench train}: one VAE-GAN training step of the slim pitch-conditioned model (affine norms, as the reference),
 * batch 4 per domain, 64-frame crops, on a warm JVM; then the PyTorch reference's own {@code train} on generated
 * clips of the same sizes, its steady ms/step read from its log, and the ratio; the reference runs again after the
 * engine's rows and the ratios against the mean of both are printed too. Random crops stand in for data on the
 * engine side: a step's cost does not depend on the values.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Times the VAE-GAN training step (slim model, pitch comb, affine norms, batch 4 per domain, 64-frame crops; "
                + "split kernels as the shipped presets were trained, and fused ones as new models are) "
                + "and, when python3 with torch and the reference script are there, the PyTorch reference's step on the same "
                + "sizes in the same invocation; prints the ratio. Run nothing else meanwhile.")
public final class BenchTrainCommand implements Callable<Integer> {

    static final int BATCH = 4, CROP = 64;
    private static final Pattern REF_LINE = Pattern.compile("^step (\\d+)\\s+(\\d+) ms/step");

    @Mixin BenchCommand.Options options;

    @Option(names = "--domains", defaultValue = "2", paramLabel = "N", description = "timbre domains (default: ${DEFAULT-VALUE})")
    int domains;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N", description = "intra-op threads for both (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--reference", paramLabel = "FILE", description = "the PyTorch reference script (default: ../shared/reference/vaegan_reference.py)")
    Path reference = ReferenceScript.DEFAULT_SCRIPT;

    @Option(names = "--reference-steps", defaultValue = "300", paramLabel = "N",
            description = "reference steps; its ms/step is taken between step 100 and the last (default: ${DEFAULT-VALUE})")
    int referenceSteps;

    @Option(names = "--no-reference", description = "time the engine only")
    boolean noReference;

    @Override public Integer call() throws Exception {
        if (domains < 2) throw new IllegalArgumentException("--domains must be >= 2, got " + domains);
        if (referenceSteps < 200 || referenceSteps % 100 != 0) throw new IllegalArgumentException("--reference-steps must be a multiple of 100, >= 200");
        // a training step is long and noisy: at least 10 warm-up and 30 timed steps whatever the shared defaults say
        int warmup = Math.max(10, options.warmup), repeats = Math.max(30, options.repeats);
        Bench b = new Bench(System.out, warmup, repeats);
        System.out.printf(Locale.ROOT, "bench train: %d domains, batch %d per domain, %d-frame crops, %d mels, %d threads%n",
                domains, BATCH, CROP, SyntheticStep.MELS, threads);
        String baseline = null;
        ReferenceScript ref = noReference ? null : ReferenceScript.find(reference, why -> System.out.println("  no reference row: " + why));
        double refBefore = Double.NaN;
        if (ref != null) {
            refBefore = referenceStepMs(ref);
            b.record("PyTorch reference step", refBefore);
            baseline = "PyTorch reference step";
        }
        List<Bench.Row> engineRows = new ArrayList<>();
        Engine.getInstance();   // loads libtorch before its thread count is read
        int before = JniUtils.getNumThreads();
        JniUtils.setNumThreads(threads);
        try {
            // the split kernels train the shipped configs byte for byte; new models use the fused ones (Kernels)
            for (boolean fused : new boolean[] {false, true}) {
                try (SyntheticStep step = new SyntheticStep(domains, 16, BATCH, CROP, fused)) {
                    double rssBefore = NativeMemory.rssMiB();
                    engineRows.add(b.measure(fused ? "engine step, fused kernels" : "engine step, split kernels", 0, baseline, step::run));
                    // a step frees everything it made: native memory must not grow with the number of steps
                    System.out.printf(Locale.ROOT, "  native memory (RSS): %.0f MiB before these steps, %.0f MiB after %d%n",
                            rssBefore, NativeMemory.rssMiB(), warmup + repeats);
                }
            }
        } finally {
            if (before > 0) JniUtils.setNumThreads(before);
        }
        // the reference runs in its own process and cannot alternate step by step with the engine as bench convert's
        // passes do; timing it again afterwards brackets the engine's rows, so an hour's drift shows instead of
        // entering one ratio unseen
        if (ref == null) {
            b.printTable();
            return 0;
        }
        double refAfter = referenceStepMs(ref);
        b.record("PyTorch reference step (again, after)", refAfter);
        b.printTable();
        double mean = (refBefore + refAfter) / 2;
        System.out.printf(Locale.ROOT, "against the mean of the two reference timings (%.1f ms; they differ by %.0f %%):%n",
                mean, 100 * Math.abs(refAfter - refBefore) / mean);
        for (Bench.Row r : engineRows) System.out.printf(Locale.ROOT, "  %s: %.2fx%n", r.name(), r.medianMs() / mean);
        return 0;
    }

    /** Runs the reference's train on generated clips (one folder per domain) and returns its ms/step after step 100. */
    private double referenceStepMs(ReferenceScript ref) throws Exception {
        Path dir = Files.createTempDirectory("timbrelab-bench-ref");
        try {
            int rate = AudioClip.MODEL_RATE;
            for (int k = 0; k < domains; k++) {
                Path dom = Files.createDirectories(dir.resolve("data").resolve("d" + k));
                for (int i = 0; i < 4; i++)   // 4 s of a voice-like buzz per clip: enough frames for 64-frame crops
                    AudioFiles.saveWav(dom.resolve("clip" + i + ".wav"), new AudioClip(BenchDspCommand.voiceLike(rate, 4 + i), rate));
            }
            System.out.printf("  PyTorch reference: %s train, %d steps, %d threads (%s)...%n", ref.script(), referenceSteps, threads, ref.python());
            System.out.flush();
            double[] at = new double[referenceSteps / 100 + 1];
            ref.run(List.of(ref.script().toString(), "train", dir.resolve("data").toString(), dir.resolve("out").toString(),
                    "--steps", String.valueOf(referenceSteps), "--threads", String.valueOf(threads)), line -> {
                Matcher mm = REF_LINE.matcher(line);
                if (mm.find()) at[Integer.parseInt(mm.group(1)) / 100] = Double.parseDouble(mm.group(2));
            });
            if (at[1] == 0 || at[at.length - 1] == 0) throw new IllegalStateException("the reference printed no ms/step at steps 100 and " + referenceSteps);
            // its log gives the running mean since step 1; the steps after 100 are the warm ones
            return (at[at.length - 1] * referenceSteps - at[1] * 100) / (referenceSteps - 100);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
