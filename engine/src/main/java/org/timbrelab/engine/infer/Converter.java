package org.timbrelab.engine.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.MagnitudeSpectrogram;
import org.timbrelab.dsp.NoteSnap;
import org.timbrelab.dsp.Pitch;
import org.timbrelab.dsp.PitchTrack;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramConfig;
import org.timbrelab.dsp.ToneMatch;
import org.timbrelab.engine.preset.InputTone;
import org.timbrelab.engine.preset.Preset;
import org.timbrelab.engine.preset.PresetInfo;
import org.timbrelab.engine.preset.PresetStore;
import org.timbrelab.engine.train.Gradients;
import org.timbrelab.engine.vaegan.PitchComb;
import org.timbrelab.engine.vaegan.VaeGan;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Timbre transfer with a trained preset (docs/ARCHITECTURE.md, "One clip from WAV to violin"). A clip is moved by whole octaves
 * toward the target's register, turned into a log-mel image, encoded to μ (never sampled, so
 * conversion is deterministic) in overlapping windows, decoded by the target's generator (with the
 * shifted input's f0 comb if the model is pitch-conditioned), vocoded (PGHI by default) and brought to
 * the input's level. How (vocoder, timbre strength, tone matching, windows) comes with each call as
 * {@link ConversionSettings}; the converter itself holds none, so callers never see each other's
 * choices. Model calls are synchronized: one conversion at a time per converter.
 */
public final class Converter implements AutoCloseable {
    /**
     * Windows per forward pass: one. The same two 1,024-frame windows took 461 ms as a batch of two and 167 ms one after
     * the other (libtorch 2.7.1, 2 threads, 6 Dec; docs/perf/README.md): batching windows only costs here, and one at a
     * time also bounds memory to one window.
     */
    private static final int MAX_BATCH = 1;
    /** Shortest image the encoder takes (its latent must be at least 2 frames wide for reflect padding). */
    private static final int MIN_FRAMES = 8;

    private final Preset preset;
    private final PresetInfo info;
    private final VaeGan model;
    private final SpectrogramConfig spec;
    private final AudioTransform transform;
    private final Pitch pitch = new Pitch();
    private final NDManager manager;

    public Converter(Preset preset) {
        this.preset = preset;
        this.info = preset.info();
        this.model = preset.model();
        this.spec = info.spectrogram();
        this.transform = new AudioTransform(spec);
        this.manager = NDManager.newBaseManager();
    }

    /** Loads and validates a preset directory. */
    public static Converter load(Path presetDir) {
        return new Converter(PresetStore.load(presetDir));
    }

    public PresetInfo info() { return info; }

    public Preset preset() { return preset; }

    public SpectrogramConfig spectrogramConfig() { return spec; }

    /** The shipped settings for this preset: PGHI, one gain to the input's level, the preset's timbre strengths (per target where it has them), tone matching if it can. */
    public ConversionSettings defaults() {
        return ConversionSettings.defaults(info.timbreStrength(), info.targetStrengths(), info.targetNoteSnaps(), hasInputTone());
    }

    /** Whether the preset stores its source tone, i.e. whether tone matching can be (and by default is) on. */
    public boolean hasInputTone() { return preset.inputTone().isPresent(); }

    /**
     * Input tone matching ({@link ToneMatch}): the input equalised toward the preset's source-domain tone before it is
     * encoded (YIN and the loudness envelope still use the clip as given).
     *
     * @throws IllegalStateException tone matching asked of a preset without {@value InputTone#FILE}
     */
    private AudioClip toned(AudioClip clip, ConversionSettings s) {
        if (!s.toneMatch()) return clip;
        InputTone tone = preset.inputTone().orElseThrow(() -> new IllegalStateException("preset " + info.name() + " has no " + InputTone.FILE
                + ": run `tone-profile --preset DIR --from VOICES` first, or convert without tone matching"));
        return ToneMatch.apply(clip, tone.profile(), ToneMatch.DEFAULT_MAX_DB);
    }

