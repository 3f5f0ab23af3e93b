package org.timbrelab.app.ui;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.controlsfx.control.StatusBar;
import org.timbrelab.app.controls.SpectrogramView;
import org.timbrelab.app.services.AudioService;
import org.timbrelab.app.services.LiveAnalyser;
import org.timbrelab.dsp.AudioDeviceUnavailableException;
import org.timbrelab.dsp.Capture;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/** The main window: transport, input spectrogram, outputs, latent and interpolation panels, status bar. */
public final class MainWindowController {
    @FXML private BorderPane root;
    @FXML private Menu recentMenu, samplesMenu;
    @FXML private ToggleButton recordButton, abButton;
    @FXML private Button playButton, stopButton, convertButton;
    @FXML private ComboBox<Path> sampleBox;
    @FXML private ProgressBar levelMeter;
    @FXML private Label deviceNotice, inputTitle;
    @FXML private SpectrogramView inputView;
    @FXML private OutputsPanel outputs;
    @FXML private LatentPanel latent;
    @FXML private InterpolationPanel interpolation;
    @FXML private TabPane sideTabs;
    @FXML private StatusBar statusBar;

    private Session session;
    private boolean showingInput;
    private Capture capture;
    private LiveAnalyser analyser;
    private AnimationTimer liveDrain;
    private Runnable openLibrary = () -> { }, openTraining = () -> { };

    /** Wires the window to a session; called once after FXML loading. */
    public void init(Session s, List<Path> bundledSamples) {
        session = s;
        s.background().setErrorSink(m -> Dialogs.error(window(), m));
        inputView.setPlaceholder("Open a file (Ctrl+O), pick a sample or record (R)");
        statusBar.textProperty().bind(s.background().statusProperty());
        statusBar.progressProperty().bind(s.background().progressProperty());
        convertButton.disableProperty().bind(s.modelProperty().isNull().or(s.inputProperty().isNull()));
        playButton.disableProperty().bind(s.inputProperty().isNull());
        s.inputProperty().addListener((o, a, in) -> {
            if (in == null) { inputView.clear(); inputTitle.setText("Input"); return; }
            inputView.setSpectrogram(in.spectrogram());
            inputTitle.setText(String.format("Input — %s (%.1f s)", in.name(), in.clip().durationSeconds()));
        });
        s.player().deviceMissingProperty().addListener((o, a, missing) -> { if (missing) showDeviceNotice(); });
        outputs.bind(s);
        latent.setRegisterSource(outputs::registerOf);
        latent.setNotesSource(outputs::notesOf);
        latent.bind(s);
        interpolation.bind(s, bundledSamples);
        setUpSamples(bundledSamples);
        s.recentFiles().addListener((javafx.collections.ListChangeListener<Path>) c -> rebuildRecent());
        s.refreshRecent();
    }

