package org.timbrelab.app.training;

import org.timbrelab.app.services.AudioService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a wizard page's inputs and says what is wrong in words (the wizard shows the first
 * problem and keeps Next disabled). Pure logic: testable without a display.
 */
public final class PlanValidator {
    private static final String NAME = "[A-Za-z0-9_-]+";

    private PlanValidator() { }

    /** Problems with a new model's name; {@code taken} holds existing preset/run names. */
    public static List<String> name(String name, Set<String> taken) {
        List<String> out = new ArrayList<>();
        if (name == null || name.isBlank()) out.add("Give the model a name.");
        else if (!name.matches(NAME)) out.add("The name may use only letters, digits, _ and - (got \"" + name + "\").");
        else if (taken.contains(name)) out.add("A preset or run named \"" + name + "\" already exists: choose another name.");
        return out;
    }

    /** Problems with the domain list. */
    public static List<String> domains(List<DomainSpec> domains) {
        List<String> out = new ArrayList<>();
        if (domains.size() < 2) out.add("Add at least two domains (e.g. your voice and an instrument).");
        Set<String> seen = new HashSet<>();
        for (DomainSpec d : domains) {
            String label = d.name() == null || d.name().isBlank() ? "A domain" : "Domain \"" + d.name() + "\"";
            if (d.name() == null || d.name().isBlank()) out.add("Every domain needs a name.");
            else if (!d.name().matches(NAME)) out.add(label + ": names may use only letters, digits, _ and -.");
            else if (!seen.add(d.name())) out.add(label + " appears twice: domain names must differ.");
            switch (d.kind()) {
                case FOLDER -> out.addAll(folder(label, d.folder()));
                case SOUNDFONT -> {
                    if (d.instrument() == null || d.instrument().isBlank()) out.add(label + ": choose an instrument.");
                    if (d.lowMidi() >= d.highMidi()) out.add(label + ": the lowest note must be below the highest ("
                            + DomainSpec.noteName(d.lowMidi()) + " ≥ " + DomainSpec.noteName(d.highMidi()) + ").");
                }
                case SPEECH -> {
                    if (d.ttsEngine() == null || !onPath(d.ttsEngine()))
                        out.add(label + ": the speech engine \"" + d.ttsEngine() + "\" is not installed (e.g. `apt-get install flite`).");
                }
            }
        }
        return out;
    }

    private static List<String> folder(String label, Path dir) {
        if (dir == null) return List.of(label + ": choose a folder of recordings.");
        if (!Files.isDirectory(dir)) return List.of(label + ": the folder " + dir + " does not exist.");
        try {
            if (AudioService.audioFilesIn(dir).isEmpty())
                return List.of(label + ": the folder " + dir + " has no WAV or AIFF files — add recordings or pick another folder.");
        } catch (IOException e) {
            return List.of(label + ": cannot read the folder " + dir + " (" + e.getMessage() + ").");
        }
        return List.of();
    }

    /** Problems with the budget page. */
    public static List<String> budget(int minutes) {
        if (minutes < 1) return List.of("The time budget must be at least 1 minute.");
        if (minutes > 24 * 60) return List.of("The time budget must be at most 24 hours.");
        return List.of();
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(java.io.File.pathSeparator))
            if (Files.isExecutable(Path.of(dir, program))) return true;
        return false;
    }
}