    /**
     * The latent moved toward {@code domain}: every frame shifted by strength × (the domain's
     * centroid − the clip's own time-average), the centroid being the mean of the preset's latent
     * points of that domain (~1-s windows of its training data). This is the scatter's drag
     * aimed at the target's centre: the melody stays (it lives in the frame-to-frame changes and,
     * with pitch conditioning, in the comb), the clip's average character moves to the target's.
     * Unchanged when the strength is 0 or the preset has no points for the domain.
     */
    public Latent towardTarget(Latent z, String domain, double strength) {
        float[] centre = preset.points().centroid(domain);
        if (strength == 0 || centre == null) return z;
        float[] own = z.timeAverage(), offset = new float[own.length];
        for (int i = 0; i < offset.length; i++) offset[i] = (float) (strength * (centre[i] - own[i]));
        return z.shifted(offset);
    }

    /** Median f0 of the clip's voiced frames in Hz, NaN if none. */
    public double medianF0(AudioClip clip) {
        return track(clip).medianVoicedF0();
    }

    /** The octave shift {@code register} means for this clip and target domain. */
    public int shiftFor(AudioClip clip, String domain, Register register) {
        return register.auto() ? shiftFor(track(clip), domain, register) : register.octaves();
    }

    private int shiftFor(PitchTrack track, String domain, Register register) {
        return register.shiftFor(track.medianVoicedF0(), info.domain(domain).medianF0Hz());
    }

    private PitchTrack track(AudioClip clip) {
        return pitch.track(requireRate(clip), spec);
    }

    /** μ of the clip as it is (no register shift), default settings. */
    public Latent encode(AudioClip clip) { return encode(clip, 0, defaults()); }

    /** μ of the clip moved by {@code octaveShift} octaves, default settings. */
    public Latent encode(AudioClip clip, int octaveShift) { return encode(clip, octaveShift, defaults()); }

    /** μ of the clip moved by {@code octaveShift} octaves; the latent keeps the shifted f0 for decoding. */
    public synchronized Latent encode(AudioClip clip, int octaveShift, ConversionSettings settings) {
        clip = InputAudio.withoutDc(clip);
        PitchTrack track = info.pitchConditioning() ? track(clip) : null;
        return encode(transform.forward(toned(requireRate(clip), settings), octaveShift), octaveShift, track, settings);
    }

    /** μ of a (register-shifted) spectrogram, with the f0 comb from the unshifted clip's track moved by the same octaves. */
    private Latent encode(Spectrogram s, int octaveShift, PitchTrack track, ConversionSettings settings) {
        float[] f0 = null;
        if (info.pitchConditioning()) {
            f0 = new float[s.frames()];
            float factor = (float) Math.pow(2, octaveShift);
            for (int t = 0; t < Math.min(f0.length, track.frames()); t++) f0[t] = track.voiced()[t] ? track.f0Hz()[t] * factor : 0f;
        }
        return encodeSpectrogram(s, f0, octaveShift, settings);
    }

    /** μ of a spectrogram image (values in [-1, 1]) in overlapping windows of {@code settings}' size. */
    public synchronized Latent encodeSpectrogram(Spectrogram s, float[] f0Hz, int octaveShift, ConversionSettings settings) {
        int mels = s.bins();
        int frames = Math.max(MIN_FRAMES, (s.frames() + 3) / 4 * 4);
        float[] image = padFrames(s.values(), mels, s.frames(), frames);
        WindowGrid grid = new WindowGrid(frames, settings.window(), settings.overlap());
        int w = grid.width(), c = model.config().latentChannels(), f = mels / 4, lw = w / 4;
        float[] windows = grid.cut(image, mels);
        float[] mu = new float[grid.count() * c * f * lw];
        forEachBatch(grid.count(), (from, n, sm) -> {
            NDArray x = sm.create(Arrays.copyOfRange(windows, from * mels * w, (from + n) * mels * w), new Shape(n, 1, mels, w));
            float[] out = model.encoder().forward(x).toFloatArray();
            System.arraycopy(out, 0, mu, from * c * f * lw, out.length);
        });
        WindowGrid latentGrid = grid.scaled(4);
        return new Latent(latentGrid.stitch(mu, c * f), c, f, latentGrid.frames(), s.frames(), f0Hz, octaveShift);
    }

