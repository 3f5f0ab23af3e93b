package org.timbrelab.app.ui;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.timbrelab.app.controls.SpectrogramView;
import org.timbrelab.app.model.DomainInfo;
import org.timbrelab.app.model.Latent;
import org.timbrelab.app.model.TimbreModel;
import org.timbrelab.app.services.AudioService;
import org.timbrelab.dsp.AudioClip;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A ↔ B interpolation: two sources (the input or bundled samples), t ∈ [0, 1], lerp or slerp,
 * a target domain; moving the slider decodes (debounced, latest wins) and plays the result.
 */
public final class InterpolationPanel extends VBox {
    static final String INPUT = "Current input";
    private final ComboBox<String> a = new ComboBox<>(), b = new ComboBox<>(), domain = new ComboBox<>();
    private final Slider t = new Slider(0, 1, 0.5);
    private final RadioButton lerp = new RadioButton("lerp"), slerp = new RadioButton("slerp");
    private final CheckBox autoPlay = new CheckBox("play as I move");
    private boolean filling;   // true while the panel sets its own choices: decode, but do not play
    private final SpectrogramView result = new SpectrogramView();
    private final Label info = new Label("Pick A and B, then move t.");
    private final LatestOnly decodes = new LatestOnly(Duration.millis(80));
    private final ReadOnlyIntegerWrapper decoded = new ReadOnlyIntegerWrapper(this, "decoded");
    private final Map<String, Latent> latents = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Path> samples = new HashMap<>();
    private Session session;

    public InterpolationPanel() {
        setSpacing(6);
        setPadding(new Insets(6));
        ToggleGroup mode = new ToggleGroup();
        lerp.setToggleGroup(mode);
        slerp.setToggleGroup(mode);
        slerp.setSelected(true);
        lerp.setTooltip(new Tooltip("Straight line between the two latent maps"));
        slerp.setTooltip(new Tooltip("Along the great circle (keeps the norm), usually smoother"));
        t.setId("interpolationT");
        t.setShowTickLabels(true);
        t.setShowTickMarks(true);
        t.setMajorTickUnit(0.25);
        t.setTooltip(new Tooltip("t = 0 is A, t = 1 is B"));
        autoPlay.setSelected(true);
        a.setId("interpolationA");
        b.setId("interpolationB");
        a.setMaxWidth(Double.MAX_VALUE);
        b.setMaxWidth(Double.MAX_VALUE);
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(6);
        g.addRow(0, new Label("A"), a);
        g.addRow(1, new Label("B"), b);
        g.addRow(2, new Label("t"), t);
        g.addRow(3, new Label("Mode"), new HBox(10, lerp, slerp));
        g.addRow(4, new Label("Into"), domain);
        GridPane.setHgrow(a, Priority.ALWAYS);
        GridPane.setHgrow(t, Priority.ALWAYS);
        result.setTitle("A ↔ B result");
        result.setPlaceholder("Move t to decode A ↔ B into the chosen domain");
        VBox.setVgrow(result, Priority.ALWAYS);
        info.getStyleClass().add("hint");
        info.setWrapText(true);
        getChildren().addAll(g, autoPlay, result, info);
        // the user's moves decode and play; the panel filling its own choices (start-up, a preset loading)
        // does nothing: no work, no sound and no status line about an interpolation nobody asked for
        t.valueProperty().addListener((o, x, y) -> userChanged());
        mode.selectedToggleProperty().addListener((o, x, y) -> userChanged());
        domain.valueProperty().addListener((o, x, y) -> userChanged());
        a.valueProperty().addListener((o, x, y) -> userChanged());
        b.valueProperty().addListener((o, x, y) -> userChanged());
    }

    public void bind(Session s, List<Path> bundledSamples) {
        session = s;
        setSamples(bundledSamples);
        s.modelProperty().addListener((o, x, m) -> { latents.clear(); result.clear(); showDomains(m); });
        s.inputProperty().addListener((o, x, y) -> latents.remove(INPUT));
        showDomains(s.getModel());
    }

    /** Offers the input and these files as A/B sources. */
    public void setSamples(List<Path> files) {
        samples.clear();
        files.forEach(f -> samples.put(f.getFileName().toString(), f));
        List<String> names = new java.util.ArrayList<>();
        names.add(INPUT);
        names.addAll(samples.keySet().stream().sorted().toList());
        filling = true;
        try {
            a.getItems().setAll(names);
            b.getItems().setAll(names);
            a.setValue(INPUT);
            b.setValue(names.size() > 1 ? names.get(1) : INPUT);
        } finally {
            filling = false;
        }
    }

    private void showDomains(TimbreModel m) {
        filling = true;
        try {
            domain.getItems().setAll(m == null ? List.of() : m.domains().stream().map(DomainInfo::name).toList());
            if (!domain.getItems().isEmpty()) domain.setValue(domain.getItems().get(Math.min(1, domain.getItems().size() - 1)));
        } finally {
            filling = false;
        }
        info.setText(m == null ? "No preset loaded: interpolation decodes with a preset's generators." : "Pick A and B, then move t.");
    }

    private void userChanged() { if (!filling) requestDecode(true); }

    private void requestDecode(boolean play) {
        if (session == null) return;
        TimbreModel model = session.getModel();
        String na = a.getValue(), nb = b.getValue(), target = domain.getValue();
        if (model == null || na == null || nb == null || target == null) return;
        Session.Input input = session.getInput();
        if ((INPUT.equals(na) || INPUT.equals(nb)) && input == null) { info.setText("Open or record an input first, or pick two samples."); return; }
        double tv = t.getValue();
        boolean sl = slerp.isSelected();
        AudioService audio = session.audio();
        decodes.request(() -> session.background().heavy(String.format("Interpolate %s ↔ %s at t=%.2f", na, nb, tv), p -> {
            Latent la = latent(model, audio, na, input), lb = latent(model, audio, nb, input);
            AudioClip clip = model.decode(model.interpolate(la, lb, tv, sl), target);
            return new Object[]{clip, audio.spectrogram(clip)};
        }, r -> {
            if (session.getModel() != model) return;
            AudioClip clip = (AudioClip) r[0];
            result.setSpectrogram((org.timbrelab.dsp.Spectrogram) r[1]);
            result.setTitle(String.format("%s ↔ %s, t = %.2f, %s, into %s", na, nb, tv, sl ? "slerp" : "lerp", target));
            decoded.set(decoded.get() + 1);
            if (play && autoPlay.isSelected()) session.player().play(clip, result);
        }));
    }

    /** Latent of a named source; computed on the worker and memoised per model. */
    private Latent latent(TimbreModel model, AudioService audio, String name, Session.Input input) throws Exception {
        synchronized (latents) {
            Latent l = latents.get(name);
            if (l != null) return l;
        }
        AudioClip clip = INPUT.equals(name) ? input.clip() : audio.load(samples.get(name));
        Latent l = model.encode(clip, name);
        synchronized (latents) { latents.put(name, l); }
        return l;
    }

    public Slider slider() { return t; }
    public ReadOnlyIntegerProperty decodedProperty() { return decoded.getReadOnlyProperty(); }
}
