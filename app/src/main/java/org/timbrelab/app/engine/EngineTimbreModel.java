package org.timbrelab.app.engine;

import org.timbrelab.app.controls.LatentPoint;
import org.timbrelab.app.model.ConvertedOutput;
import org.timbrelab.app.model.DomainInfo;
import org.timbrelab.app.model.Latent;
import org.timbrelab.app.model.Notes;
import org.timbrelab.app.model.Register;
import org.timbrelab.app.model.TimbreModel;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.SpectrogramConfig;
import org.timbrelab.engine.infer.BlockConversion;
import org.timbrelab.engine.infer.ConversionSettings;
import org.timbrelab.engine.infer.Converter;
import org.timbrelab.engine.preset.LatentPoints;
import org.timbrelab.engine.preset.PresetInfo;
import org.timbrelab.engine.preset.TrainingSummary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A preset loaded through the engine's {@link Converter}. Converting several domains of one input
 * reuses one encoding per distinct octave shift (as {@code Converter.convertAll} does), so the
 * outputs list costs one encoding, not one per row. Calls are serialised (the converter is).
 */
public final class EngineTimbreModel implements TimbreModel {
    private final Converter converter;
    private final PresetInfo info;
    private final LatentPoints points;
    // encodings of the most recent input by octave shift, and its median f0 (one YIN pass per input, not per row or drag)
    private AudioClip lastClip;
    private final Map<Integer, org.timbrelab.engine.infer.Latent> byShift = new HashMap<>();
    private Double lastMedianF0;
    private AudioClip lastLong, lastLongHead; // the most recent long input and the part of it the plane shows

    public EngineTimbreModel(Converter converter) {
        this.converter = converter;
        this.info = converter.info();
        this.points = converter.preset().points();
    }

    public static EngineTimbreModel load(Path dir) { return new EngineTimbreModel(Converter.load(dir)); }

    @Override public String name() { return info.name(); }

    @Override public List<DomainInfo> domains() {
        return info.domains().stream().map(d -> new DomainInfo(d.name(), d.colour(), d.medianF0Hz())).toList();
    }

    @Override public SpectrogramConfig spectrogramConfig() { return converter.spectrogramConfig(); }

    private static org.timbrelab.engine.infer.Register engine(Register r) {
        return r.auto() ? org.timbrelab.engine.infer.Register.AUTO : org.timbrelab.engine.infer.Register.octaves(r.octaves());
    }

    /**
     * A recording longer than {@link BlockConversion#LONG_INPUT_SECONDS} converts in blocks, as the CLI's does, so the
     * conversion's memory is one block's whatever the length; its spectrogram is then the output's, taken from the audio.
     */
    @Override public ConvertedOutput convert(AudioClip input, String domain, Register register) { return convert(input, domain, register, Notes.PRESET); }

    @Override public synchronized ConvertedOutput convert(AudioClip input, String domain, Register register, Notes notes) {
        ConversionSettings settings = settings(notes);
        if (input.length() > BlockConversion.LONG_INPUT_SECONDS * input.sampleRate()) {
            remember(input);
            Converter.Converted y = BlockConversion.convert(converter, input, List.of(domain), engine(register), settings, null).get(domain);
            return new ConvertedOutput(domain, y.audio(), new AudioTransform(converter.spectrogramConfig()).forward(y.audio()), y.octaves());
        }
        int k = shiftFor(input, domain, engine(register));
        org.timbrelab.engine.infer.Latent z = latentFor(input, k);
        Converter.Rendered r = converter.render(input, z, domain, settings);   // as Converter.convert delivers it, checks included
        return new ConvertedOutput(domain, r.audio(), r.spectrogram(), k);
    }

    private ConversionSettings settings(Notes notes) {
        return notes.preset() ? converter.defaults() : converter.defaults().withNoteSnap(notes.amount());
    }

