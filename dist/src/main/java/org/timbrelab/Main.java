package org.timbrelab;

import org.timbrelab.app.TimbreLabApp;
import org.timbrelab.cli.TimbreLabCli;

/**
 * The program: with arguments it runs the headless CLI (no JavaFX loaded); with none it opens the
 * window. Kept apart from the JavaFX Application class so the plain class path works, and in its
 * own module so the window's module knows nothing of the CLI, the evaluation or the labs.
 */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        TimbreLabCli.Runtime.setOffline();
        if (args.length == 0) TimbreLabApp.launchWindow(args);
        else System.exit(TimbreLabCli.execute(args));
    }
}
