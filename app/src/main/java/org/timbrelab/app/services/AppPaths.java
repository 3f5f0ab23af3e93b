package org.timbrelab.app.services;

import java.nio.file.Path;

/**
 * Where the app finds bundled and user files. The project directory (or an install) holds
 * {@code samples/} and {@code presets/}; {@code -Dtimbrelab.home=DIR} points elsewhere. User data
 * lives in {@code ~/.timbrelab} ({@code -Dtimbrelab.user=DIR} overrides it, e.g. in tests).
 */
public record AppPaths(Path home, Path user) {

    public static AppPaths fromSystem() {
        return new AppPaths(Path.of(System.getProperty("timbrelab.home", ".")).toAbsolutePath().normalize(),
                Path.of(System.getProperty("timbrelab.user", Path.of(System.getProperty("user.home"), ".timbrelab").toString())));
    }

    public Path samples() { return home.resolve("samples"); }
    public Path builtInPresets() { return home.resolve("presets"); }
    public Path userPresets() { return user.resolve("presets"); }
    public Path runs() { return user.resolve("runs"); }
    public Path recentFiles() { return user.resolve("recent-files.txt"); }
}
