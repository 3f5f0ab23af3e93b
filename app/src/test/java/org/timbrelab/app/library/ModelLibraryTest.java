package org.timbrelab.app.library;

import javafx.scene.control.Button;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timbrelab.app.FxTestUtil.onFx;
import static org.timbrelab.app.FxTestUtil.waitUntil;

@ExtendWith(ApplicationExtension.class)
class ModelLibraryTest {
    @TempDir static Path home;
    private TimbreLabApp.Window window;
    private Stage stage;
    private final List<Path> loaded = new ArrayList<>();

    @Start void start(Stage stage) throws Exception {
        this.stage = stage;
        Files.createDirectories(home.resolve("presets/voice-strings"));
        Files.writeString(home.resolve("presets/voice-strings/weights.params"), "x");
        window = TimbreLabApp.openWindow(stage, new AppPaths(home, home.resolve("user")), new Background(),
                dir -> { loaded.add(dir); return new FakeTimbreModel(); }, false);
    }

    private PresetCatalog catalog() {
        AppPaths p = window.session().paths();
        return new PresetCatalog(p.builtInPresets(), p.userPresets(), dir -> List.of("summary of " + dir.getFileName()));
    }

    @Test void listsAndLoadsTheShippedPreset(FxRobot robot) {
        ModelLibrary lib = onFx(() -> ModelLibrary.show(stage, window.session(), catalog()));
        waitUntil(5, "listed", () -> !lib.list().getItems().isEmpty());
        PresetCatalog.Entry first = onFx(() -> lib.list().getItems().get(0));
        assertEquals("voice-strings", first.name());
        assertTrue(first.builtIn());
        waitUntil(5, "summary shown", () -> robot.lookup("#presetDetails").queryLabeled().getText().contains("summary of voice-strings"));
        robot.clickOn("#libraryLoad");
        waitUntil(10, "model loaded", () -> window.session().getModel() != null);
        assertEquals(home.resolve("presets/voice-strings"), loaded.get(0));
        assertEquals(3, window.controller().outputs().rows().size());
        onFx(() -> { lib.stage().close(); return null; });
    }

    @Test void builtInPresetsCannotBeRenamedOrDeletedButYoursCan(FxRobot robot) throws Exception {
        Path mine = Files.createDirectories(home.resolve("user/presets/mine"));
        Files.writeString(mine.resolve("f.txt"), "x");
        PresetCatalog c = catalog();
        ModelLibrary lib = onFx(() -> ModelLibrary.show(stage, window.session(), c));
        waitUntil(5, "listed", () -> lib.list().getItems().size() == 2);
        onFx(() -> { lib.list().getSelectionModel().select(0); return null; });
        assertTrue(robot.lookup("Delete…").queryAs(Button.class).isDisabled(), "built-in: delete disabled");
        PresetCatalog.Entry builtIn = c.list().get(0);
        assertThrows(IllegalArgumentException.class, () -> c.delete(builtIn));

        onFx(() -> { lib.list().getSelectionModel().select(1); return null; });
        assertFalse(robot.lookup("Delete…").queryAs(Button.class).isDisabled());
        PresetCatalog.Entry renamed = c.rename(c.list().get(1), "mine2");
        assertTrue(Files.isDirectory(home.resolve("user/presets/mine2")));
        assertThrows(IllegalArgumentException.class, () -> c.rename(renamed, "bad name"));

        robot.clickOn("Delete…");
        waitUntil(5, "confirmation", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        onFx(() -> { lib.refresh("mine2"); return null; });
        robot.clickOn("Cancel");
        assertTrue(Files.isDirectory(home.resolve("user/presets/mine2")), "cancel keeps the preset");
        c.delete(renamed);
        assertFalse(Files.exists(home.resolve("user/presets/mine2")));
        onFx(() -> { lib.stage().close(); return null; });
    }
}
