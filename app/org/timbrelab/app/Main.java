package org.timbrelab.app;

import org.timbrelab.cli.TimbreLabCli;

/**
 * Launcher: with arguments it runs the headless CLI (no JavaFX loaded); with none it opens the
 * window. Kept separate from the JavaFX Application class so the plain class path works.
 */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        TimbreLabCli.Runtime.setOffline();
        if (args.length == 0) {
            if (Walk.enabled()) Walk.installHandler();
            TimbreLabApp.launchWindow(args);
        } else {
            System.exit(TimbreLabCli.execute(args));
        }
    }
}
