package org.timbrelab.app;

import javafx.stage.Stage;
import org.timbrelab.app.library.PresetCatalog;
import org.timbrelab.app.training.DomainSpec;
import org.timbrelab.app.training.TrainingDashboard;
import org.timbrelab.app.training.TrainingJob;
import org.timbrelab.app.training.TrainingPlan;
import org.timbrelab.app.training.TrainingWizard;
import org.timbrelab.app.ui.Session;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Model ▸ Train: wizard → job → dashboard → preset in the library. */
final class Training {
    private Training() { }

    static void start(Stage owner, Session session, PresetCatalog catalog) {
        session.background().quiet("List presets", p -> {
            Set<String> taken = new HashSet<>();
            for (var e : catalog.list()) taken.add(e.name());
            return taken;
        }, taken -> {
            List<DomainSpec> suggested = List.of(DomainSpec.speech("voice", "flite"), DomainSpec.soundfont("violin", "violin", 55, 88));
            new TrainingWizard(owner, taken, suggested, new org.timbrelab.app.engine.EngineStepProbe()).showAndWait().ifPresent(plan -> launch(owner, session, plan));
        });
    }

    private static void launch(Stage owner, Session session, TrainingPlan plan) {
        session.background().light("Prepare training " + plan.name(), p -> Presets.jobFor(plan, session.paths()), (TrainingJob job) -> {
            TrainingDashboard d = new TrainingDashboard(owner, plan.name(), job, session.background(),
                    dir -> session.loadPreset(dir, () -> session.background().status("Trained model " + plan.name() + " loaded")));
            d.start();
        });
    }
}
