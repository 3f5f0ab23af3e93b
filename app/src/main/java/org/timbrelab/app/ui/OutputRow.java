package org.timbrelab.app.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.timbrelab.app.controls.SpectrogramView;
import org.timbrelab.app.model.ConvertedOutput;
import org.timbrelab.app.model.DomainInfo;
import org.timbrelab.app.model.Notes;
import org.timbrelab.app.model.Register;

/** One target domain in the outputs list: colour and name, register and pitch choices, converted spectrogram, play and export. */
public final class OutputRow extends HBox {
    private final DomainInfo domain;
    private final SpectrogramView view = new SpectrogramView();
    private final ComboBox<Register> register = new ComboBox<>();
    private final ComboBox<Notes> notes = new ComboBox<>();
    private final Label shift = new Label("not converted");
    final Button play = new Button("▶");
    final Button export = new Button("Export…");
    private ConvertedOutput output;

    public OutputRow(DomainInfo domain) {
        this.domain = domain;
        getStyleClass().add("output-row");
        setId("output-" + domain.name());
        Rectangle swatch = new Rectangle(12, 12, Color.web(domain.colour()));
        Label name = new Label(domain.name(), swatch);
        name.getStyleClass().add("domain-name");
        register.getItems().setAll(Register.choices());
        register.setValue(Register.AUTO);
        register.setTooltip(new Tooltip("Octave shift of the input before conversion: Auto moves it toward "
                + domain.name() + "'s register" + (Double.isNaN(domain.medianF0()) ? "" : String.format(" (median f0 %.0f Hz)", domain.medianF0()))));
        notes.getItems().setAll(Notes.choices());
        notes.setValue(Notes.PRESET);
        notes.setTooltip(new Tooltip("How " + domain.name() + " holds the pitch: as sung (the voice's glides), half way or all the way "
                + "onto the notes of a scale tuned to the input, or the preset's own choice for " + domain.name()));
        shift.getStyleClass().add("shift-label");
        VBox left = new VBox(4, name, new Label("Register"), register, shift, new Label("Pitch"), notes);
        left.setMinWidth(145);
        left.setPrefWidth(145);
        view.setPlaceholder("Not converted yet: Convert ▸ all domains");
        view.setPrefHeight(120);
        view.setMinHeight(90);
        HBox.setHgrow(view, Priority.ALWAYS);
        play.setTooltip(new Tooltip("Play the " + domain.name() + " output"));
        play.setDisable(true);
        export.setTooltip(new Tooltip("Save the " + domain.name() + " output as a WAV file"));
        export.setDisable(true);
        VBox buttons = new VBox(4, play, export);
        buttons.setAlignment(Pos.CENTER);
        getChildren().addAll(left, view, buttons);
    }

    /** Shows a result (null clears the row). */
    public void setOutput(ConvertedOutput out) {
        output = out;
        view.setSpectrogram(out == null ? null : out.spectrogram());
        play.setDisable(out == null);
        export.setDisable(out == null);
        shift.setText(out == null ? "not converted" : "shift applied: " + (out.appliedOctaves() > 0 ? "+" : "") + out.appliedOctaves() + " oct");
    }

    public ConvertedOutput output() { return output; }
    public DomainInfo domain() { return domain; }
    public SpectrogramView view() { return view; }
    public ComboBox<Register> registerBox() { return register; }
    public ComboBox<Notes> notesBox() { return notes; }
}
