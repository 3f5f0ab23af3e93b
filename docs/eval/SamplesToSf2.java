import com.sun.media.sound.SF2Instrument;
import com.sun.media.sound.SF2InstrumentRegion;
import com.sun.media.sound.SF2Layer;
import com.sun.media.sound.SF2LayerRegion;
import com.sun.media.sound.SF2Region;
import com.sun.media.sound.SF2Sample;
import com.sun.media.sound.SF2Soundbank;

import javax.sound.midi.Patch;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a soundfont from folders of single-note recordings named by pitch (A3.wav, Cs4.wav, ...), so that
 * render-dataset can play the same phrases through recorded notes of a third, independent source. Evaluation
 * data only (issue "heard as the instrument": a listener's instrument must carry over to recordings it never
 * learned from); the product does not use it.
 *
 * Usage: java --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED docs/eval/SamplesToSf2.java OUT.sf2
 *        PROGRAM=DIR [PROGRAM=DIR ...]     (PROGRAM: General MIDI program, 0-based, e.g. 42=data/tonejs/cello/package)
 *
 * Each note's leading silence (below -50 dB of its peak) is cut so attacks fall on the note-on; a note sounds over
 * the keys half-way to its neighbours, pitch-shifted by the synthesizer, and fades out over 0.15 s on note-off.
 * A name with " v2" (a second take) is skipped so each key has one recording.
 */
public class SamplesToSf2 {
    private static final Pattern NOTE = Pattern.compile("([A-G])(s?)(-?\\d)\\.wav");
    private static final int[] STEP = {9, 11, 0, 2, 4, 5, 7}; // A B C D E F G

    public static void main(String[] args) throws Exception {
        if (args.length < 2) throw new IllegalArgumentException("usage: OUT.sf2 PROGRAM=DIR [PROGRAM=DIR ...]");
        SF2Soundbank bank = new SF2Soundbank();
        bank.setName("recorded notes");
        for (int a = 1; a < args.length; a++) {
            String[] spec = args[a].split("=", 2);
            addInstrument(bank, Integer.parseInt(spec[0]), Path.of(spec[1]));
        }
        Path out = Path.of(args[0]);
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        bank.save(tmp.toFile());
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.println("wrote " + out);
    }

    private static void addInstrument(SF2Soundbank bank, int program, Path dir) throws Exception {
        TreeMap<Integer, File> notes = new TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Matcher m = NOTE.matcher(p.getFileName().toString());
                if (!m.matches()) continue;
                int key = 12 * (Integer.parseInt(m.group(3)) + 1) + STEP[m.group(1).charAt(0) - 'A'] + (m.group(2).isEmpty() ? 0 : 1);
                notes.put(key, p.toFile());
            }
        }
        if (notes.isEmpty()) throw new IllegalArgumentException(dir + " has no notes named like A3.wav or Cs4.wav");
        SF2Layer layer = new SF2Layer(bank);
        layer.setName("program " + program);
        List<Integer> keys = new ArrayList<>(notes.keySet());
        for (int i = 0; i < keys.size(); i++) {
            int key = keys.get(i);
            int lo = i == 0 ? 0 : (keys.get(i - 1) + key) / 2 + 1;
            int hi = i == keys.size() - 1 ? 127 : (key + keys.get(i + 1)) / 2;
            SF2Sample sample = readSample(bank, notes.get(key), key);
            bank.addResource(sample);
            SF2LayerRegion region = new SF2LayerRegion();
            region.putBytes(SF2Region.GENERATOR_KEYRANGE, new byte[] {(byte) lo, (byte) hi});
            region.putInteger(SF2Region.GENERATOR_ATTACKVOLENV, -7973); // ~10 ms (timecents)
            region.putInteger(SF2Region.GENERATOR_RELEASEVOLENV, -3284); // ~0.15 s
            region.putInteger(SF2Region.GENERATOR_SAMPLEMODES, 0);       // no loop: the recordings are long enough
            region.setSample(sample);
            layer.getRegions().add(region);
        }
        bank.addResource(layer);
        SF2Instrument instrument = new SF2Instrument(bank);
        instrument.setName("program " + program);
        instrument.setPatch(new Patch(0, program));
        SF2InstrumentRegion whole = new SF2InstrumentRegion();
        whole.setLayer(layer);
        instrument.getRegions().add(whole);
        bank.addInstrument(instrument);
        System.out.println("program " + program + ": " + keys.size() + " notes from " + dir);
    }

    private static SF2Sample readSample(SF2Soundbank bank, File file, int key) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file)) {
            AudioFormat f = in.getFormat();
            if (f.getChannels() != 1 || f.getSampleSizeInBits() != 16 || f.isBigEndian())
                throw new IllegalArgumentException(file + ": expected 16-bit little-endian mono, got " + f);
            byte[] pcm = in.readAllBytes();
            int n = pcm.length / 2, peak = 1;
            for (int i = 0; i < n; i++) peak = Math.max(peak, Math.abs(value(pcm, i)));
            int start = 0;
            while (start < n && Math.abs(value(pcm, start)) < peak / 316) start++; // -50 dB
            start = Math.max(0, start - (int) (0.005 * f.getSampleRate()));
            byte[] data = java.util.Arrays.copyOfRange(pcm, 2 * start, pcm.length);
            SF2Sample s = new SF2Sample(bank);
            s.setName(file.getName().replace(".wav", ""));
            s.setData(data);
            s.setSampleRate((long) f.getSampleRate());
            s.setOriginalPitch(key);
            s.setSampleType(1); // mono
            return s;
        }
    }

    private static int value(byte[] pcm, int i) { return (short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8)); }
}
