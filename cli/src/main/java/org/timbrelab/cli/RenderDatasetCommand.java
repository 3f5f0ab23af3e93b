package org.timbrelab.cli;

import org.timbrelab.engine.data.Instrument;
import org.timbrelab.engine.data.InstrumentDataset;
import org.timbrelab.engine.data.InstrumentTable;
import org.timbrelab.engine.data.MelodyDataset;
import org.timbrelab.engine.data.MidiNotes;
import org.timbrelab.engine.data.Soundfont;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code render-dataset}: NSynth-style notes and legato phrases of one instrument from a soundfont. */
@Command(name = "render-dataset", mixinStandardHelpOptions = true,
        description = {"Render an instrument domain from an SF2 soundfont through Gervill, 16 kHz mono: 4-s NSynth-style",
                "notes (OUT/notes/examples.json + notes/audio/*.wav) and/or legato phrases (OUT/phrases/*.wav + phrases.json)",
                "and/or, with --follow, the melodies of a folder of recordings played on the instrument (OUT/melody/*.wav)."})
public final class RenderDatasetCommand implements Callable<Integer> {

    @Spec CommandSpec commandSpec;

    @Option(names = "--soundfont", paramLabel = "F.sf2",
            description = "SF2/DLS file (e.g. /usr/share/sounds/sf2/FluidR3_GM.sf2); omit or 'builtin' for Gervill's built-in soundbank")
    String soundfont;

    @Option(names = "--instrument", required = true, description = "instrument name from the instrument table (violin, cello, flute…)")
    String instrument;

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Option(names = "--pitches", paramLabel = "A-B", description = "pitch range, e.g. G3-A7 or 55-105 (default: the instrument's playable range)")
    String pitches;

    @Option(names = "--velocities", split = ",", paramLabel = "a,b", description = "MIDI velocities (default: 25,50,75,100,127)")
    List<Integer> velocities;

    @Option(names = "--variants", defaultValue = "1", description = "renders per pitch x velocity: the plain note plus N-1 with random vibrato/detune/expression (default: ${DEFAULT-VALUE})")
    int variants;

    @Option(names = "--phrases", defaultValue = "0", description = "number of legato phrases to render (default: ${DEFAULT-VALUE})")
    int phrases;

    @Option(names = "--phrase-seconds", defaultValue = "4", description = "length of each phrase in seconds (default: ${DEFAULT-VALUE})")
    double phraseSeconds;

    @Option(names = "--rests", defaultValue = "0", paramLabel = "P",
            description = "probability of a 0.25-1 s rest after each phrase note (default: ${DEFAULT-VALUE})")
    double rests;

    @Option(names = "--follow", paramLabel = "DIR",
            description = "also play the melody (pitch and level) of every recording under DIR on the instrument, moved by octaves into its register")
    Path follow;

    @Option(names = "--follow-every", defaultValue = "1", paramLabel = "K", description = "with --follow, only every K-th recording (default: ${DEFAULT-VALUE})")
    int followEvery;

    @Option(names = "--no-notes", description = "render phrases only")
    boolean noNotes;

    @Option(names = "--jobs", defaultValue = "2", description = "worker threads, one synthesizer each (default: ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--seed", defaultValue = "1", description = "seed for variants and phrases (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--program", description = "play this GM program (0-127) instead of the instrument's, keeping its ranges")
    Integer program;

    @Option(names = "--bank", description = "soundfont bank for --program (default: the instrument's, usually 0)")
    Integer bank;

    @Option(names = "--instruments", paramLabel = "FILE", description = "instrument table (default: config/instruments.yaml)")
    Path instruments;

    @Override public Integer call() throws Exception {
        PrintWriter console = commandSpec.commandLine().getOut();
        InstrumentTable table = instruments == null ? InstrumentTable.loadDefault() : InstrumentTable.load(instruments);
        Instrument chosen = table.get(instrument);
        if (program != null || bank != null) {
            chosen = new Instrument(chosen.name(), program != null ? program : chosen.program(), bank != null ? bank : chosen.bank(),
                    chosen.family(), chosen.notes(), chosen.phrases());
        }
        InstrumentDataset.Spec spec = new InstrumentDataset.Spec(chosen, Soundfont.of(soundfont), !noNotes,
                pitches == null ? null : MidiNotes.parseRange(pitches),
                velocities == null ? InstrumentDataset.DEFAULT_VELOCITIES : new ArrayList<>(velocities),
                variants, phrases, phraseSeconds, seed, rests);
        console.printf(Locale.ROOT, "rendering %s from %s: %d notes (%s x %d velocities x %d variants) + %d phrases of %.1f s%s -> %s%n",
                instrument, spec.soundfont().describe(), spec.noteCount(), spec.pitchRange(), spec.velocities().size(), variants,
                phrases, phraseSeconds, follow == null ? "" : " + the melodies of " + follow, out);
        if (spec.noteCount() > 0 || phrases > 0) {
            ProgressBar bar = new ProgressBar(console, "render");
            InstrumentDataset.Result r = InstrumentDataset.render(spec, out, jobs, bar::update);
            console.printf(Locale.ROOT, "wrote %d notes (skipped %d silent, %d clipped) and %d phrases: %.1f min of audio in %.1f s (%.0fx realtime)%n",
                    r.notes(), r.silent(), r.clipped(), r.phrases(), r.audioSeconds() / 60, r.wallSeconds(), r.realtimeFactor());
        }
        if (follow != null) {
            MelodyDataset.Result m = MelodyDataset.render(chosen, spec.soundfont(), follow, followEvery, out, new ProgressBar(console, "follow")::update);
            console.printf(Locale.ROOT, "wrote %d melodies of %s (skipped %d without a voiced stretch): %.1f min of audio in %.1f s%n",
                    m.written(), follow, m.unvoiced(), m.audioSeconds() / 60, m.wallSeconds());
        }
        return 0;
    }
}
