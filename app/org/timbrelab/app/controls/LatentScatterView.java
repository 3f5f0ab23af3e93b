package org.timbrelab.app.controls;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.event.EventHandler;
import javafx.geometry.Point2D;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * A 2-D scatter of latent points coloured by domain, with a legend. Hovering shows a point's
 * source; clicking a point fires {@link LatentScatterEvent#POINT_CLICKED}; dragging moves the
 * cursor (the current input's position) and fires {@link LatentScatterEvent#CURSOR_DRAGGED}
 * with plane coordinates.
 */
public class LatentScatterView extends Control {
    private final ObservableList<LatentPoint> points = FXCollections.observableArrayList();
    /** Domain order decides colours ({@link DomainPalette}) and the legend. */
    private final ObservableList<String> domains = FXCollections.observableArrayList();
    private final ObjectProperty<Point2D> inputPosition = new SimpleObjectProperty<>(this, "inputPosition");
    private final ObjectProperty<EventHandler<LatentScatterEvent>> onPointClicked = new SimpleObjectProperty<>(this, "onPointClicked");
    private final ObjectProperty<EventHandler<LatentScatterEvent>> onCursorDragged = new SimpleObjectProperty<>(this, "onCursorDragged");

    public LatentScatterView() {
        getStyleClass().add("latent-scatter-view");
        onPointClicked.addListener((o, a, b) -> setEventHandler(LatentScatterEvent.POINT_CLICKED, b));
        onCursorDragged.addListener((o, a, b) -> setEventHandler(LatentScatterEvent.CURSOR_DRAGGED, b));
    }

    @Override protected Skin<?> createDefaultSkin() { return new LatentScatterSkin(this); }

    @Override public String getUserAgentStylesheet() {
        return LatentScatterView.class.getResource("controls.css").toExternalForm();
    }

    /** Screen position (control coordinates) of a plane point under the current layout; null before layout. */
    public Point2D toScreen(double planeX, double planeY) {
        return getSkin() instanceof LatentScatterSkin s ? s.toScreen(planeX, planeY) : null;
    }

    public ObservableList<LatentPoint> getPoints() { return points; }
    public ObservableList<String> getDomains() { return domains; }
    public ObjectProperty<Point2D> inputPositionProperty() { return inputPosition; }
    public Point2D getInputPosition() { return inputPosition.get(); }
    public void setInputPosition(Point2D p) { inputPosition.set(p); }
    public ObjectProperty<EventHandler<LatentScatterEvent>> onPointClickedProperty() { return onPointClicked; }
    public void setOnPointClicked(EventHandler<LatentScatterEvent> h) { onPointClicked.set(h); }
    public ObjectProperty<EventHandler<LatentScatterEvent>> onCursorDraggedProperty() { return onCursorDragged; }
    public void setOnCursorDragged(EventHandler<LatentScatterEvent> h) { onCursorDragged.set(h); }
}
