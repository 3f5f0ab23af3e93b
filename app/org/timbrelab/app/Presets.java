package org.timbrelab.app;

import org.timbrelab.app.model.TimbreModel;
import org.timbrelab.app.services.AppPaths;
import org.timbrelab.app.training.TrainingJob;
import org.timbrelab.app.training.TrainingPlan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** How the app turns a preset directory into a {@link TimbreModel}. */
final class Presets {
    private Presets() { }

    /** Training summary lines of a preset directory (for now: its files and sizes). */
    static Function<Path, List<String>> summaryReader() {
        return dir -> {
            try (var s = Files.list(dir)) {
                return s.sorted().map(p -> p.getFileName() + "  " + size(p)).toList();
            } catch (IOException e) {
                return List.of("cannot read " + dir + ": " + e.getMessage());
            }
        };
    }

    private static String size(Path p) {
        try { return Files.isDirectory(p) ? "(folder)" : String.format("%,d KiB", (Files.size(p) + 1023) / 1024); }
        catch (IOException e) { return "?"; }
    }

    static Function<Path, TimbreModel> loader() {
        return dir -> {
            throw new IllegalStateException(dir + ": this build has no preset loader yet (the engine's Converter is not "
                    + "part of it). What to do: open, view and play audio now; conversion arrives with the engine's Converter.");
        };
    }

    /** A training job for a wizard plan. */
    static TrainingJob jobFor(TrainingPlan plan, AppPaths paths) {
        throw new IllegalStateException("Training " + plan.name() + " needs the engine's VAE-GAN training kind, which is not in this build yet. "
                + "What to do: train from the command line (`train --config ...`) once it is available.");
    }
}
