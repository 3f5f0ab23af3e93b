package org.timbrelab.engine.data;

import com.sun.media.sound.EmergencySoundbank;
import com.sun.media.sound.ModelPatch;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Soundbank;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where instrument sounds come from: an SF2 (or DLS) file, or Gervill's built-in emergency soundbank,
 * which needs no file and sounds the same on every machine (good for tests, thin for training).
 * {@code tag} is the short name used in note names ({@code violin_fluid_040-060-100}).
 */
public record Soundfont(Path file, String tag) {
    /** The word that selects the built-in soundbank on the command line and in configs. */
    public static final String BUILTIN = "builtin";

    /** Gervill's built-in soundbank. */
    public static Soundfont builtin() { return new Soundfont(null, "gervill"); }

    /** A soundfont file; {@code null} or {@value #BUILTIN} means the built-in soundbank. */
    public static Soundfont of(String pathOrBuiltin) {
        if (pathOrBuiltin == null || pathOrBuiltin.isBlank() || pathOrBuiltin.equals(BUILTIN)) return builtin();
        Path p = Path.of(pathOrBuiltin);
        return new Soundfont(p, tagFor(p));
    }

    public boolean isBuiltin() { return file == null; }

    /** A short lower-case name from the file name: FluidR3_GM.sf2 → fluid, TimGM6mb.sf2 → timgm6mb. */
    static String tagFor(Path file) {
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "").toLowerCase(Locale.ROOT);
        String first = stem.split("[^a-z0-9]+")[0];
        String tag = first.replaceFirst("r\\d+$", ""); // drop a version suffix like FluidR3's "r3"
        return tag.isEmpty() ? "sf" : tag;
    }

    /** Loads the soundbank; a missing or unreadable file is an error naming it and what to do. */
    public Soundbank load() {
        if (file == null) {
            try {
                return EmergencySoundbank.createSoundbank();
            } catch (Exception e) {
                throw new IllegalStateException("cannot build Gervill's built-in soundbank: " + e.getMessage(), e);
            }
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("soundfont " + file.toAbsolutePath() + " not found (on Debian: apt-get install fluid-soundfont-gm"
                    + " for /usr/share/sounds/sf2/FluidR3_GM.sf2, or omit --soundfont for the built-in soundbank)");
        }
        try {
            Soundbank bank = MidiSystem.getSoundbank(file.toFile());
            if (bank.getInstruments().length == 0) throw new InvalidMidiDataException("it holds no instruments");
            return bank;
        } catch (InvalidMidiDataException | IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IllegalArgumentException("soundfont " + file.toAbsolutePath() + " cannot be read as an SF2/DLS soundfont: " + reason
                    + " (is the file complete? re-download it or choose another)", e);
        }
    }

    /** The melodic (non-percussion) instrument of the bank at bank/program, or an error naming what the soundfont has. */
    public static javax.sound.midi.Instrument find(Soundbank bank, Soundfont source, int bankNumber, int program) {
        for (javax.sound.midi.Instrument i : bank.getInstruments()) {
            boolean percussion = i.getPatch() instanceof ModelPatch mp && mp.isPercussion();
            if (!percussion && i.getPatch().getBank() == bankNumber && i.getPatch().getProgram() == program) return i;
        }
        throw new IllegalArgumentException("soundfont " + source.describe() + " has no melodic instrument at bank " + bankNumber
                + ", program " + program + " (it has " + bank.getInstruments().length + " instruments; check config/instruments.yaml)");
    }

    public String describe() { return file == null ? "built-in (Gervill)" : file.toString(); }
}
