package org.timbrelab.app.engine;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.timbrelab.app.controls.DomainPalette;
import org.timbrelab.app.training.DomainSpec;
import org.timbrelab.app.training.TrainingJob;
import org.timbrelab.app.training.TrainingPlan;
import org.timbrelab.engine.config.ConfigLoader;
import org.timbrelab.engine.data.DomainSource;
import org.timbrelab.engine.data.DomainSources;
import org.timbrelab.engine.train.ModelRegistry;
import org.timbrelab.engine.train.RunControl;
import org.timbrelab.engine.train.StepEvent;
import org.timbrelab.engine.train.StopReason;
import org.timbrelab.engine.train.TrainingListener;
import org.timbrelab.engine.train.TrainingRun;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Trains a wizard plan with the engine's {@code vaegan} kind: soundfont and speech domains are
 * rendered into the run directory first, a config is written beside them, and
 * {@link TrainingRun} runs on this job's thread with ONE intra-op thread (the window and audio
 * keep the other core). Progress comes from the run's own metrics.jsonl, tailed every 300 ms.
 */
public final class EngineTrainingJob implements TrainingJob {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TrainingPlan plan;
    private final Path runDir, userPresets;
    private final RunControl control = new RunControl();
    private final long steps;

    public EngineTrainingJob(TrainingPlan plan, Path runsRoot, Path userPresets) {
        this.plan = plan;
        this.runDir = runsRoot.resolve(plan.name());
        this.userPresets = userPresets;
        this.steps = plan.estimatedSteps();
    }

    @Override public RunControl control() { return control; }
    @Override public Path runDir() { return runDir; }