    /** Repeats the last frame so the image has {@code frames} columns (a multiple of 4, at least {@link #MIN_FRAMES}). */
    private static float[] padFrames(float[] image, int rows, int have, int frames) {
        if (have == frames) return image;
        float[] out = new float[rows * frames];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(image, r * have, out, r * frames, have);
            Arrays.fill(out, r * frames + have, (r + 1) * frames, have > 0 ? image[r * have + have - 1] : -1f);
        }
        return out;
    }

    /** Decodes a latent into {@code domain}'s spectrogram image, {@code latent.spectrogramFrames()} frames, in windows of {@code settings}' size. */
    public synchronized Spectrogram decodeSpectrogram(Latent latent, String domain, float[] f0Hz, ConversionSettings settings) {
        int k = model.config().indexOf(domain);
        if (info.pitchConditioning() && f0Hz == null)
            throw new IllegalArgumentException("this preset is pitch-conditioned: decode needs an f0 track (the latent's own, or a constant note)");
        int frames = latent.frames() * 4, mels = latent.bins() * 4, cf = latent.channels() * latent.bins();
        WindowGrid grid = new WindowGrid(frames, settings.window(), settings.overlap());
        WindowGrid latentGrid = grid.scaled(4);
        int w = grid.width(), lw = w / 4;
        float[] zWindows = latentGrid.cut(latent.values(), cf);
        float[] combWindows = info.pitchConditioning() ? grid.cut(PitchComb.image(model.config().combTrack(f0Hz), frames, spec), mels) : null;
        float[] out = new float[grid.count() * mels * w];
        forEachBatch(grid.count(), (from, n, sm) -> {
            NDArray z = sm.create(Arrays.copyOfRange(zWindows, from * cf * lw, (from + n) * cf * lw), new Shape(n, latent.channels(), latent.bins(), lw));
            NDArray comb = combWindows == null ? null
                    : sm.create(Arrays.copyOfRange(combWindows, from * mels * w, (from + n) * mels * w), new Shape(n, 1, mels, w));
            float[] y = model.generator(k).forward(z, comb).toFloatArray();
            System.arraycopy(y, 0, out, from * mels * w, y.length);
        });
        Spectrogram full = new Spectrogram(grid.stitch(out, mels), mels, frames, spec);
        return full.sliceFrames(0, Math.min(latent.spectrogramFrames(), frames));
    }

    /** Decodes a latent into audio of {@code domain} with default settings (no loudness step: there is no input here). */
    public AudioClip decode(Latent latent, String domain, float[] f0Hz) { return decode(latent, domain, f0Hz, defaults()); }

    /**
     * Decodes a latent into audio of {@code domain} with {@code settings}' vocoder, windows and note snap (no timbre move,
     * no loudness step).
     */
    public synchronized AudioClip decode(Latent latent, String domain, float[] f0Hz, ConversionSettings settings) {
        return transform.invert(decodeSpectrogram(latent, domain, pitchFor(f0Hz, domain, settings), settings), settings.phase());
    }

    /** The f0 the generator of {@code domain} is asked to play: the track, snapped toward notes as far as the settings say. */
    private static float[] pitchFor(float[] f0Hz, String domain, ConversionSettings settings) {
        double snap = settings.noteSnapFor(domain);
        return snap > 0 && f0Hz != null ? NoteSnap.snap(f0Hz, snap) : f0Hz;
    }

    /** A conversion's audio and the octave shift it applied to the input. */
    public record Converted(AudioClip audio, int octaves) { }

    /** Converts a clip into {@code domain} with the given register choice and default settings. */
    public Converted convert(AudioClip clip, String domain, Register register) { return convert(clip, domain, register, defaults()); }

    /** Converts a clip into {@code domain} with the given register choice, saying which octave shift it applied. */
    public synchronized Converted convert(AudioClip clip, String domain, Register register, ConversionSettings settings) {
        clip = InputAudio.withoutDc(clip);
        Analysis a = analyse(clip, settings);
        int shift = register.auto() ? shiftFor(a.track, domain, register) : register.octaves();
        return new Converted(render(clip, a.encode(shift), domain, settings).audio(), shift);
    }

    /** One YIN pass (for the register choice and the comb) and one STFT (shifted per target) per conversion. */
    private final class Analysis {
        final PitchTrack track;
        final MagnitudeSpectrogram magnitude;
        final ConversionSettings settings;

        Analysis(PitchTrack track, MagnitudeSpectrogram magnitude, ConversionSettings settings) {
            this.track = track;
            this.magnitude = magnitude;
            this.settings = settings;
        }

        Latent encode(int shift) {
            MagnitudeSpectrogram m = AudioTransform.shiftOctaves(magnitude, shift, info.model().shiftLoudness());
            return Converter.this.encode(transform.toSpectrogram(m), shift, info.pitchConditioning() ? track : null, settings);
        }
    }

    /** YIN runs on a pool thread while this one computes the STFT: they are independent, and a CPU has two cores. */
    private Analysis analyse(AudioClip clip, ConversionSettings settings) {
        requireRate(clip);
        CompletableFuture<PitchTrack> yin = CompletableFuture.supplyAsync(() -> track(clip));
        MagnitudeSpectrogram m = transform.magnitude(toned(clip, settings));
        return new Analysis(yin.join(), m, settings);
    }

    /** Converts into every domain of the preset with default settings, encoding once per distinct shift. */
    public Map<String, Converted> convertAll(AudioClip clip, Register register) { return convertAll(clip, register, defaults()); }

    /** Converts into every domain of the preset, encoding once per distinct shift. */
    public synchronized Map<String, Converted> convertAll(AudioClip clip, Register register, ConversionSettings settings) {
        clip = InputAudio.withoutDc(clip);
        Analysis a = analyse(clip, settings);
        Map<String, Integer> shifts = new LinkedHashMap<>();
        for (String domain : info.domainNames())
            shifts.put(domain, register.auto() ? shiftFor(a.track, domain, register) : register.octaves());
        return convert(clip, a, shifts);
    }

    /**
     * Converts into the given domains, each at its given octave shift, encoding once per distinct shift (a long input's
     * blocks all use the shifts chosen once for the whole input: {@link BlockConversion}).
     */
    public synchronized Map<String, Converted> convert(AudioClip clip, Map<String, Integer> shiftByDomain, ConversionSettings settings) {
        clip = InputAudio.withoutDc(clip);
        return convert(clip, analyse(clip, settings), shiftByDomain);
    }

    private Map<String, Converted> convert(AudioClip clip, Analysis a, Map<String, Integer> shiftByDomain) {
        Map<Integer, Latent> byShift = new TreeMap<>();
        Map<String, Converted> out = new LinkedHashMap<>();
        shiftByDomain.forEach((domain, shift) -> {
            info.domain(domain);   // fails naming the known domains
            Register.octaves(shift); // fails on a shift out of range
            Latent z = byShift.computeIfAbsent(shift, a::encode);
            out.put(domain, new Converted(render(clip, z, domain, a.settings).audio(), shift));
        });
        return out;
    }

    /** The pitch track conversion uses (YIN on the preset's frame grid); memory grows with the clip, so track long inputs in parts. */
    public PitchTrack pitchTrack(AudioClip clip) {
        return track(InputAudio.withoutDc(clip));
    }

    /** A conversion's output spectrogram (the model's image) and its audio after the loudness step. */
    public record Rendered(Spectrogram spectrogram, AudioClip audio) { }

    /**
     * Decodes {@code input}'s latent {@code z} into {@code domain}, vocodes and checks: a model that puts out NaN or
     * infinite values, or silence for an input that is not silent, is broken, and saying so
     * ({@link ConversionException}) beats writing a silent file. Every conversion goes through here, the window's too.
     */
    public synchronized Rendered render(AudioClip input, Latent z, String domain, ConversionSettings settings) {
        Spectrogram s = decodeSpectrogram(towardTarget(z, domain, settings.strengthFor(domain)), domain, pitchFor(z.f0Hz(), domain, settings), settings);
        requireFinite(s.values(), domain, "spectrogram");
        AudioClip raw = transform.invert(s, settings.phase());
        requireFinite(raw.samples(), domain, "audio");
        AudioClip y = settings.followLoudness() ? LoudnessEnvelope.apply(input, raw, spec.hopLength()) : LoudnessEnvelope.matchLevel(input, raw);
        // judged on the model's own output: loudness following would lift a dead model by up to 20 dB
        InputAudio.Level in = InputAudio.level(input), out = InputAudio.level(raw);
        if (!in.silent() && (InputAudio.level(y).peak() < SILENT_OUTPUT || out.rms() < in.rms() * SILENT_RELATIVE))
            throw new ConversionException(String.format(java.util.Locale.ROOT, "preset %s: the conversion into '%s' came out silent (%s) although the input is not; "
                    + "the preset's model is broken: try another preset, or export it again from a good checkpoint", info.name(), domain,
                    out.rms() > 0 ? String.format(java.util.Locale.ROOT, "%.0f dB below the input", 20 * Math.log10(in.rms() / out.rms())) : "all zeros"));
        return new Rendered(s, y);
    }

    /**
     * Output taken as silence: a final peak below −120 dBFS, or a model output (before loudness
     * following) 50 dB below the input's RMS. A working model's log-mel images are tens of dB above
     * their −100 dB floor, so it is never near either; a dead one (all floor) is 65 dB or more below.
     */
    private static final double SILENT_OUTPUT = 1e-6, SILENT_RELATIVE = 0.00316;

    private void requireFinite(float[] v, String domain, String what) {
        int bad = 0;
        for (float x : v) if (!Float.isFinite(x)) bad++;
        if (bad > 0) throw new ConversionException("preset " + info.name() + ": the model produced " + bad + " NaN or infinite " + what
                + " values converting into '" + domain + "'; its weights are broken: try another preset, or export it again from a good checkpoint");
    }

    /** Linear interpolation frame by frame after resampling B to A's length. Keeps A's f0 and geometry. */
    public static Latent lerp(Latent a, Latent b, double t) {
        float[] va = a.values(), vb = aligned(a, b), v = new float[va.length];
        for (int i = 0; i < v.length; i++) v[i] = (float) ((1 - t) * va[i] + t * vb[i]);
        return new Latent(v, a.channels(), a.bins(), a.frames(), a.spectrogramFrames(), a.f0Hz(), a.octaveShift());
    }

    /** Spherical interpolation over the flattened maps (B resampled to A's length); falls back to lerp for parallel maps. */
    public static Latent slerp(Latent a, Latent b, double t) {
        float[] va = a.values(), vb = aligned(a, b);
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < va.length; i++) { dot += (double) va[i] * vb[i]; na += (double) va[i] * va[i]; nb += (double) vb[i] * vb[i]; }
        double cos = dot / Math.sqrt(na * nb);
        if (!(na > 0 && nb > 0) || Math.abs(cos) > 0.9995) return lerp(a, b, t);
        double omega = Math.acos(Math.max(-1, Math.min(1, cos)));
        double wa = Math.sin((1 - t) * omega) / Math.sin(omega), wb = Math.sin(t * omega) / Math.sin(omega);
        float[] v = new float[va.length];
        for (int i = 0; i < v.length; i++) v[i] = (float) (wa * va[i] + wb * vb[i]);
        return new Latent(v, a.channels(), a.bins(), a.frames(), a.spectrogramFrames(), a.f0Hz(), a.octaveShift());
    }

    private static float[] aligned(Latent a, Latent b) {
        if (a.channels() != b.channels() || a.bins() != b.bins())
            throw new IllegalArgumentException("latents come from different models: " + a + " vs " + b);
        return b.resampledValues(a.frames());
    }


    private AudioClip requireRate(AudioClip clip) {
        if (clip.sampleRate() != spec.sampleRate())
            throw new IllegalArgumentException("clip is at " + clip.sampleRate() + " Hz but the preset works at " + spec.sampleRate()
                    + " Hz; load it with AudioFiles.loadMono(path, " + spec.sampleRate() + ")");
        return clip;
    }

    private interface BatchBody { void run(int from, int n, NDManager sm); }

    /**
     * Runs the model over windows in batches, with autograd off: libtorch's grad mode is per
     * thread, so on any thread other than the one that loaded the engine (the app's workers)
     * inference would otherwise record a graph it never uses.
     */
    private void forEachBatch(int count, BatchBody body) {
        Gradients.withoutGrad(() -> {
            for (int from = 0; from < count; from += MAX_BATCH) {
                try (NDManager sm = manager.newSubManager()) {
                    body.run(from, Math.min(MAX_BATCH, count - from), sm);
                }
            }
        });
    }

    @Override public synchronized void close() {
        manager.close();
        preset.close();
    }
}
