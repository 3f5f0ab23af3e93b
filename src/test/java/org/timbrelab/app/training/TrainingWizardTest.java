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
}
