package org.timbrelab.app.controls;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.timbrelab.app.FxTestUtil.onFx;

@ExtendWith(ApplicationExtension.class)
class LatentScatterViewTest {
    private LatentScatterView view;
    private final List<LatentScatterEvent> clicks = new ArrayList<>(), drags = new ArrayList<>();
    private final LatentPoint violin = new LatentPoint(2, 1, "violin", "violin/phrase-03.wav @ 1.0 s");

    @Start void start(Stage stage) {
        view = new LatentScatterView();
        view.getDomains().setAll("voice", "violin");
        view.getPoints().setAll(new LatentPoint(-2, -1, "voice", "voice/a.wav @ 0.0 s"), violin,
                new LatentPoint(0, 3, "voice", "voice/b.wav @ 2.0 s"));
        view.setOnPointClicked(clicks::add);
        view.setOnCursorDragged(drags::add);
        stage.setScene(new Scene(new StackPane(view), 400, 300));
        stage.show();
    }

    private Point2D screen(double px, double py) {
        return onFx(() -> view.localToScreen(view.toScreen(px, py)));
    }

    @Test void clickingAPointFiresItsEvent(FxRobot robot) {
        robot.clickOn(screen(2, 1), MouseButton.PRIMARY);
        assertEquals(1, clicks.size());
        assertSame(violin, clicks.get(0).point());
        assertEquals(0, drags.size());
    }

    @Test void clickingEmptySpaceFiresNothing(FxRobot robot) {
        robot.clickOn(screen(1, -1), MouseButton.PRIMARY);
        assertEquals(0, clicks.size());
    }

    @Test void draggingReportsPlaneCoordinatesAndMovesTheInputMarker(FxRobot robot) {
        robot.drag(screen(-1, 0), MouseButton.PRIMARY).moveTo(screen(1, 2)).release(MouseButton.PRIMARY);
        assertFalse(drags.isEmpty());
        LatentScatterEvent last = drags.get(drags.size() - 1);
        assertNull(last.point());
        assertEquals(1, last.planeX(), 0.05);
        assertEquals(2, last.planeY(), 0.05);
        assertEquals(1, view.getInputPosition().getX(), 0.05);
    }

    @Test void aDomainsOwnColourWinsOverThePalette() {
        LatentScatterView v = new LatentScatterView();
        v.getDomains().setAll("voice", "violin");
        assertEquals(DomainPalette.colour(1), v.colourOf("violin"));
        v.getDomainColours().put("violin", javafx.scene.paint.Color.web("#d62728"));
        assertEquals(javafx.scene.paint.Color.web("#d62728"), v.colourOf("violin"));
        assertEquals(DomainPalette.colour(0), v.colourOf("voice"));
        assertEquals(javafx.scene.paint.Color.GRAY, v.colourOf("cello"));
    }
}
