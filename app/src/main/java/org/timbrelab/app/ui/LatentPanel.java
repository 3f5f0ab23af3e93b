package org.timbrelab.app.ui;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.timbrelab.app.controls.LatentScatterEvent;
import org.timbrelab.app.controls.LatentScatterView;
import org.timbrelab.app.model.DomainInfo;
import org.timbrelab.app.model.Latent;
import org.timbrelab.app.model.Notes;
import org.timbrelab.app.model.Register;
import org.timbrelab.app.model.TimbreModel;

/**
 * The latent plane of the loaded preset: its training windows coloured by domain, and the
 * current input. Dragging moves the input's latent to the cursor and plays its decoding into the
 * chosen domain; clicking a point decodes the input moved onto that point.
 */
public final class LatentPanel extends VBox {
    private final LatentScatterView scatter = new LatentScatterView();
    private final ComboBox<String> domain = new ComboBox<>();
    private final Label hint = new Label();
    private final LatestOnly decodes = new LatestOnly(Duration.millis(90));
    private final ReadOnlyIntegerWrapper decoded = new ReadOnlyIntegerWrapper(this, "decoded");
    private Session session;
    /** The register each domain converts at (its output row's choice), so a drag decodes at the same shift. */
    private java.util.function.Function<String, Register> registerOf = d -> Register.AUTO;
    /** And the pitch choice of each domain's row, so a drag holds notes as the row's conversion does. */
    private java.util.function.Function<String, Notes> notesOf = d -> Notes.PRESET;

    public LatentPanel() {
        setSpacing(6);
        setPadding(new Insets(6));
        VBox.setVgrow(scatter, Priority.ALWAYS);
        scatter.setId("latentScatter");
        domain.setTooltip(new Tooltip("Domain the dragged latent is decoded into"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        getChildren().addAll(scatter, new HBox(6, new Label("Decode into"), domain), hint);
        scatter.setOnCursorDragged(this::onDrag);
        scatter.setOnPointClicked(this::onClick);
    }

    /** Where the drag reads a domain's register choice (the output rows'); Auto without one. */
    public void setRegisterSource(java.util.function.Function<String, Register> registerOf) { this.registerOf = registerOf; }

    /** Where the drag reads a domain's pitch choice (the output rows'); the preset's own without one. */
    public void setNotesSource(java.util.function.Function<String, Notes> notesOf) { this.notesOf = notesOf; }

    public void bind(Session s) {
        session = s;
        s.modelProperty().addListener((o, a, m) -> show(m));
        s.inputLatentProperty().addListener((o, a, l) -> {
            scatter.setInputPosition(l == null ? null : new Point2D(l.planeX(), l.planeY()));
            updateHint();
        });
        show(s.getModel());
    }

    private void show(TimbreModel m) {
        scatter.getPoints().setAll(m == null ? java.util.List.of() : m.latentPoints());
        scatter.getDomains().setAll(m == null ? java.util.List.of() : m.domains().stream().map(DomainInfo::name).toList());
        scatter.getDomainColours().clear();
        if (m != null) for (DomainInfo d : m.domains()) {
            try {
                scatter.getDomainColours().put(d.name(), javafx.scene.paint.Color.web(d.colour()));
            } catch (IllegalArgumentException | NullPointerException e) {
                // no usable colour: the palette's
            }
        }
        domain.getItems().setAll(scatter.getDomains());
        if (!domain.getItems().isEmpty()) domain.setValue(domain.getItems().get(Math.min(1, domain.getItems().size() - 1)));
        updateHint();
    }

    private void updateHint() {
        if (session.getModel() == null) hint.setText("No preset loaded: the latent plane shows a preset's training windows.");
        else if (session.inputLatentProperty().get() == null) hint.setText("Convert an input to place it here (+), then drag to move it and hear the result.");
        else hint.setText("Drag anywhere to move the input (+) through the plane; click a point to jump there. Hover shows a point's source.");
    }

    private void onDrag(LatentScatterEvent e) { decodeAt(e.planeX(), e.planeY(), "cursor"); }

    private void onClick(LatentScatterEvent e) {
        scatter.setInputPosition(new Point2D(e.planeX(), e.planeY()));
        decodeAt(e.planeX(), e.planeY(), e.point().source());
    }

    private void decodeAt(double x, double y, String what) {
        Latent input = session.inputLatentProperty().get();
        TimbreModel model = session.getModel();
        String target = domain.getValue();
        if (input == null || model == null || target == null) { updateHint(); return; }
        Register register = registerOf.apply(target);
        Notes notes = notesOf.apply(target);
        decodes.request(() -> session.background().heavy("Decode " + what + " into " + target, p -> {
            Latent moved = model.moveTo(input, x, y);
            return model.decode(moved, target, register, notes);
        }, clip -> {
            decoded.set(decoded.get() + 1);
            session.player().play(clip, null);
        }));
    }

    public LatentScatterView scatter() { return scatter; }
    public ReadOnlyIntegerProperty decodedProperty() { return decoded.getReadOnlyProperty(); }
}
