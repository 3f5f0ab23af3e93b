package org.timbrelab.engine.data;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFileException;
import org.timbrelab.dsp.AudioFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An instrument playing the melodies of a folder of recordings ({@code render-dataset --follow}):
 * one WAV per recording in {@code OUT/melody/}, named after the recording's relative path, through
 * {@link MelodyScore}. Recordings with no voiced stretch are skipped.
 */
public final class MelodyDataset {
    public static final String MELODY_DIR = "melody";

    private MelodyDataset() { }

    /** What was written; unvoiced = recordings with no melody to follow. */
    public record Result(int written, int unvoiced, double audioSeconds, double wallSeconds) { }

    /**
     * @param every render every {@code every}-th recording (sorted by path), 1 = all of them
     */
    public static Result render(Instrument instrument, Soundfont soundfont, Path recordings, int every, Path out,
                                InstrumentDataset.Progress progress) throws IOException {
        if (every < 1) throw new IllegalArgumentException("every must be >= 1, got " + every);
        long t0 = System.nanoTime();
        List<Path> all = AudioSources.list(recordings, DatasetListener.LOGGING).files();
        List<Path> chosen = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += every) chosen.add(all.get(i));
        Path dir = out.resolve(MELODY_DIR);
        Files.createDirectories(dir);
        String stem = InstrumentDataset.stem(instrument, soundfont) + "_follow_";
        int written = 0, unvoiced = 0;
        double seconds = 0;
        try (SoundfontRenderer renderer = SoundfontRenderer.open(soundfont, instrument)) {
            for (int i = 0; i < chosen.size(); i++) {
                Path file = chosen.get(i);
                AudioClip voice = load(file);
                MelodyScore.Melody melody = MelodyScore.follow(voice, instrument.phrases());
                if (melody.notes().isEmpty()) {
                    unvoiced++;
                } else {
                    AudioClip played = renderer.render(melody.score());
                    String name = AudioSources.relativeName(recordings, file).replaceAll("\\.[^./]+$", "").replace('/', '_');
                    InstrumentDataset.saveAtomically(dir.resolve(stem + name + ".wav"), played);
                    written++;
                    seconds += played.durationSeconds();
                }
                if (progress != null) progress.update(i + 1, chosen.size());
            }
        }
        return new Result(written, unvoiced, seconds, (System.nanoTime() - t0) / 1e9);
    }

    private static AudioClip load(Path file) throws IOException {
        try {
            return AudioFiles.loadMono(file, AudioClip.MODEL_RATE);
        } catch (AudioFileException e) {
            throw new IOException("cannot read recording " + file + " to follow its melody: " + e.getMessage()
                    + "; remove it from the folder or convert it to WAV", e);
        }
    }
}
