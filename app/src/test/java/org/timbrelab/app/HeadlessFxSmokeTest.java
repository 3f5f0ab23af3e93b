package org.timbrelab.app;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Guards the headless test setup itself: TestFX + Monocle must start under surefire. */
@ExtendWith(ApplicationExtension.class)
class HeadlessFxSmokeTest {
    private int clicks;

    @Start void start(Stage stage) {
        Button button = new Button("press");
        button.setId("press");
        button.setOnAction(e -> clicks++);
        stage.setScene(new Scene(new StackPane(button), 200, 100));
        stage.show();
    }

    @Test void robotClicksAButtonOnTheHeadlessPlatform(FxRobot robot) {
        robot.clickOn("#press");
        assertEquals(1, clicks);
        assertEquals("Headless", System.getProperty("monocle.platform"));
    }
}
