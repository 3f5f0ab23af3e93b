package org.timbrelab.app.ui;

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
import org.timbrelab.app.engine.EngineTimbreModel;
import org.timbrelab.app.services.Background;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timbrelab.app.FxTestUtil.onFx;
import static org.timbrelab.app.FxTestUtil.waitUntil;

/**
 * The window fed bad files (issue "nothing lost, nothing silent"): an empty WAV, a WAV that claims a 1-Hz sample rate and
 * a preset whose weights are cut in half each give a dialog that names the file and says what to do (no stack trace);
 * the bad files are left as they were, the model and input in use stay, and the window goes on converting.
 */
@ExtendWith(ApplicationExtension.class)
class AppBadInputTest {
    @TempDir static Path home;
    private TimbreLabApp.Window window;
    private final FakeTimbreModel model = new FakeTimbreModel();

    @Start void start(Stage stage) throws Exception {
        // the default preset is the stand-in; any other folder goes through the real loader
        window = TimbreLabApp.openWindow(stage, MainWindowTest.appHome(home), new Background(),
                dir -> dir.getFileName().toString().equals(TimbreLabApp.DEFAULT_PRESET) ? model : EngineTimbreModel.load(dir), true);
    }

    @Test void threeBadFilesEachGiveADialogAndTheWindowKeepsWorking(FxRobot robot) throws Exception {
        Session s = window.session();
        waitUntil(10, "sample and preset loaded", () -> s.getInput() != null && s.getModel() != null);

        Path empty = Files.createFile(home.resolve("empty.wav"));
        Path oneHz = home.resolve("one-hertz.wav");
        Files.write(oneHz, wavHeader(1, 16));
        Path damaged = copyPreset(Path.of("presets", "voice-violin"), home.resolve("damaged-preset"));
        Path weights = damaged.resolve("weights.tlck");
        byte[] full = Files.readAllBytes(weights);
        Files.write(weights, Arrays.copyOf(full, full.length / 2));
        byte[] emptyBefore = Files.readAllBytes(empty), oneHzBefore = Files.readAllBytes(oneHz), weightsBefore = Files.readAllBytes(weights);

        expectDialog(robot, () -> s.open(empty), "empty.wav");
        expectDialog(robot, () -> s.open(oneHz), "one-hertz.wav");
        expectDialog(robot, () -> s.loadPreset(damaged, null), "weights.tlck");

        assertArrayEquals(emptyBefore, Files.readAllBytes(empty), "bad files are only read");
        assertArrayEquals(oneHzBefore, Files.readAllBytes(oneHz));
        assertArrayEquals(weightsBefore, Files.readAllBytes(weights));
        assertEquals("a-tone.wav", s.getInput().name(), "the input in use stays");
        assertTrue(s.getModel() == model, "the model in use stays");

        robot.clickOn(".convert-button");   // and the window still converts
        waitUntil(20, "converted after the errors", () -> window.controller().outputs().rows().stream().allMatch(r -> r.view().getSpectrogram() != null));
    }

    private void expectDialog(FxRobot robot, Runnable action, String names) {
        onFx(() -> { action.run(); return null; });
        waitUntil(20, "error dialog for " + names, () -> robot.lookup("#errorBody").tryQuery().isPresent());
        String text = robot.lookup("#errorBody").queryAs(Label.class).getText();
        assertTrue(text.contains(names), "the dialog names " + names + ": " + text);
        assertTrue(text.contains("What to do:"), text);
        assertFalse(text.contains("at org.") || text.contains("Exception"), "no stack trace: " + text);
        robot.clickOn("OK");
        waitUntil(5, "dialog closed", () -> robot.lookup("#errorBody").tryQuery().isEmpty());
    }

    /** A 44-byte PCM WAV header for mono 16-bit audio at {@code rate} Hz, with {@code samples} zero samples after it. */
    private static byte[] wavHeader(int rate, int samples) {
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 2 * samples).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(2 * samples);
        return b.array();
    }

    private static Path copyPreset(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
        return to;
    }
}
