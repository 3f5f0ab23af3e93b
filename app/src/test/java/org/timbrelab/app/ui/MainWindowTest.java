package org.timbrelab.app.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.timbrelab.app.FakeTimbreModel;
import org.timbrelab.app.TimbreLabApp;
import org.timbrelab.app.services.AppPaths;
import org.timbrelab.app.services.Background;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timbrelab.app.FxTestUtil.onFx;
import static org.timbrelab.app.FxTestUtil.waitUntil;

/** The main window end to end on a stand-in model: sample → convert → outputs; slider → decodes. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir static Path home;
    private TimbreLabApp.Window window;
    private final FakeTimbreModel model = new FakeTimbreModel();

    @Start void start(Stage stage) throws Exception {
        AudioFiles.saveWav(home.resolve("samples").resolve("b-tone.wav"), tone(330, 1.0));
        window = TimbreLabApp.openWindow(stage, appHome(home), new Background(), dir -> model, true);
    }

    /** An app home with a samples folder holding a-tone.wav (220 Hz, 1.5 s) and an empty default preset folder. */
    static AppPaths appHome(Path home) throws java.io.IOException {
        Files.createDirectories(home.resolve("samples"));
        Files.createDirectories(home.resolve("presets").resolve(TimbreLabApp.DEFAULT_PRESET));
        AudioFiles.saveWav(home.resolve("samples").resolve("a-tone.wav"), tone(220, 1.5));
        return new AppPaths(home, home.resolve("user"));
    }

    static AudioClip tone(double hz, double seconds) {
        float[] x = new float[(int) (16_000 * seconds)];
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / 16_000));
        return new AudioClip(x, 16_000);
    }

    @Test void startUpLoadsTheFirstSampleAndThePresetThenConvertFillsEveryOutput(FxRobot robot) {
        Session s = window.session();
        waitUntil(10, "sample and preset loaded", () -> s.getInput() != null && s.getModel() != null);
        assertEquals("a-tone.wav", s.getInput().name());
        assertNotNull(window.controller().inputView().getSpectrogram(), "input spectrogram shown");
        assertEquals(3, window.controller().outputs().rows().size(), "one row per domain");
        assertTrue(window.controller().outputs().rows().stream().allMatch(r -> r.output() == null));

        robot.clickOn(".convert-button");
        waitUntil(20, "all outputs converted", () -> window.controller().outputs().rows().stream().allMatch(r -> r.view().getSpectrogram() != null));
        assertEquals(3, model.converts.get());
        var rowView = window.controller().outputs().rows().get(1).view();
        assertEquals(s.getInput().spectrogram().frames(), rowView.getSpectrogram().frames(), "output spans the input's frames");
        Label shift = robot.lookup("#output-violin .shift-label").queryAs(Label.class);
        assertEquals("shift applied: +1 oct", shift.getText());
        waitUntil(10, "input placed in the latent plane", () -> window.controller().latent().scatter().getInputPosition() != null);

        // A/B picks a converted output to compare with
        robot.clickOn("A/B: input");
        assertEquals("A/B: voice", robot.lookup(".toggle-button").queryAllAs(javafx.scene.control.ToggleButton.class).stream()
                .filter(b -> b.getText().startsWith("A/B")).findFirst().orElseThrow().getText());

        // cached: converting again does no work
        robot.clickOn(".convert-button");
        waitUntil(5, "idle", () -> !s.background().busyProperty().get());
        assertEquals(3, model.converts.get(), "results cached until input or preset changes");

        // a new input clears the outputs
        onFx(() -> { s.open(home.resolve("samples").resolve("b-tone.wav")); return null; });
        waitUntil(10, "new input", () -> s.getInput().name().equals("b-tone.wav"));
        assertTrue(window.controller().outputs().rows().stream().allMatch(r -> r.output() == null), "cache dropped on new input");
    }

    @Test void movingTheInterpolationSliderProducesDecodes(FxRobot robot) {
        Session s = window.session();
        waitUntil(10, "sample and preset loaded", () -> s.getInput() != null && s.getModel() != null);
        onFx(() -> { window.controller().sideTabs().getSelectionModel().select(1); return null; });
        var panel = window.controller().interpolation();
        // start-up and a preset (re)loading with an input open fill the panel's choices: no decode, no sound, no status
        waitUntil(5, "idle", () -> !s.background().busyProperty().get());
        assertEquals(0, model.decodes.get(), "nothing decoded at start-up");
        onFx(() -> { s.modelProperty().set(null); s.modelProperty().set(model); return null; });
        waitUntil(5, "idle", () -> !s.background().busyProperty().get());
        assertEquals(0, model.decodes.get(), "nothing decoded when the preset loads");
        assertEquals(null, onFx(() -> s.player().currentClip()), "nothing plays by itself when the preset loads");
        String status = onFx(() -> s.background().statusProperty().get());
        assertTrue(!status.contains("Interpolate"), "the status bar reports no interpolation nobody asked for: " + status);
        int before = onFx(() -> panel.decodedProperty().get());
        onFx(() -> { panel.slider().setValue(0.2); return null; });
        waitUntil(10, "first decode", () -> panel.decodedProperty().get() > before);
        int mid = onFx(() -> panel.decodedProperty().get());
        for (double t : new double[]{0.3, 0.4, 0.5, 0.9}) onFx(() -> { panel.slider().setValue(t); return null; });
        waitUntil(10, "decode after the last move", () -> panel.decodedProperty().get() > mid);
        waitUntil(5, "idle", () -> !s.background().busyProperty().get());
        assertTrue(model.decodes.get() >= 2, "each settled slider position decodes");
        assertTrue(model.decodes.get() < 2 + 5 + 2, "rapid moves are debounced, got " + model.decodes.get());
        assertNotNull(onFx(() -> s.player().currentClip()), "the user's move plays the result");
    }

    /** A drag in the latent plane decodes at the register and pitch choice the target's output row converts with (Auto and Preset by default). */
    @Test void aLatentDragDecodesAtTheRegisterOfTheTargetsRow(FxRobot robot) {
        Session s = window.session();
        waitUntil(10, "sample and preset loaded", () -> s.getInput() != null && s.getModel() != null);
        robot.clickOn(".convert-button");
        waitUntil(20, "input placed in the latent plane", () -> s.inputLatentProperty().get() != null && !s.background().busyProperty().get());
        var scatter = window.controller().latent().scatter();
        OutputRow violin = window.controller().outputs().rows().stream().filter(r -> r.domain().name().equals("violin")).findFirst().orElseThrow();
        for (org.timbrelab.app.model.Register choice : new org.timbrelab.app.model.Register[]{
                org.timbrelab.app.model.Register.AUTO, org.timbrelab.app.model.Register.fixed(2), org.timbrelab.app.model.Register.fixed(-1)}) {
            onFx(() -> { violin.registerBox().setValue(choice); return null; });
            waitUntil(10, "idle", () -> !s.background().busyProperty().get());
            model.lastDecodeRegister = null;
            onFx(() -> { // the scatter's drag event (the skin turns mouse drags into it): into violin, the panel's default target
                scatter.fireEvent(new org.timbrelab.app.controls.LatentScatterEvent(org.timbrelab.app.controls.LatentScatterEvent.CURSOR_DRAGGED, null, 1.0, -0.5));
                return null;
            });
            waitUntil(10, "the drag decoded", () -> model.lastDecodeRegister != null && !s.background().busyProperty().get());
            assertEquals(choice, model.lastDecodeRegister, "drag into violin at the violin row's register");
            assertEquals(org.timbrelab.app.model.Notes.PRESET, model.lastDecodeNotes, "and with the row's pitch choice");
        }
        var held = new org.timbrelab.app.model.Notes(1.0);
        onFx(() -> { violin.notesBox().setValue(held); return null; });
        waitUntil(10, "idle", () -> !s.background().busyProperty().get());
        model.lastDecodeNotes = null;
        onFx(() -> {
            scatter.fireEvent(new org.timbrelab.app.controls.LatentScatterEvent(org.timbrelab.app.controls.LatentScatterEvent.CURSOR_DRAGGED, null, 0.5, 0.5));
            return null;
        });
        waitUntil(10, "the drag decoded", () -> model.lastDecodeNotes != null && !s.background().busyProperty().get());
        assertEquals(held, model.lastDecodeNotes, "drag into violin holding notes as the violin row does");
    }

    /** A row's pitch choice converts that row again with it; going back shows the cached output without converting. */
    @Test void aPitchChoiceReconvertsItsRowAndComesBackFromTheCache(FxRobot robot) {
        Session s = window.session();
        waitUntil(10, "sample and preset loaded", () -> s.getInput() != null && s.getModel() != null);
        robot.clickOn(".convert-button");
        waitUntil(20, "converted", () -> window.controller().outputs().hasOutputs() && !s.background().busyProperty().get());
        assertEquals(org.timbrelab.app.model.Notes.PRESET, model.lastNotes, "the preset's own by default");
        OutputRow cello = window.controller().outputs().rows().stream().filter(r -> r.domain().name().equals("cello")).findFirst().orElseThrow();
        var first = onFx(cello::output);
        int before = model.converts.get();
        var held = new org.timbrelab.app.model.Notes(1.0);
        onFx(() -> { cello.notesBox().setValue(held); return null; });
        waitUntil(10, "the row converted again", () -> model.converts.get() == before + 1 && !s.background().busyProperty().get());
        assertEquals(held, model.lastNotes);
        assertNotNull(onFx(cello::output));
        onFx(() -> { cello.notesBox().setValue(org.timbrelab.app.model.Notes.PRESET); return null; });
        waitUntil(5, "idle", () -> !s.background().busyProperty().get());
        assertEquals(before + 1, model.converts.get(), "back to Preset: from the cache");
        assertSame(first, onFx(cello::output));
    }

    @Test void unreadableFileShowsAReadableDialogNotAStackTrace(FxRobot robot) throws Exception {
        Path bad = home.resolve("broken.wav");
        Files.writeString(bad, "this is not audio");
        onFx(() -> { window.session().open(bad); return null; });
        waitUntil(10, "error dialog", () -> robot.lookup("#errorBody").tryQuery().isPresent());
        String text = robot.lookup("#errorBody").queryAs(Label.class).getText();
        assertTrue(text.contains("broken.wav"), text);
        assertTrue(text.contains("What to do:"), text);
        assertTrue(!text.contains("at org.") && !text.contains("Exception"), "no stack trace: " + text);
        robot.clickOn("OK");
    }

    @Test void withoutAPresetConvertIsOffAndTheOutputsSayWhy(FxRobot robot) {
        Session s = window.session();
        waitUntil(10, "loaded", () -> s.getInput() != null && s.getModel() != null);
        onFx(() -> { s.modelProperty().set(null); return null; });
        assertTrue(robot.lookup(".convert-button").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup(".placeholder").queryAs(Label.class).getText().contains("No preset loaded"));
    }
}
