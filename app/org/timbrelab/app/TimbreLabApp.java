package org.timbrelab.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The JavaFX application: one main window. */
public class TimbreLabApp extends Application {

    static void launchWindow(String[] args) {
        Application.launch(TimbreLabApp.class, args);
    }

    @Override public void start(Stage stage) {
        BorderPane root = new BorderPane(new Label("Timbre Lab"));
        stage.setTitle("Timbre Lab");
        stage.setScene(new Scene(root, 1200, 800));
        stage.show();
    }
}
