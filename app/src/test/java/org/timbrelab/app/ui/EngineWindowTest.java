package org.timbrelab.app.ui;

import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.timbrelab.app.TimbreLabApp;
import org.timbrelab.app.engine.EngineTimbreModel;
import org.timbrelab.app.services.AppPaths;
import org.timbrelab.app.services.Background;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.engine.preset.TestPresets;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timbrelab.app.FxTestUtil.onFx;
import static org.timbrelab.app.FxTestUtil.waitUntil;

/**
 * The window on the real engine: a (small, untrained) preset written by PresetStore is loaded
 * through the Converter; open a sample → convert → every output row shows a spectrogram and the
 * latent plane shows the preset's points and the input. Only plumbing is tested (random weights).
 */
@ExtendWith(ApplicationExtension.class)
class EngineWindowTest {
    @TempDir static Path home;
    private TimbreLabApp.Window window;

    /**
     * On the JUnit thread: the PyTorch engine sets grad mode (thread-local in libtorch) off only on
     * the thread that first loads it; later engine tests on this thread rely on that.
     */
    @BeforeAll static void writePreset() throws Exception {
        Files.createDirectories(home.resolve("samples"));
        AudioFiles.saveWav(home.resolve("samples").resolve("tone.wav"), MainWindowTest.tone(180, 1.2));
        TestPresets.write(home.resolve("presets").resolve(TimbreLabApp.DEFAULT_PRESET), false, 7);
    }

    @Start void start(Stage stage) throws Exception {
        window = TimbreLabApp.openWindow(stage, new AppPaths(home, home.resolve("user")), new Background(), EngineTimbreModel::load, true);
    }

    @Test void sampleConvertsIntoEveryDomainOfARealPreset(FxRobot robot) {
        Session s = window.session();
        waitUntil(30, "sample and preset loaded", () -> s.getInput() != null && s.getModel() != null);
        assertEquals(3, window.controller().outputs().rows().size());
        assertEquals(5, onFx(() -> window.controller().latent().scatter().getPoints().size()), "the preset's latent points");
        robot.clickOn(".convert-button");
        waitUntil(60, "all outputs", () -> window.controller().outputs().rows().stream().allMatch(r -> r.output() != null));
        for (OutputRow r : window.controller().outputs().rows()) {
            assertTrue(r.view().getSpectrogram().frames() >= s.getInput().spectrogram().frames() - 1, r.domain().name());
            assertEquals(s.getInput().clip().length(), r.output().audio().length(), "output as long as the input");
        }
        // Auto register: 180 Hz tone toward violin's 300 Hz median → +1 octave; toward voice's 150 Hz → 0
        OutputRow violin = window.controller().outputs().rows().get(1);
        assertEquals(1, violin.output().appliedOctaves());
        assertEquals(0, window.controller().outputs().rows().get(0).output().appliedOctaves());
        waitUntil(20, "input in the plane", () -> window.controller().latent().scatter().getInputPosition() != null);
    }
}
