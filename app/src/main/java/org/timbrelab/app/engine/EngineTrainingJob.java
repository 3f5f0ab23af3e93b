package org.timbrelab.app.engine;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Trains a wizard plan with the engine's {@code vaegan} kind: soundfont and speech domains are
 * rendered into the run directory first, a config is written beside them, and
 * {@link TrainingRun} runs on this job's thread with ONE intra-op thread (the window and audio
 * keep the other core), held for the run ({@link LibtorchThreads}). Progress comes in-process: the dashboard's listener
 * hears every step from the training loop itself.
 */
public final class EngineTrainingJob implements TrainingJob {
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
        // steps and starts go straight to the dashboard; its onStop comes once, below, with the run's outcome
        TrainingListener steps = new TrainingListener() {
            @Override public void onStart(long startStep, long totalSteps) { listener.onStart(startStep, totalSteps); }
            @Override public void onStep(StepEvent e) { listener.onStep(e); }
        };
        try {
            TrainingRun.Result r = LibtorchThreads.withOne(() -> TrainingRun.execute(
                    new TrainingRun.Request(writeConfig(), runDir, this.steps, null, false),
                    ModelRegistry.standard(), new PrintStream(OutputStream.nullOutputStream()), control, List.of(steps)));
            listener.onStop(r.completedSteps(), r.reason(), null);
        } catch (Throwable e) {
            listener.onStop(0, StopReason.FAILED, e);
        }
    }

    /** Renders non-folder domains and writes the run's config ({@link WizardRecipe}); returns its path. */
    Path writeConfig() throws IOException {
        Files.createDirectories(runDir);
        List<WizardRecipe.Domain> domains = new ArrayList<>();
        for (int i = 0; i < plan.domains().size(); i++) {
            DomainSpec d = plan.domains().get(i);
            Path dir = DomainSources.materialize(source(d), runDir.resolve("data").resolve(d.name()));
            domains.add(new WizardRecipe.Domain(d.name(), dir, DomainPalette.web(i)));
        }
        ObjectNode root = WizardRecipe.config(domains, plan.size().baseChannels, steps, runDir.resolve("cache"));
        Path file = runDir.resolve("wizard-config.yaml");
        Files.writeString(file, "# written by the training wizard for \"" + plan.name() + "\"\n" + ConfigLoader.toYaml(root), StandardCharsets.UTF_8);
        return file;
    }

    private static DomainSource source(DomainSpec d) {
        return switch (d.kind()) {
            case FOLDER -> DomainSource.folder(d.folder());
            case SOUNDFONT -> new DomainSource(null, new DomainSource.SoundfontSpec(d.instrument(), soundfontPath(), 24, 4.0, false,
                    DomainSpec.noteName(d.lowMidi()) + "-" + DomainSpec.noteName(d.highMidi()), null, 1, 1, 0), null);
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
}
