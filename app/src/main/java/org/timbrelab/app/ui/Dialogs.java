package org.timbrelab.app.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.timbrelab.app.services.UserMessage;

/** The app's dialogs: readable errors (message + what to do), confirmations, About. Never a stack trace. */
public final class Dialogs {
    private Dialogs() { }

    /** Shows an error without blocking the caller (the FX thread keeps running). */
    public static Alert error(Window owner, UserMessage m) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        if (owner != null) a.initOwner(owner);
        a.setTitle("Timbre Lab");
        a.setHeaderText(m.title());
        Label body = new Label(m.body());
        body.setWrapText(true);
        body.setMaxWidth(520);
        body.setId("errorBody");
        a.getDialogPane().setContent(body);
        a.show();
        return a;
    }

    /** Asks before something destructive; true if the user confirmed. */
    public static boolean confirm(Window owner, String header, String text) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.CANCEL, ButtonType.OK);
        if (owner != null) a.initOwner(owner);
        a.setTitle("Timbre Lab");
        a.setHeaderText(header);
        return a.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    public static void about(Window owner) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        if (owner != null) a.initOwner(owner);
        a.setTitle("About Timbre Lab");
        a.setHeaderText("Timbre Lab " + version());
        a.setContentText("Neural timbre transfer on your CPU: a many-to-many VAE-GAN over log-mel spectrograms "
                + "(AlBadawy & Lyu 2020) with register matching and pitch conditioning, inverted by PGHI or Griffin-Lim.\n\n"
                + "Java " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.runtime.version", "?")
                + ", DJL + PyTorch (CPU, offline).");
        a.show();
    }

    public static void shortcuts(Window owner) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        if (owner != null) a.initOwner(owner);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        a.setContentText("Space — play / stop\nR — record / stop recording\nCtrl+O — open a file\nCtrl+E — export all outputs\n"
                + "Enter — convert\nMouse wheel on a spectrogram — scroll; Ctrl + wheel — zoom; double-click — fit");
        a.show();
    }

    static String version() {
        String v = Dialogs.class.getPackage().getImplementationVersion();
        return v == null ? "0.1 (development)" : v;
    }
}
