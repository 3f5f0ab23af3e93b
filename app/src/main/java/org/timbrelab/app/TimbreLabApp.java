package org.timbrelab.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.timbrelab.app.library.ModelLibrary;
import org.timbrelab.app.library.PresetCatalog;
import org.timbrelab.app.model.TimbreModel;
import org.timbrelab.app.services.AppPaths;
import org.timbrelab.app.services.AudioService;
import org.timbrelab.app.services.Background;
import org.timbrelab.app.services.FxWatchdog;
import org.timbrelab.app.services.Sound;
import org.timbrelab.app.ui.MainWindowController;
import org.timbrelab.app.ui.Session;
import org.timbrelab.dsp.AudioDevices;
import org.timbrelab.dsp.SpectrogramConfig;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The JavaFX application: one main window. The window appears at once; the sample clip, the
 * sound-device probe and the default preset load on workers afterwards.
 */
public class TimbreLabApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(TimbreLabApp.class);
    /** Preset opened at start if present. */
    public static final String DEFAULT_PRESET = "voice-strings";

    private Background background;
    private FxWatchdog watchdog;

    /** Opens the window and returns when it closes (the scripted walk's handler first, when it is on). */
    public static void launchWindow(String[] args) {
        if (Walk.enabled()) Walk.installHandler();
        Application.launch(TimbreLabApp.class, args);
    }

    @Override public void start(Stage stage) throws IOException {
        AppPaths paths = AppPaths.fromSystem();
        background = new Background();
        Window w = openWindow(stage, paths, background, Presets.loader(), true);
        if (Boolean.getBoolean("timbrelab.tour"))
            Tour.start(stage, w, new PresetCatalog(paths.builtInPresets(), paths.userPresets(), Presets.summaryReader()),
                    Double.parseDouble(System.getProperty("timbrelab.tour.hold", "3")));
        if (Walk.enabled()) Walk.start(stage, w, paths.samples());
        if (Boolean.getBoolean("timbrelab.watchdog")) {
            watchdog = new FxWatchdog(100);
            watchdog.start();
        }
        w.session().inputProperty().addListener((o, a, in) -> {
            if (a == null && in != null) LOG.info("usable window with a clip after {} ms from JVM start",
                    System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
        });
    }

    /** The main window and its session. */
    public record Window(Session session, MainWindowController controller, Scene scene) { }

    /**
     * Builds and shows the main window on {@code stage}; with {@code startUp} it then loads the
     * first bundled sample and the default preset in the background. Tests call this directly.
     */
    public static Window openWindow(Stage stage, AppPaths paths, Background background,
                                    Function<Path, TimbreModel> presetLoader, boolean startUp) throws IOException {
        AudioService audio = new AudioService(SpectrogramConfig.DEFAULT);
        Session session = new Session(paths, background, audio, new Sound(AudioDevices.system()), presetLoader);
        FXMLLoader loader = new FXMLLoader(TimbreLabApp.class.getResource("ui/MainWindow.fxml"));
        Parent root = loader.load();
        MainWindowController controller = loader.getController();
        List<Path> samples = bundledSamples(paths.samples());
        controller.init(session, samples);
        Scene scene = new Scene(root, 1280, 820);
        scene.getStylesheets().add(TimbreLabApp.class.getResource("ui/app.css").toExternalForm());
        controller.installOn(scene);
        PresetCatalog catalog = new PresetCatalog(paths.builtInPresets(), paths.userPresets(), Presets.summaryReader());
        controller.setLibraryAction(() -> ModelLibrary.show(stage, session, catalog));
        controller.setTrainingAction(() -> Training.start(stage, session, catalog));
        stage.setTitle("Timbre Lab");
        stage.setScene(scene);
        session.modelProperty().addListener((o, a, m) -> stage.setTitle(m == null ? "Timbre Lab" : "Timbre Lab — " + m.name()));
        stage.show();
        if (startUp) {
            background.quiet("Check sound devices", p -> Sound.probe(SpectrogramConfig.DEFAULT.sampleRate()), ok -> {
                if (!ok[0] || !ok[1]) controller.showDeviceNotice();
            });
            if (!samples.isEmpty()) session.open(samples.get(0));
            Path preset = paths.builtInPresets().resolve(DEFAULT_PRESET);
            if (Files.isDirectory(preset)) session.loadPreset(preset, null);
            else background.status("Ready — no default preset found in " + paths.builtInPresets());
        }
        return new Window(session, controller, scene);
    }

    /** Audio files in samples/ and its sub-folders (depth 2), sorted. */
    static List<Path> bundledSamples(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir.toRealPath(), 2)) { // real path: a symlinked samples/ is walked too
            return s.filter(Files::isRegularFile).filter(AudioService::isAudioFile).sorted().toList();
        } catch (IOException e) {
            LOG.warn("cannot list samples in {}: {}", dir, e.toString());
            return List.of();
        }
    }

    @Override public void stop() {
        if (watchdog != null) { watchdog.stop(); LOG.info(watchdog.summary()); }
        if (background != null) background.shutdown();
        Platform.exit();
    }
}