    @Override public void start(TrainingListener listener) {
        Thread t = new Thread(() -> run(listener), "timbrelab-training");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private void run(TrainingListener listener) {
        int threadsBefore = -1;
        Tail tail = null;
        try {
            Path config = writeConfig();
            Engine.getEngine("PyTorch");
            threadsBefore = ai.djl.pytorch.jni.JniUtils.getNumThreads();
            ai.djl.pytorch.jni.JniUtils.setNumThreads(1);
            tail = new Tail(runDir.resolve("metrics.jsonl"), steps, listener);
            tail.start();
            TrainingRun.Result r = TrainingRun.execute(new TrainingRun.Request(config, runDir, steps, null, false),
                    ModelRegistry.standard(), new PrintStream(OutputStream.nullOutputStream()), control);
            tail.finish();
            listener.onStop(r.completedSteps(), r.reason(), null);
        } catch (Throwable e) {
            if (tail != null) tail.finish();
            listener.onStop(0, StopReason.FAILED, e);
        } finally {
            if (threadsBefore > 0) ai.djl.pytorch.jni.JniUtils.setNumThreads(threadsBefore);
        }
    }

    /** Renders non-folder domains and writes the run's config; returns its path. */
    Path writeConfig() throws IOException {
        Files.createDirectories(runDir);
        ObjectNode root = JSON.createObjectNode();
        root.put("model", "vaegan");
        ObjectNode train = root.putObject("train");
        train.put("steps", steps).put("seed", 1).put("checkpointEvery", Math.max(1, Math.min(250, steps / 4)))
                .put("logEvery", 25).put("reportEvery", Math.max(1, Math.min(250, steps / 4)));
        var domains = root.putArray("domains");
        for (int i = 0; i < plan.domains().size(); i++) {
            DomainSpec d = plan.domains().get(i);
            Path dir = DomainSources.materialize(source(d), runDir.resolve("data").resolve(d.name()));
            domains.addObject().put("name", d.name()).put("dir", dir.toAbsolutePath().toString()).put("colour", DomainPalette.web(i));
        }
        root.putObject("architecture").put("baseChannels", plan.size().baseChannels).put("encoderResBlocks", 3)
                .put("sharedResBlocks", 1).put("ownResBlocks", 2).put("discBaseChannels", 16).put("discDownsamples", 3)
                .put("pitchConditioning", true);
        root.putObject("losses").put("rec", 10).put("kl", 0.01).put("gan", 1).put("cycle", 10).put("latent", 1);
        root.putObject("optimiser").put("lr", 2e-4).put("beta1", 0.5).put("beta2", 0.999).put("eps", 1e-8).put("clipNorm", 0);
        root.putObject("data").put("cropFrames", 64).put("batchPerDomain", 4).put("validationFraction", 0.05)
                .put("cacheDir", runDir.resolve("cache").toString()).put("scatterPointsPerDomain", 50);
        Path file = runDir.resolve("wizard-config.yaml");
        Files.writeString(file, "# written by the training wizard for \"" + plan.name() + "\"\n" + ConfigLoader.toYaml(root), StandardCharsets.UTF_8);
        return file;
    }

    private static DomainSource source(DomainSpec d) {
        return switch (d.kind()) {
            case FOLDER -> DomainSource.folder(d.folder());
            case SOUNDFONT -> new DomainSource(null, new DomainSource.SoundfontSpec(d.instrument(), soundfontPath(), 24, 4.0, false,
                    DomainSpec.noteName(d.lowMidi()) + "-" + DomainSpec.noteName(d.highMidi()), null, 1, 1), null);
            case SPEECH -> new DomainSource(null, null, new DomainSource.SpeechSpec(d.ttsEngine(), null, 20, null, 1));
        };
    }

    /** FluidR3 when Debian's fluid-soundfont-gm is installed, else the JDK's built-in bank. */
    private static String soundfontPath() {
        Path fluid = Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2");
        return Files.isRegularFile(fluid) ? fluid.toString() : "builtin";
    }

    /** Copies the run's exported preset into the user's library (temp copy, then atomic move). */
    @Override public Path publishPreset() throws IOException {
        Path src = runDir.resolve("preset");
        if (!Files.isDirectory(src)) throw new IOException(src + ": the run wrote no preset. What to do: check " + runDir.resolve("report.html") + ".");
        Files.createDirectories(userPresets);
        Path target = userPresets.resolve(plan.name()), tmp = userPresets.resolve("." + plan.name() + ".tmp");
        if (Files.exists(target)) throw new IOException(target + ": a preset with this name exists. What to do: rename it in the library and train again.");
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path dst = tmp.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dst); else Files.copy(p, dst, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** Follows metrics.jsonl and turns each new line into a StepEvent. */
    private static final class Tail extends Thread {
        private final Path file;
        private final long total;
        private final TrainingListener listener;
        private volatile boolean done;
        private long offset;

        Tail(Path file, long total, TrainingListener listener) {
            super("timbrelab-metrics-tail");
            setDaemon(true);
            this.file = file;
            this.total = total;
            this.listener = listener;
        }

        @Override public void run() {
            while (!done) {
                poll();
                try { Thread.sleep(300); } catch (InterruptedException e) { return; }
            }
        }

        synchronized void poll() {
            if (!Files.isRegularFile(file)) return;
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
                if (f.length() < offset) offset = 0; // rewritten on resume
                f.seek(offset);
                String line;
                while ((line = f.readLine()) != null) {
                    if (!line.endsWith("}")) break; // partial line: read it next time
                    offset = f.getFilePointer();
                    JsonNode n = JSON.readTree(line);
                    Map<String, Float> losses = new LinkedHashMap<>();
                    n.fields().forEachRemaining(e -> {
                        if (!e.getKey().equals("step") && !e.getKey().equals("ms_per_step") && e.getValue().isNumber())
                            losses.put(e.getKey(), e.getValue().floatValue());
                    });
                    long step = n.path("step").asLong();
                    double ms = n.path("ms_per_step").asDouble();
                    listener.onStep(new StepEvent(step, total, losses, ms, (total - step) * ms / 1000.0));
                }
            } catch (IOException e) {
                // the writer may be mid-line or the file rotating; the next poll retries
            }
        }

        void finish() { done = true; poll(); }
    }
}
