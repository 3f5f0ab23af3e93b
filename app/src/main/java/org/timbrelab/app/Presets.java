package org.timbrelab.app;

import org.timbrelab.app.engine.EngineTimbreModel;
import org.timbrelab.app.engine.EngineTrainingJob;
import org.timbrelab.app.model.TimbreModel;
import org.timbrelab.app.services.AppPaths;
import org.timbrelab.app.training.TrainingJob;
import org.timbrelab.app.training.TrainingPlan;
import org.timbrelab.engine.preset.PresetException;
import org.timbrelab.engine.preset.PresetStore;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** How the app turns preset directories into models and summaries, through the engine. */
final class Presets {
    private Presets() { }

    /** Training summary lines from preset.json only (fast: no weights are read). */
    static Function<Path, List<String>> summaryReader() {
        return dir -> {
            try {
                return EngineTimbreModel.summaryOf(PresetStore.readInfo(dir));
            } catch (PresetException e) {
                return List.of("Not a usable preset: " + e.getMessage());
            }
        };
    }

    static Function<Path, TimbreModel> loader() { return EngineTimbreModel::load; }

    /** A training job for a wizard plan. */
    static TrainingJob jobFor(TrainingPlan plan, AppPaths paths) {
        return new EngineTrainingJob(plan, paths.runs(), paths.userPresets());
    }
}
