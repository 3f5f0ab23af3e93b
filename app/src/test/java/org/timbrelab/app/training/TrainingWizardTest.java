package org.timbrelab.app.training;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timbrelab.app.FxTestUtil.onFx;
import static org.timbrelab.app.FxTestUtil.waitUntil;

@ExtendWith(ApplicationExtension.class)
class TrainingWizardTest {
    @TempDir Path tmp;
    private Stage owner;

    @Start void start(Stage stage) {
        owner = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 100)); // the wizard copies its owner's stylesheets
        stage.show();
    }

    private static Button button(FxRobot robot, String text) {
        return robot.lookup(".button").queryAllAs(Button.class).stream().filter(b -> b.getText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + text + "'"));
    }

    private static String problem(FxRobot robot) {
        return robot.lookup(".wizard-problem").queryAllAs(Label.class).stream().filter(Node::isVisible)
                .map(Label::getText).filter(t -> !t.isEmpty()).findFirst().orElse("");
    }

    @Test void emptyFolderIsRejectedWithAMessageUntilItHoldsRecordings(FxRobot robot) throws Exception {
        Path voice = Files.createDirectories(tmp.resolve("voice"));
        Path empty = Files.createDirectories(tmp.resolve("cello-empty"));
        AudioFiles.saveWav(voice.resolve("a.wav"), new AudioClip(new float[1600], 16_000));
        TrainingWizard[] w = new TrainingWizard[1];
        onFx(() -> {
            w[0] = new TrainingWizard(owner, Set.of("voice-strings"),
                    List.of(DomainSpec.folder("voice", voice), DomainSpec.folder("cello", empty)));
            Platform.runLater(() -> w[0].showAndWait());
            return null;
        });
        waitUntil(5, "wizard shown", () -> robot.lookup("#wizardName").tryQuery().isPresent());

        // page 1: a taken name is refused, a fresh one accepted
        robot.clickOn("#wizardName").write("voice-strings");
        waitUntil(2, "name message", () -> problem(robot).contains("already exists"));
        assertTrue(button(robot, "Next").isDisabled());
        onFx(() -> { robot.lookup("#wizardName").queryAs(TextField.class).setText("my-cello"); return null; });
        waitUntil(2, "name accepted", () -> !button(robot, "Next").isDisabled());
        robot.clickOn(button(robot, "Next"));

        // page 2: the empty folder is named in the message and blocks Next
        waitUntil(2, "empty folder message", () -> problem(robot).contains("has no WAV or AIFF files"));
        assertTrue(problem(robot).contains(empty.toString()), problem(robot));
        assertTrue(problem(robot).contains("\"cello\""), problem(robot));
        assertTrue(button(robot, "Next").isDisabled());

        // adding a recording (and editing the row) makes the page valid
        AudioFiles.saveWav(empty.resolve("c.wav"), new AudioClip(new float[1600], 16_000));
        onFx(() -> {
            DomainEditor ed = (DomainEditor) robot.lookup("#domain-1").query();
            ed.folder.setText(empty + "/");
            return null;
        });
        waitUntil(2, "page valid", () -> !button(robot, "Next").isDisabled());
        assertEquals("", problem(robot));
        TrainingPlan plan = onFx(() -> w[0].plan());
        assertEquals("my-cello", plan.name());
        assertEquals(2, plan.domains().size());
        assertTrue(plan.estimatedSteps() > 0);
        robot.clickOn(button(robot, "Cancel"));
    }

    /** Every label the wizard shows, on every page, is shown whole (no "fr…"), and the placeholder reads on the dark theme. */
    @Test void everyPageReadsWholeOnTheAppsDarkTheme(FxRobot robot) throws Exception {
        Path voice = Files.createDirectories(tmp.resolve("voice"));
        AudioFiles.saveWav(voice.resolve("a.wav"), new AudioClip(new float[1600], 16_000));
        onFx(() -> {
            owner.getScene().getStylesheets().add(TrainingWizard.class.getResource("/org/timbrelab/app/ui/app.css").toExternalForm());
            TrainingWizard w = new TrainingWizard(owner, Set.of(), List.of(DomainSpec.folder("voice", voice),
                    DomainSpec.soundfont("violin", "violin", 55, 88), DomainSpec.speech("speech", "flite")));
            Platform.runLater(w::showAndWait);
            return null;
        });
        waitUntil(5, "wizard shown", () -> robot.lookup("#wizardName").tryQuery().isPresent());

        // the name field's placeholder: readable grey on the field's dark background, focused or not
        javafx.scene.paint.Color field = javafx.scene.paint.Color.web("#24262d");
        javafx.scene.paint.Color prompt = onFx(() -> (javafx.scene.paint.Color) robot.lookup("#wizardName").queryAs(TextField.class)
                .lookupAll(".text").stream().filter(n -> n instanceof javafx.scene.text.Text t && "e.g. my-voice-cello".equals(t.getText()))
                .map(n -> ((javafx.scene.text.Text) n).getFill()).findFirst().orElseThrow());
        assertTrue(contrast(prompt, field) >= 4.5, "placeholder contrast " + contrast(prompt, field) + " (" + prompt + ")");
        assertWhole(robot, "1 · Name");

        onFx(() -> { robot.lookup("#wizardName").queryAs(TextField.class).setText("fresh-name"); return null; });
        waitUntil(2, "name accepted", () -> !button(robot, "Next").isDisabled());
        robot.clickOn(button(robot, "Next"));
        waitUntil(2, "domains page", () -> robot.lookup("#domain-1").tryQuery().isPresent());
        assertWhole(robot, "2 · Domains");
        // past the domains page only with the speech row gone when flite is missing here
        if (!PlanValidator.onPath("flite")) robot.clickOn(onFx(() -> ((DomainEditor) robot.lookup("#domain-2").query()).remove));
        waitUntil(2, "domains valid", () -> !button(robot, "Next").isDisabled());
        robot.clickOn(button(robot, "Next"));
        waitUntil(2, "budget page", () -> robot.lookup("#wizardMinutes").tryQuery().isPresent());
        assertWhole(robot, "3 · Size and time");
        robot.clickOn(button(robot, "Next"));
        waitUntil(2, "start page", () -> button(robot, "Finish").isVisible());
        assertWhole(robot, "4 · Start");
        robot.clickOn(button(robot, "Cancel"));
    }

    /** No visible label, button or choice in the dialog is cut short (shown text = its text). */
    private static void assertWhole(FxRobot robot, String page) {
        List<String> cut = onFx(() -> robot.lookup((Node n) -> n instanceof javafx.scene.control.Labeled).queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.Labeled && n.isVisible() && n.getScene() != null && n.getScene().getWindow() != null
                        && n.getScene().getWindow().isShowing())
                .map(n -> (javafx.scene.control.Labeled) n)
                .filter(l -> l.getText() != null && !l.getText().isEmpty())
                .filter(l -> l.lookupAll(".text").stream().anyMatch(t -> t instanceof javafx.scene.text.Text x
                        && !x.getText().equals(l.getText()))) // a cut label shows "fr…" (or "fr...") for "from"
                .map(javafx.scene.control.Labeled::getText).toList());
        assertEquals(List.of(), cut, "labels cut short on page " + page);
    }

    /** WCAG contrast ratio of two colours. */
    private static double contrast(javafx.scene.paint.Color a, javafx.scene.paint.Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(javafx.scene.paint.Color c) {
        java.util.function.DoubleUnaryOperator lin = v -> v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        return 0.2126 * lin.applyAsDouble(c.getRed()) + 0.7152 * lin.applyAsDouble(c.getGreen()) + 0.0722 * lin.applyAsDouble(c.getBlue());
    }

    @Test void validatorCoversTheOtherCases(@TempDir Path dir) {
        assertFalse(PlanValidator.name("", Set.of()).isEmpty());
        assertFalse(PlanValidator.name("has space", Set.of()).isEmpty());
        assertTrue(PlanValidator.name("ok-name_2", Set.of()).isEmpty());
        assertTrue(PlanValidator.domains(List.of(DomainSpec.soundfont("violin", "violin", 55, 88))).get(0).contains("at least two"));
        assertTrue(PlanValidator.domains(List.of(DomainSpec.soundfont("a", "violin", 70, 60), DomainSpec.soundfont("b", "cello", 36, 69)))
                .stream().anyMatch(m -> m.contains("lowest note")));
        assertTrue(PlanValidator.domains(List.of(DomainSpec.folder("a", dir.resolve("missing")), DomainSpec.soundfont("b", "cello", 36, 69)))
                .stream().anyMatch(m -> m.contains("does not exist")));
        assertTrue(PlanValidator.domains(List.of(DomainSpec.speech("v", "no-such-tts-engine"), DomainSpec.soundfont("b", "cello", 36, 69)))
                .stream().anyMatch(m -> m.contains("not installed")));
        assertFalse(PlanValidator.budget(0).isEmpty());
    }

    /** The estimate and the run's step count come from this machine's measured speed once the probe answers; a probe that cannot measure is asked once. */
    @Test void theEstimateUsesTheMeasuredStepTime(FxRobot robot) throws Exception {
        java.util.List<String> asked = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        StepProbe probe = (domains, size) -> {
            asked.add(domains + ":" + size);
            if (size == TrainingPlan.ModelSize.MEDIUM) throw new IllegalStateException("a training run is using the engine");
            return 400.0;
        };
        TrainingWizard[] w = new TrainingWizard[1];
        onFx(() -> {
            w[0] = new TrainingWizard(owner, Set.of(), List.of(DomainSpec.speech("voice", "flite"), DomainSpec.soundfont("violin", "violin", 55, 88)), probe);
            return null;
        });
        waitUntil(5, "measured", () -> onFx(() -> w[0].plan().measured()));
        TrainingPlan p = onFx(() -> w[0].plan());
        assertEquals(400.0, p.estimatedMsPerStep());
        assertEquals(Math.round(p.minutes() * 60_000.0 / 400.0), p.estimatedSteps());
        assertEquals(List.of("2:" + TrainingPlan.ModelSize.SMALL), asked);
        // 375 steps at 400 ms = 2.5 min: a budget under it says how long a usable model needs, one at or over it does not
        onFx(() -> { w[0].minutes.getValueFactory().setValue(1); return null; });
        assertTrue(onFx(() -> w[0].estimateText()).contains("about 375 steps to be heard as a violin: give it ≈ 3 min"), onFx(() -> w[0].estimateText()));
        onFx(() -> { w[0].minutes.getValueFactory().setValue(3); return null; });
        assertTrue(!onFx(() -> w[0].estimateText()).contains("375 steps"), onFx(() -> w[0].estimateText()));

        // another size is measured anew; when it cannot be, the reference estimate stays, says so, and is not asked again
        onFx(() -> { w[0].size.setValue(TrainingPlan.ModelSize.MEDIUM); return null; });
        waitUntil(5, "medium tried", () -> asked.size() == 2);
        waitUntil(5, "reference estimate kept", () -> onFx(() -> !w[0].plan().measured() && w[0].estimateText().contains("could not be measured")));
        TrainingPlan medium = onFx(() -> w[0].plan());
        assertEquals(medium.referenceMsPerStep(), medium.estimatedMsPerStep());
        Thread.sleep(300);
        assertEquals(2, asked.size(), "a probe that failed is not retried in a loop");
    }
}
