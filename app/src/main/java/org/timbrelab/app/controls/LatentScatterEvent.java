package org.timbrelab.app.controls;

import javafx.event.Event;
import javafx.event.EventType;

/** Fired by {@link LatentScatterView}: a point was clicked, or the cursor was dragged to a plane position. */
public class LatentScatterEvent extends Event {
    public static final EventType<LatentScatterEvent> ANY = new EventType<>(Event.ANY, "LATENT_SCATTER");
    public static final EventType<LatentScatterEvent> POINT_CLICKED = new EventType<>(ANY, "LATENT_POINT_CLICKED");
    public static final EventType<LatentScatterEvent> CURSOR_DRAGGED = new EventType<>(ANY, "LATENT_CURSOR_DRAGGED");

    private final LatentPoint point;
    private final double planeX, planeY;

    public LatentScatterEvent(EventType<LatentScatterEvent> type, LatentPoint point, double planeX, double planeY) {
        super(type);
        this.point = point;
        this.planeX = planeX;
        this.planeY = planeY;
    }

    /** The clicked point (null for cursor drags). */
    public LatentPoint point() { return point; }
    public double planeX() { return planeX; }
    public double planeY() { return planeY; }
}
