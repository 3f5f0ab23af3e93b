package org.timbrelab.engine.data;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A text-to-speech program run through {@link ProcessBuilder}: its command name, the Debian package that
 * installs it, default voices, and the command line that speaks one sentence into a WAV file.
 */
public enum TtsEngine {
    /** CMU Flite: 16-kHz voices kal16, awb, rms, slt ({@code kal} is 8 kHz and left out). */
    FLITE("flite", "flite", List.of("kal16", "awb", "rms", "slt")),
    /** eSpeak NG: formant voices (22.05 kHz) in many variants, e.g. {@code en-us+m3}, {@code en+f2}. */
    ESPEAK_NG("espeak-ng", "espeak-ng", List.of("en-us+m1", "en-us+m3", "en-us+f2", "en-us+f4", "en+m7", "en+f3"));

    private final String command;
    private final String debianPackage;
    private final List<String> defaultVoices;

    TtsEngine(String command, String debianPackage, List<String> defaultVoices) {
        this.command = command;
        this.debianPackage = debianPackage;
        this.defaultVoices = defaultVoices;
    }

    public String command() { return command; }

    public String debianPackage() { return debianPackage; }

    public List<String> defaultVoices() { return defaultVoices; }

    /** {@code flite} or {@code espeak-ng} (also {@code espeak_ng}, any case). */
    public static TtsEngine parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (TtsEngine e : values()) if (e.command.equals(n)) return e;
        throw new IllegalArgumentException("unknown TTS engine '" + name + "' (known: flite, espeak-ng)");
    }

    /**
     * The engine's executable: {@code override} if given, else the command found on PATH. A missing
     * program is an error naming the Debian package to install.
     */
    public Path locate(Path override) {
        if (override != null) {
            if (Files.isRegularFile(override) && Files.isExecutable(override)) return override;
            throw new IllegalStateException("TTS engine " + command + " not found at " + override
                    + ": install it with 'sudo apt-get install " + debianPackage + "' (Debian/Ubuntu) or pass the right path");
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate;
        }
        throw new IllegalStateException("TTS engine " + command + " is not installed (not on PATH): install it with 'sudo apt-get install "
                + debianPackage + "' (Debian/Ubuntu), or choose another engine with --engine");
    }

    /**
     * The command that speaks {@code text} into {@code wav}. {@code tempo} &gt; 1 speaks faster; {@code pitch}
     * shifts espeak-ng's pitch (0–99, 50 = the voice's own; flite keeps its voice's pitch).
     */
    List<String> command(Path executable, String voice, String text, Path wav, double tempo, int pitch) {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable.toString());
        switch (this) {
            case FLITE -> {
                cmd.addAll(List.of("-voice", voice, "--setf", String.format(Locale.ROOT, "duration_stretch=%.3f", 1.0 / tempo),
                        "-t", text, "-o", wav.toString()));
            }
            case ESPEAK_NG -> {
                cmd.addAll(List.of("-v", voice, "-s", Integer.toString((int) Math.round(165 * tempo)),
                        "-p", Integer.toString(pitch), "-w", wav.toString(), "--", text));
            }
        }
        return cmd;
    }

    /** Voices the engine says it has (flite -lv), or null when the engine cannot list them (espeak-ng variants). */
    List<String> listVoices(Path executable) throws IOException, InterruptedException {
        if (this != FLITE) return null;
        Process p = new ProcessBuilder(executable.toString(), "-lv").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        int colon = out.indexOf(':');
        String list = colon >= 0 ? out.substring(colon + 1) : out;
        List<String> voices = new ArrayList<>();
        for (String v : list.trim().split("\\s+")) if (!v.isEmpty()) voices.add(v);
        return voices;
    }
}
