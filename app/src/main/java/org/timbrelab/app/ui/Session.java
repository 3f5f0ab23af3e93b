package org.timbrelab.app.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.timbrelab.app.model.Latent;
import org.timbrelab.app.model.TimbreModel;
import org.timbrelab.app.services.AppPaths;
import org.timbrelab.app.services.AudioService;
import org.timbrelab.app.services.Background;
import org.timbrelab.app.services.RecentFiles;
import org.timbrelab.app.services.Sound;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.Spectrogram;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The shared state of one window: the input clip and its spectrogram, the loaded model, recent
 * files — as properties the panels bind to — plus the services they use. FX thread only.
 */
public final class Session {
    /** An opened or recorded input: audio, its spectrogram and a name for titles. */
    public record Input(AudioClip clip, Spectrogram spectrogram, String name) { }

    private final AppPaths paths;
    private final Background background;
    private final AudioService audio;
    private final Player player;
    private final Sound sound;
    private final RecentFiles recent;
    private final Function<Path, TimbreModel> presetLoader;
    private final ObjectProperty<Input> input = new SimpleObjectProperty<>(this, "input");
    private final ObjectProperty<TimbreModel> model = new SimpleObjectProperty<>(this, "model");
    private final StringProperty modelPath = new SimpleStringProperty(this, "modelPath");
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    /** The input's latent under the current model (set after converting; null when stale). */
    private final ObjectProperty<Latent> inputLatent = new SimpleObjectProperty<>(this, "inputLatent");

    public Session(AppPaths paths, Background background, AudioService audio, Sound sound,
                   Function<Path, TimbreModel> presetLoader) {
        this.paths = paths;
        this.background = background;
        this.audio = audio;
        this.sound = sound;
        this.player = new Player(sound, background);
        this.recent = new RecentFiles(paths.recentFiles());
        this.presetLoader = presetLoader;
        input.addListener((o, a, b) -> inputLatent.set(null));
        model.addListener((o, old, now) -> {
            inputLatent.set(null);
            if (old != null) background.release("the previous model", old); // off the FX thread, after work that still uses it
            if (now != null) audio.setConfig(now.spectrogramConfig());
        });
    }

    /** Loads a file off the FX thread, then makes it the input. */
    public void open(Path file) {
        player.stop();
        background.light("Open " + file.getFileName(), p -> {
            AudioClip clip = audio.load(file);
            p.update(0.5, "Analysing " + file.getFileName() + "…");
            Spectrogram s = audio.spectrogram(clip);
            List<Path> list;
            try { list = recent.add(file); } catch (java.io.IOException e) { list = recent.list(); }
            return new Object[]{new Input(clip, s, file.getFileName().toString()), list};
        }, r -> {
            input.set((Input) r[0]);
            @SuppressWarnings("unchecked") List<Path> list = (List<Path>) r[1];
            recentFiles.setAll(list);
        });
    }

    /** Loads a preset directory off the FX thread and makes it the model. */
    public void loadPreset(Path dir, Runnable then) {
        background.heavy("Load preset " + dir.getFileName(), p -> presetLoader.apply(dir), m -> {
            model.set(m);
            modelPath.set(dir.toString());
            if (then != null) then.run();
        });
    }

    public void refreshRecent() {
        background.quiet("Recent files", p -> recent.list(), recentFiles::setAll);
    }

    public AppPaths paths() { return paths; }
    public Background background() { return background; }
    public AudioService audio() { return audio; }
    public Player player() { return player; }
    public Sound sound() { return sound; }
    public ObjectProperty<Input> inputProperty() { return input; }
    public Input getInput() { return input.get(); }
    public void setInput(Input in) { input.set(in); }
    public ObjectProperty<TimbreModel> modelProperty() { return model; }
    public TimbreModel getModel() { return model.get(); }
    public StringProperty modelPathProperty() { return modelPath; }
    public ObservableList<Path> recentFiles() { return recentFiles; }
    public ObjectProperty<Latent> inputLatentProperty() { return inputLatent; }
}
