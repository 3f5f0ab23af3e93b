package org.timbrelab.engine.eval;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.engine.data.Instrument;
import org.timbrelab.engine.data.InstrumentTable;
import org.timbrelab.engine.data.PhraseRenderer;
import org.timbrelab.engine.data.Soundfont;
import org.timbrelab.engine.data.SoundfontRenderer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Renders real instrument clips for evaluation when no folder is given: legato phrases of each
 * instrument domain from a soundfont the model did not train on (TimGM6mb when the model used
 * FluidR3). Different seed ranges give disjoint sets for the classifier and for the FAD references.
 */
public final class ReferenceRenderer {

    /** Debian's timgm6mb-soundfont: held out from training (the VAE-GAN trains on FluidR3). */
    public static final String HELD_OUT_SOUNDFONT = "/usr/share/sounds/sf2/TimGM6mb.sf2";

    private final Soundfont soundfont;
    private final InstrumentTable instruments;

    public ReferenceRenderer(Soundfont soundfont, InstrumentTable instruments) {
        this.soundfont = soundfont;
        this.instruments = instruments;
    }

    /** Whether a domain name is an instrument this renderer can play. */
    public boolean canRender(String domain) { return instruments.names().contains(domain); }

    /**
     * {@code count} phrases of {@code seconds} per domain, seeds {@code seedBase + i}; every domain
     * must be an instrument of the table.
     */
    public Map<String, List<NamedClip>> render(List<String> domains, int count, double seconds, long seedBase, Consumer<String> log) {
        Map<String, List<NamedClip>> out = new LinkedHashMap<>();
        for (String d : domains) {
            if (!canRender(d))
                throw new IllegalArgumentException("domain '" + d + "' is not an instrument of the instrument table " + instruments.names()
                        + "; give its real clips in a folder instead (--refs DIR with " + d + "/)");
            Instrument inst = instruments.get(d);
            List<NamedClip> clips = new ArrayList<>();
            try (SoundfontRenderer r = SoundfontRenderer.open(soundfont, inst)) {
                for (int i = 0; i < count; i++) {
                    long seed = seedBase + i;
                    AudioClip c = PhraseRenderer.render(r, seconds, seed);
                    clips.add(new NamedClip(d + "_" + soundfont.tag() + "_phrase_" + seed, c));
                }
            }
            log.accept(String.format("rendered %d %s phrases from %s", count, d, soundfont.describe()));
            out.put(d, clips);
        }
        return out;
    }

    /** One phrase per entry of {@code seconds} (that long, seeds {@code seedBase + i}) of one instrument domain. */
    public List<AudioClip> render(String domain, double[] seconds, long seedBase) {
        if (!canRender(domain))
            throw new IllegalArgumentException("domain '" + domain + "' is not an instrument of the instrument table " + instruments.names());
        List<AudioClip> out = new ArrayList<>();
        try (SoundfontRenderer r = SoundfontRenderer.open(soundfont, instruments.get(domain))) {
            for (int i = 0; i < seconds.length; i++) out.add(PhraseRenderer.render(r, seconds[i], seedBase + i));
        }
        return out;
    }

    /** Where the phrases come from, for reports. */
    public String describe() { return soundfont.describe(); }
}