    private org.timbrelab.engine.infer.Latent latentFor(AudioClip input, int shift) {
        remember(input);
        return byShift.computeIfAbsent(shift, s -> converter.encode(input, s));
    }

    /** The octave shift for the input and target (as {@link Converter#shiftFor}), from the input's cached median f0. */
    private int shiftFor(AudioClip input, String domain, org.timbrelab.engine.infer.Register register) {
        if (!register.auto()) return register.octaves();
        remember(input);
        if (lastMedianF0 == null) lastMedianF0 = converter.medianF0(input);
        return register.shiftFor(lastMedianF0, info.domain(domain).medianF0Hz());
    }

    private void remember(AudioClip input) {
        if (input == lastClip) return;
        byShift.clear();
        lastMedianF0 = null;
        lastClip = input;
    }

    /**
     * The app's latent handle: the clip's latent at its own register (its place in the plane), the
     * clip itself so a decode can re-encode it at the target's register, and the
     * plane offset dragged so far. An interpolated latent keeps its two ends and where between them it lies, so a
     * decode can re-encode both ends at the target's register and interpolate there.
     */
    private record Handle(org.timbrelab.engine.infer.Latent z, AudioClip clip, float[] offset, Handle from, Handle to, double t, boolean slerp) {
        Handle(org.timbrelab.engine.infer.Latent z, AudioClip clip, float[] offset) { this(z, clip, offset, null, null, 0, false); }
    }

    /**
     * A long recording is placed in the plane, and dragged there, by its first {@link BlockConversion#LONG_INPUT_SECONDS}:
     * its whole latent would take memory in proportion to its length.
     */
    @Override public synchronized Latent encode(AudioClip input, String source) {
        input = planePart(input);
        org.timbrelab.engine.infer.Latent z = latentFor(input, 0);
        double[] p = project(z.timeAverage());
        return new Latent(new Handle(z, input, null), p[0], p[1], source);
    }

    private AudioClip planePart(AudioClip input) {
        int most = (int) (BlockConversion.LONG_INPUT_SECONDS * input.sampleRate());
        if (input.length() <= most) return input;
        if (input == lastLong) return lastLongHead; // the same head each time, so its encodings are reused
        lastLong = input;
        lastLongHead = new AudioClip(java.util.Arrays.copyOf(input.samples(), most), input.sampleRate());
        return lastLongHead;
    }

    /** PCA plane coordinates of a time-averaged latent: (v − mean) · basis_k for k = 0, 1. */
    double[] project(float[] v) {
        double[] out = new double[2];
        for (int k = 0; k < 2 && k < points.components(); k++) {
            double s = 0;
            for (int i = 0; i < v.length; i++) s += (v[i] - points.mean()[i]) * points.basis()[k][i];
            out[k] = s;
        }
        return out;
    }

    /** Decodes into {@code domain}; a clip's latent is first re-encoded at the register Auto picks for that domain. */
    @Override public AudioClip decode(Latent latent, String domain) { return decode(latent, domain, Register.AUTO); }

    /** Decodes into {@code domain}; a clip's latent is first re-encoded at the shift {@code register} means for it, as {@link #convert} does. */
    @Override public AudioClip decode(Latent latent, String domain, Register register) { return decode(latent, domain, register, Notes.PRESET); }

    /** As {@link #decode(Latent, String, Register)}, with the note snap {@code notes} asks for (the preset's own for Preset). */
    @Override public synchronized AudioClip decode(Latent latent, String domain, Register register, Notes notes) {
        Handle h = (Handle) latent.handle();
        org.timbrelab.engine.infer.Latent z = h.z();
        if (h.clip() != null) {
            z = atShift(h, shiftFor(h.clip(), domain, engine(register)));
        } else if (h.from() != null && h.from().clip() != null && h.to().clip() != null) {
            // an interpolation: each end at the register its own conversion would use, then the same t (the first end's
            // f0 and shift are kept, as Converter.lerp does)
            var a = atShift(h.from(), shiftFor(h.from().clip(), domain, engine(register)));
            var b = atShift(h.to(), shiftFor(h.to().clip(), domain, engine(register)));
            z = h.slerp() ? Converter.slerp(a, b, h.t()) : Converter.lerp(a, b, h.t());
        }
        return converter.decode(z, domain, z.f0Hz(), settings(notes));
    }

