package org.timbrelab.app.controls;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.event.EventHandler;
import javafx.geometry.Point2D;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.paint.Color;

/**
 * A 2-D scatter of latent points coloured by domain, with a legend. Hovering shows a point's
 * source; clicking a point fires {@link LatentScatterEvent#POINT_CLICKED}; dragging moves the
 * cursor (the current input's position) and fires {@link LatentScatterEvent#CURSOR_DRAGGED}
 * with plane coordinates.
 */
public class LatentScatterView extends Control {
    private final ObservableList<LatentPoint> points = FXCollections.observableArrayList();
    /** Domain order decides the legend, and the colours ({@link DomainPalette}) of domains without one in {@link #getDomainColours()}. */
    private final ObservableList<String> domains = FXCollections.observableArrayList();
    /** A domain's own colour (a preset's), so the scatter matches the output rows. */
    private final ObservableMap<String, Color> domainColours = FXCollections.observableHashMap();
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
    public ObservableMap<String, Color> getDomainColours() { return domainColours; }

    /** The colour a domain's points and legend entry are drawn in; gray for an unknown domain. */
    public Color colourOf(String domain) {
        Color own = domainColours.get(domain);
        if (own != null) return own;
        int i = domains.indexOf(domain);
        return i < 0 ? Color.GRAY : DomainPalette.colour(i);
    }
    public ObjectProperty<Point2D> inputPositionProperty() { return inputPosition; }
    public Point2D getInputPosition() { return inputPosition.get(); }
    public void setInputPosition(Point2D p) { inputPosition.set(p); }
    public ObjectProperty<EventHandler<LatentScatterEvent>> onPointClickedProperty() { return onPointClicked; }
    public void setOnPointClicked(EventHandler<LatentScatterEvent> h) { onPointClicked.set(h); }
    public ObjectProperty<EventHandler<LatentScatterEvent>> onCursorDraggedProperty() { return onCursorDragged; }
    public void setOnCursorDragged(EventHandler<LatentScatterEvent> h) { onCursorDragged.set(h); }
}
