package org.timbrelab.app.training;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The ControlsFX wizard that builds a {@link TrainingPlan}: name → domains → size and time budget
 * (with an estimate) → start. Each page validates as you type: the first problem is shown under
 * the page and Next/Finish stay disabled until it is fixed.
 */
public final class TrainingWizard {
    /** Content width of every page (px): a soundfont domain row needs about 720. */
    static final double PAGE_WIDTH = 780;
    private final Wizard wizard;
    private final TextField name = new TextField();
    private final VBox domainRows = new VBox(6);
    private final List<DomainEditor> editors = new ArrayList<>();
    final ComboBox<TrainingPlan.ModelSize> size = new ComboBox<>(FXCollections.observableArrayList(TrainingPlan.ModelSize.values()));
    // 8 min by default: the ~375 steps a usable voice → violin model needed took 5–6 min at one thread on 2 cores
    // (730–1,000 ms a step measured), with room for a slower hour; more steps were not surely better (study section 30)
    final Spinner<Integer> minutes = new Spinner<>(1, 24 * 60, 8);
    private final Label estimate = new Label();
    private final Label summary = new Label();
    private final Set<String> takenNames;
    private final StepProbe probe;
    /** Measured ms per step by "domains:size", filled by the probe (FX thread only). */
    private final java.util.Map<String, Double> measured = new java.util.HashMap<>();
    private final Set<String> measuring = new java.util.HashSet<>(), unmeasurable = new java.util.HashSet<>();
    private Runnable revalidate = () -> { };

    /** A wizard whose estimate comes from reference timings only. */
    public TrainingWizard(Window owner, Set<String> takenNames, List<DomainSpec> suggested) {
        this(owner, takenNames, suggested, null);
    }

    /**
     * @param probe times a few training steps on this machine for the chosen sizes (off the FX thread) so the estimate
     *              and the run's step count come from a measurement; null keeps the reference-based estimate
     */
    public TrainingWizard(Window owner, Set<String> takenNames, List<DomainSpec> suggested, StepProbe probe) {
        this.takenNames = takenNames;
        this.probe = probe;
        wizard = new Wizard(owner, "Train a new model");
        name.setId("wizardName");
        name.setPromptText("e.g. my-voice-cello");
        size.setValue(TrainingPlan.ModelSize.SMALL);
        minutes.setId("wizardMinutes");
        minutes.setEditable(true);
        for (DomainSpec d : suggested) addDomain(d);
        Button add = new Button("+ Add domain");
        add.setOnAction(e -> { addDomain(DomainSpec.folder("domain" + (editors.size() + 1), null)); revalidate.run(); });

        WizardPane namePage = page("1 · Name", () -> PlanValidator.name(name.getText(), takenNames),
                new Label("Name of the new model (becomes the preset's name):"), name);
        WizardPane domainsPage = page("2 · Domains", () -> PlanValidator.domains(specs()),
                new Label("Each domain is one timbre: a folder of recordings, a soundfont instrument with a pitch range, or speech from an installed TTS. "
                        + "The first is the source — usually your voice — and is also learned one and two octaves up; the others are what it converts into."),
                domainRows, add);
        GridPane budget = new GridPane();
        budget.setHgap(8);
        budget.setVgap(8);
        budget.addRow(0, new Label("Model size"), size);
        budget.addRow(1, new Label("Time budget (minutes)"), minutes);
        WizardPane budgetPage = page("3 · Size and time", () -> PlanValidator.budget(minutes.getValue()), budget, estimate);
        WizardPane startPage = page("4 · Start", List::of, summary,
                new Label("Training runs with one intra-op thread so the window and audio stay responsive.\n"
                        + "A dashboard shows live losses; when it finishes the model appears in the library."));
        size.valueProperty().addListener((o, a, b) -> updateEstimate());
        minutes.valueProperty().addListener((o, a, b) -> { updateEstimate(); revalidate.run(); });
        name.textProperty().addListener((o, a, b) -> revalidate.run());
        updateEstimate();
        wizard.setFlow(new Wizard.LinearFlow(namePage, domainsPage, budgetPage, startPage));
    }

    private void addDomain(DomainSpec d) {
        DomainEditor ed = new DomainEditor(d);
        ed.setId("domain-" + editors.size());
        ed.onChange(() -> revalidate.run());
        ed.remove.setOnAction(e -> { editors.remove(ed); domainRows.getChildren().remove(ed); revalidate.run(); });
        editors.add(ed);
        domainRows.getChildren().add(ed);
    }