    /** A clip's latent (with its drag offset) encoded at {@code k} octaves up. */
    private org.timbrelab.engine.infer.Latent atShift(Handle h, int k) {
        if (k == h.z().octaveShift()) return h.z();
        var z = latentFor(h.clip(), k);
        return h.offset() != null ? z.shifted(h.offset()) : z;
    }

    /** The plane drag: offset = Σ_k (p_k − point_k) · basis_k, added to every time frame. */
    @Override public Latent moveTo(Latent latent, double x, double y) {
        Handle h = (Handle) latent.handle();
        float[] offset = new float[points.dimension()];
        double[] d = {x - latent.planeX(), y - latent.planeY()};
        for (int k = 0; k < 2 && k < points.components(); k++)
            for (int i = 0; i < offset.length; i++) offset[i] += (float) (d[k] * points.basis()[k][i]);
        float[] total = offset.clone(); // from the clip's own latent, for re-encoding at another register
        if (h.offset() != null) for (int i = 0; i < total.length; i++) total[i] += h.offset()[i];
        return new Latent(new Handle(h.z().shifted(offset), h.clip(), total), x, y, latent.source());
    }

    @Override public Latent interpolate(Latent a, Latent b, double t, boolean slerp) {
        var za = ((Handle) a.handle()).z();
        var zb = ((Handle) b.handle()).z();
        var z = slerp ? Converter.slerp(za, zb, t) : Converter.lerp(za, zb, t);
        double[] p = project(z.timeAverage());
        return new Latent(new Handle(z, null, null, (Handle) a.handle(), (Handle) b.handle(), t, slerp), p[0], p[1],
                a.source() + " ↔ " + b.source());
    }

    @Override public List<LatentPoint> latentPoints() {
        List<LatentPoint> out = new ArrayList<>();
        for (int i = 0; i < points.sources().size(); i++) {
            LatentPoints.Source s = points.sources().get(i);
            float[] c = points.coords()[i];
            out.add(new LatentPoint(c[0], c.length > 1 ? c[1] : 0, s.domain(), String.format("%s @ %.1f s", s.file(), s.startSeconds())));
        }
        return out;
    }

    @Override public List<String> summary() { return summaryOf(info); }

    /** Readable lines about a preset: domains, pitch conditioning, training steps/time/losses. */
    public static List<String> summaryOf(PresetInfo info) {
        List<String> lines = new ArrayList<>();
        lines.add("Domains: " + String.join(", ", info.domains().stream()
                .map(d -> Double.isNaN(d.medianF0Hz()) ? d.name() : String.format("%s (median f0 %.0f Hz)", d.name(), d.medianF0Hz())).toList()));
        lines.add("Pitch conditioning: " + (info.pitchConditioning() ? "on" : "off (register matching only)"));
        lines.add(String.format("Model: %d base channels, %d+%d+%d residual blocks", info.model().baseChannels(),
                info.model().encoderResBlocks(), info.model().sharedResBlocks(), info.model().ownResBlocks()));
        TrainingSummary t = info.training();
        if (t != null) {
            lines.add(String.format("Training: %,d steps in %.1f min (%.0f ms/step)", t.steps(), t.minutes(), t.msPerStep()));
            if (!t.finalLosses().isEmpty())
                lines.add("Final losses: " + String.join(", ", t.finalLosses().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> String.format("%s %.3f", e.getKey(), e.getValue())).toList()));
            if (!t.notes().isBlank()) lines.add(t.notes());
        }
        return lines;
    }

    @Override public void close() { converter.close(); }
}
