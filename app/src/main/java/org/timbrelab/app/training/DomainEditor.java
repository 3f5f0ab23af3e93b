package org.timbrelab.app.training;

import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;

import java.io.File;
import java.nio.file.Path;

/** One row of the wizard's domain list: name, kind, and the kind's parameters. */
final class DomainEditor extends HBox {
    static final String[] INSTRUMENTS = {"violin", "viola", "cello", "contrabass", "flute", "clarinet", "oboe", "trumpet", "french-horn"};
    final TextField name = new TextField();
    final ChoiceBox<DomainSpec.Kind> kind = new ChoiceBox<>(FXCollections.observableArrayList(DomainSpec.Kind.values()));
    final TextField folder = new TextField();
    final Button browse = new Button("Browse…");
    final ComboBox<String> instrument = new ComboBox<>(FXCollections.observableArrayList(INSTRUMENTS));
    final Spinner<Integer> low = new Spinner<>(21, 108, 55), high = new Spinner<>(21, 108, 88);
    final ChoiceBox<String> tts = new ChoiceBox<>(FXCollections.observableArrayList("flite", "espeak-ng"));
    final Button remove = new Button("✕");
    private final HBox params = new HBox(6);

    DomainEditor(DomainSpec initial) {
        setSpacing(6);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getStyleClass().add("domain-editor");
        name.setId("domainName");
        kind.setId("domainKind");
        folder.setId("domainFolder");
        name.setPromptText("name");
        name.setPrefColumnCount(8);
        folder.setPromptText("folder of WAV/AIFF recordings");
        HBox.setHgrow(folder, Priority.ALWAYS);
        HBox.setHgrow(params, Priority.ALWAYS);
        params.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        instrument.setMinWidth(90);
        low.setPrefWidth(75);
        high.setPrefWidth(75);
        instrument.setEditable(true);
        browse.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Folder of recordings for " + name.getText());
            File f = dc.showDialog(getScene().getWindow());
            if (f != null) folder.setText(f.getPath());
        });
        kind.valueProperty().addListener((o, a, k) -> showParams(k));
        remove.setTooltip(new javafx.scene.control.Tooltip("Remove this domain"));
        getChildren().addAll(name, kind, params, remove);
        set(initial);
    }

    private void set(DomainSpec d) {
        name.setText(d.name());
        kind.setValue(d.kind());
        if (d.folder() != null) folder.setText(d.folder().toString());
        instrument.setValue(d.instrument() == null ? "violin" : d.instrument());
        if (d.highMidi() > d.lowMidi()) { low.getValueFactory().setValue(d.lowMidi()); high.getValueFactory().setValue(d.highMidi()); }
        tts.setValue(d.ttsEngine() == null ? "flite" : d.ttsEngine());
        showParams(d.kind());
    }

    private void showParams(DomainSpec.Kind k) {
        switch (k) {
            case FOLDER -> params.getChildren().setAll(folder, browse);
            case SOUNDFONT -> params.getChildren().setAll(instrument, label("from"), low, label("to"), high);
            case SPEECH -> params.getChildren().setAll(label("engine"), tts);
        }
    }

    /** A label that keeps its whole word when the row is tight (the instrument box gives way instead). */
    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setMaxHeight(Double.MAX_VALUE);
        return l;
    }

        DomainSpec spec() {
        String n = name.getText() == null ? "" : name.getText().strip();
        return switch (kind.getValue()) {
            case FOLDER -> DomainSpec.folder(n, folder.getText() == null || folder.getText().isBlank() ? null : Path.of(folder.getText().strip()));
            case SOUNDFONT -> DomainSpec.soundfont(n, instrument.getValue(), low.getValue(), high.getValue());
            case SPEECH -> DomainSpec.speech(n, tts.getValue());
        };
    }

    /** Calls {@code r} whenever anything in the row changes. */
    void onChange(Runnable r) {
        name.textProperty().addListener((o, a, b) -> r.run());
        kind.valueProperty().addListener((o, a, b) -> r.run());
        folder.textProperty().addListener((o, a, b) -> r.run());
        instrument.valueProperty().addListener((o, a, b) -> r.run());
        low.valueProperty().addListener((o, a, b) -> r.run());
        high.valueProperty().addListener((o, a, b) -> r.run());
        tts.valueProperty().addListener((o, a, b) -> r.run());
    }
}