    private List<DomainSpec> specs() { return editors.stream().map(DomainEditor::spec).toList(); }

    private void updateEstimate() {
        TrainingPlan p = plan();
        String key = key(p);
        if (!p.measured() && probe != null && !unmeasurable.contains(key) && measuring.add(key)) measure(key, p.domains().size(), p.size());
        estimate.setText(String.format("Estimate: ≈ %.0f ms per step → ≈ %,d steps in %d min with %d domains.%n%s",
                p.estimatedMsPerStep(), p.estimatedSteps(), p.minutes(), p.domains().size(),
                p.measured() ? "(Measured on this machine just now, one thread as training runs; the dashboard shows the live speed.)"
                        : measuring.contains(key) ? "(From timings on the project's 2-core test machine; measuring this machine's speed…)"
                        : unmeasurable.contains(key) ? "(From timings on the project's 2-core test machine: this machine's speed could not be measured now.)"
                        : "(From timings on the project's 2-core test machine; the dashboard shows the measured speed.)")
                + (p.usableModelHint().isEmpty() ? "" : System.lineSeparator() + p.usableModelHint()));
        summary.setText("Model \"" + p.name() + "\", " + p.size().label + ", " + p.minutes() + " min (≈ " + p.estimatedSteps() + " steps)\n"
                + String.join("\n", p.domains().stream().map(d -> "  • " + d).toList()));
    }

    /** A page whose problems (recomputed on every change) gate the wizard's Next button. */
    private WizardPane page(String header, Supplier<List<String>> problems, javafx.scene.Node... content) {
        Label message = new Label();
        message.getStyleClass().add("wizard-problem");
        message.setStyle("-fx-text-fill: #c62828;");
        message.setWrapText(true);
        VBox box = new VBox(10, content);
        box.getChildren().add(message);
        // wide enough for a domain row (name, kind, instrument, from … to …) with no label cut short;
        // page texts wrap rather than end in "…"
        box.setPrefWidth(PAGE_WIDTH);
        for (javafx.scene.Node n : content) if (n instanceof Label l) { l.setWrapText(true); l.setMinHeight(Region.USE_PREF_SIZE); }
        WizardPane pane = new WizardPane() {
            @Override public void onEnteringPage(Wizard w) {
                for (javafx.scene.Node n : content) if (n instanceof TextField tf) { Platform.runLater(tf::requestFocus); break; }
                revalidate = () -> {
                    List<String> p = problems.get();
                    message.setText(p.isEmpty() ? "" : p.get(0));
                    w.setInvalid(!p.isEmpty());
                    updateEstimate();
                };
                revalidate.run();
            }
        };
        pane.setHeaderText(header);
        pane.setContent(box);
        return pane;
    }

    public TrainingPlan plan() {
        TrainingPlan p = new TrainingPlan(name.getText() == null ? "" : name.getText().strip(), specs(), size.getValue(), minutes.getValue());
        Double ms = measured.get(key(p));
        return ms == null ? p : new TrainingPlan(p.name(), p.domains(), p.size(), p.minutes(), ms);
    }

    /** The estimate as shown on the size-and-time page. */
    String estimateText() { return estimate.getText(); }

    private static String key(TrainingPlan p) { return p.domains().size() + ":" + p.size(); }

    /** Times the sizes on a daemon thread; the result lands on the FX thread and refreshes the estimate. */
    private void measure(String key, int domains, TrainingPlan.ModelSize size) {
        Thread t = new Thread(() -> {
            Double ms = null;
            try {
                ms = probe.msPerStep(domains, size);
            } catch (RuntimeException e) {   // cannot measure now: the reference estimate stays, and says so
                org.slf4j.LoggerFactory.getLogger(TrainingWizard.class).info("step-time probe: {}", e.getMessage());
            }
            Double result = ms;
            Platform.runLater(() -> {
                measuring.remove(key);
                if (result != null && result > 0) measured.put(key, result);
                else unmeasurable.add(key);
                updateEstimate();
            });
        }, "timbrelab-step-probe");
        t.setDaemon(true);
        t.start();
    }

    /** Shows the wizard (nested event loop; the FX thread keeps running) and returns the plan if finished. */
    public Optional<TrainingPlan> showAndWait() {
        return wizard.showAndWait().filter(ButtonType.FINISH::equals).map(b -> plan());
    }
}