    /** Called when the scene exists: keyboard shortcuts and drag and drop. */
    public void installOn(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || scene.getFocusOwner() instanceof TextInputControl) return;
            if (e.getCode() == KeyCode.SPACE) { togglePlay(); e.consume(); }
            else if (e.getCode() == KeyCode.R) { recordButton.setSelected(!recordButton.isSelected()); onRecord(); e.consume(); }
        });
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            var audio = e.getDragboard().hasFiles() ? e.getDragboard().getFiles().stream().map(File::toPath)
                    .filter(AudioService::isAudioFile).findFirst() : java.util.Optional.<Path>empty();
            audio.ifPresentOrElse(session::open, () -> session.background().status("Drop a WAV or AIFF file to open it."));
            e.setDropCompleted(audio.isPresent());
            e.consume();
        });
    }

    public void setLibraryAction(Runnable r) { openLibrary = r; }
    public void setTrainingAction(Runnable r) { openTraining = r; }

    public void showDeviceNotice() {
        deviceNotice.setVisible(true);
        deviceNotice.setManaged(true);
        recordButton.setDisable(true);
    }

    private void setUpSamples(List<Path> files) {
        sampleBox.setConverter(new StringConverter<>() {
            @Override public String toString(Path p) { return p == null ? "" : p.getFileName().toString(); }
            @Override public Path fromString(String s) { return null; }
        });
        sampleBox.getItems().setAll(files);
        sampleBox.setOnAction(e -> { if (!showingInput && sampleBox.getValue() != null) session.open(sampleBox.getValue()); });
        session.inputProperty().addListener((o, a, in) -> {
            showingInput = true; // reflect the current input in the box without reopening it
            sampleBox.setValue(in == null ? null : files.stream().filter(p -> p.getFileName().toString().equals(in.name())).findFirst().orElse(null));
            showingInput = false;
        });
        samplesMenu.getItems().clear();
        for (Path p : files) {
            MenuItem item = new MenuItem(p.getFileName().toString());
            item.setOnAction(e -> session.open(p));
            samplesMenu.getItems().add(item);
        }
        samplesMenu.setDisable(files.isEmpty());
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        for (Path p : session.recentFiles()) {
            MenuItem item = new MenuItem(p.toString());
            item.setOnAction(e -> session.open(p));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private Window window() { return root.getScene() == null ? null : root.getScene().getWindow(); }

    @FXML void onOpen() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open audio");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Audio (WAV, AIFF)", "*.wav", "*.aif", "*.aiff"));
        File f = fc.showOpenDialog(window());
        if (f != null) session.open(f.toPath());
    }

    @FXML void onPlay() {
        if (recording()) return;
        OutputRow b = outputs.abTarget();
        if (abButton.isSelected() && b != null) { session.player().play(b.output().audio(), b.view()); return; }
        Session.Input in = session.getInput();
        if (in != null) session.player().play(in.clip(), inputView);
    }

    /** A/B: switches playback between the input and an output at the same spot. */
    @FXML void onAB() {
        OutputRow b = outputs.abTarget();
        if (b == null) {
            abButton.setSelected(false);
            session.background().status("A/B compares the input with an output: convert first.");
            return;
        }
        abButton.setText(abButton.isSelected() ? "A/B: " + b.domain().name() : "A/B: input");
        if (!session.player().isPlaying()) return; // Play will use the choice
        double at = session.player().position();
        if (abButton.isSelected()) session.player().play(b.output().audio(), b.view(), at);
        else session.player().play(session.getInput().clip(), inputView, at);
    }

    @FXML void onStop() {
        if (recording()) { recordButton.setSelected(false); onRecord(); }
        session.player().stop();
    }

    private void togglePlay() {
        if (session.player().isPlaying() || recording()) onStop(); else onPlay();
    }

    private boolean recording() { return capture != null || analyser != null; }

    @FXML void onRecord() {
        if (recordButton.isSelected()) startRecording(); else stopRecording();
    }

    private void startRecording() {
        if (recording()) return;
        session.player().stop();
        LiveAnalyser a = new LiveAnalyser(session.audio().transform());
        var cfg = session.audio().config();
        beginLiveInput(a);
        session.background().light("Open microphone", p -> session.sound().record(cfg.sampleRate(), cfg.hopLength(), a::accept), c -> {
            if (analyser != a) { c.stop(); return; } // stopped before the device opened
            capture = c;
            session.background().status("Recording — press R or Stop to finish");
        }, e -> {
            analyser = null;
            liveDrain.stop();
            recordButton.setSelected(false);
            inputView.stopLive();
            if (e instanceof AudioDeviceUnavailableException) { showDeviceNotice(); return true; }
            return false;
        });
    }

    /**
     * Shows a live input: the view scrolls as {@code a} produces frames, drained once per FX frame
     * (at most 64 frames per pulse), and the level meter follows its peak. The microphone feeds
     * {@code a} from its own thread; {@link #finishLiveInput()} ends it.
     */
    public void beginLiveInput(LiveAnalyser a) {
        analyser = a;
        var cfg = session.audio().config();
        inputView.startLive(cfg, cfg.nMels());
        inputTitle.setText("Input — recording…");
        liveDrain = new AnimationTimer() {
            private final float[] batch = new float[64 * cfg.nMels()];
            @Override public void handle(long now) {
                int n = 0;
                for (float[] f; n < 64 && (f = a.poll()) != null; n++) System.arraycopy(f, 0, batch, n * f.length, f.length);
                if (n > 0) inputView.appendFrames(batch, n);
                levelMeter.setProgress(a.peak());
            }
        };
        liveDrain.start();
    }

    /** Ends a live input (recording) and makes what was captured the input. */
    public void finishLiveInput() { recordButton.setSelected(false); stopRecording(); }

    private void stopRecording() {
        LiveAnalyser a = analyser;
        Capture c = capture;
        analyser = null;
        capture = null;
        if (liveDrain != null) liveDrain.stop();
        levelMeter.setProgress(0);
        inputView.stopLive();
        if (a == null) return;
        session.background().light("Finish recording", p -> {
            if (c != null) c.stop(); // may take up to a second: never on the FX thread
            var clip = a.recording();
            if (clip.length() == 0) throw new IllegalStateException("Nothing was recorded. What to do: check the microphone and record again.");
            return new Session.Input(clip, session.audio().spectrogram(clip), "recording");
        }, session::setInput);
    }

    @FXML void onConvert() { outputs.convertAll(); }

    @FXML void onExportAll() {
        if (!outputs.hasOutputs()) { session.background().status("Nothing to export yet: convert first."); return; }
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Export all outputs to…");
        File d = dc.showDialog(window());
        if (d != null) outputs.exportAll(d.toPath());
    }

    @FXML void onLibrary() { openLibrary.run(); }
    @FXML void onTrain() { openTraining.run(); }
    @FXML void onAbout() { Dialogs.about(window()); }
    @FXML void onShortcuts() { Dialogs.shortcuts(window()); }
    @FXML void onQuit() { Platform.exit(); }

    public OutputsPanel outputs() { return outputs; }
    public LatentPanel latent() { return latent; }
    public InterpolationPanel interpolation() { return interpolation; }
    public SpectrogramView inputView() { return inputView; }
    public TabPane sideTabs() { return sideTabs; }
}
