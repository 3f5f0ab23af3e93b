package org.timbrelab.engine.vaegan.training;

import org.timbrelab.engine.vaegan.LossWeights;
import org.timbrelab.engine.vaegan.VaeGanConfig;

import org.timbrelab.engine.config.ModelConfig;
import org.timbrelab.engine.data.DomainSource;
import org.timbrelab.engine.config.TrainSettings;
import org.timbrelab.engine.train.AdamConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The YAML of a VAE-GAN run ({@code model: vaegan}); see config/vaegan-voice-strings.yaml.
 *
 * @param domains      one folder of recordings per domain (searched recursively), in model order; a domain's
 *                     folder can also be rendered from a soundfont instrument or TTS voices ({@code render:})
 * @param architecture sizes and the pitch-conditioning switch
 * @param losses       λ of each loss term
 * @param optimiser    Adam for both sides (generators and discriminators)
 * @param data         crops, batch, validation split, cache
 * @param init         where the weights start: {@code from: scratch} (default) or a preset folder ({@link WarmStart})
 * @param ema          decay of an exponential moving average of E, the shared block and the generators
 *                     ({@link org.timbrelab.engine.train.WeightAverage}), which the preset gets instead of the last
 *                     step's weights; 0 (default) = off, 0.999 ≈ the last thousand steps
 */
public record VaeGanTrainConfig(String model, TrainSettings train, List<Domain> domains, Architecture architecture,
                                LossWeights losses, AdamConfig optimiser, Data data, Init init, double ema) implements ModelConfig {

    /**
     * @param from {@code scratch}, or a preset folder whose encoder, shared block and generators start this run
     * @param copy for a domain the preset lacks, which of its generators to start from (e.g. {@code violin: cello})
     * @param freeze parts that keep the preset's weights all run: {@code encoder}, {@code shared} and domain names
     *               (their generators); a frozen domain's outputs stay exactly the preset's while the others learn
     * @param anchor an L1 term holding the learning encoder near the preset's on chosen crops (default: none)
     */
    public record Init(String from, Map<String, String> copy, List<String> freeze, Anchor anchor) {
        public static final String ENCODER = "encoder", SHARED = "shared";
        public static final String SCRATCH = "scratch";

        public Init(String from, Map<String, String> copy, List<String> freeze) { this(from, copy, freeze, null); }

        public Init {
            if (from == null || from.isBlank()) throw new IllegalArgumentException("init.from must be 'scratch' or a preset folder");
            copy = copy == null ? Map.of() : Map.copyOf(copy);
            freeze = freeze == null ? List.of() : List.copyOf(freeze);
            anchor = anchor == null ? Anchor.NONE : anchor;
            if (fromScratchName(from) && !(copy.isEmpty() && freeze.isEmpty() && !anchor.on()))
                throw new IllegalArgumentException("init.copy, init.freeze and init.anchor need init.from to be a preset folder");
            if (anchor.on() && freeze.contains(ENCODER))
                throw new IllegalArgumentException("init.anchor holds a learning encoder near the preset's; with 'encoder' in init.freeze it has nothing to do");
        }

        private static boolean fromScratchName(String from) { return SCRATCH.equals(from); }

        public boolean fromScratch() { return fromScratchName(from); }
    }

    /**
     * L_anchor = |E(x) − E₀(x)|₁ averaged over the chosen crops, E₀ a frozen copy of the init preset's encoder, added
     * to L_G with λ = {@code weight}: the encoder still learns, but what it gives those crops stays near what the
     * preset's generators were trained on (docs/study-n-domains.md: at n = 4 an encoder left free drifts away from what
     * the voice-cello preset's cello generator needs).
     *
     * @param weight  λ; 0 = off
     * @param domains the domains whose crops are held
     * @param octaves only crops moved up by these octaves (register augmentation), e.g. [0] for the voice as it is; empty = all
     * @param through  a domain whose generator decodes both latents before they are compared (null or blank = compare latents): the
     *                 encoder then stays free in every direction that generator does not hear
     */
    public record Anchor(double weight, List<String> domains, List<Integer> octaves, String through) {
        public static final Anchor NONE = new Anchor(0, List.of(), List.of(), null);

        public Anchor(double weight, List<String> domains, List<Integer> octaves) { this(weight, domains, octaves, null); }

        public Anchor {
            domains = domains == null ? List.of() : List.copyOf(domains);
            octaves = octaves == null ? List.of() : List.copyOf(octaves);
            through = through == null || through.isBlank() ? null : through;
            if (!(weight >= 0) || Double.isInfinite(weight)) throw new IllegalArgumentException("init.anchor.weight must be finite and >= 0, got " + weight);
            if (weight > 0 && domains.isEmpty()) throw new IllegalArgumentException("init.anchor.domains: list the domains whose encoder output is held");
        }

        public boolean on() { return weight > 0; }
    }

    /**
     * A domain: its name, a folder of audio, its display colour (#rrggbb), the octave shifts its
     * recordings are also trained at (register augmentation, default [0] = none): [0, 1, 2] on the
     * voice shows the model voices moved up as conversion moves them toward a violin's register, and
     * how its audio is made ({@code render}, default {@code { folder: <dir> }} = the folder as it is):
     * a soundfont or speech spec is rendered into {@code dir} on first use and reused afterwards.
     * {@code ganWeight} (default 1) scales the adversarial term of transfers into this domain, on top of
     * {@code losses.gan}: a lever for one target the others outpace. {@code tiltDb} (default 0 = off) gives each
     * training crop of this domain a random spectral tilt of up to ± that many dB ({@link TiltAugment}).
     */
    public record Domain(String name, String dir, String colour, List<Integer> octaves, DomainSource render, Double ganWeight, Double tiltDb) {
        public Domain(String name, String dir, String colour) { this(name, dir, colour, null, null, null, null); }

        public Domain(String name, String dir, String colour, List<Integer> octaves) { this(name, dir, colour, octaves, null, null, null); }

        public Domain(String name, String dir, String colour, List<Integer> octaves, DomainSource render) { this(name, dir, colour, octaves, render, null, null); }

        public Domain {
            octaves = octaves == null || octaves.isEmpty() ? List.of(0) : List.copyOf(octaves);
            for (int k : octaves) if (k < -2 || k > 2) throw new IllegalArgumentException("octaves of domain " + name + " must be in -2..2, got " + k);
            if (name == null || !name.matches("[A-Za-z0-9_-]+")) throw new IllegalArgumentException("name must use letters, digits, _ or -, got " + name);
            if (dir == null || dir.isBlank()) throw new IllegalArgumentException("dir is missing for domain " + name);
            if (colour == null || !colour.matches("#[0-9a-fA-F]{6}")) throw new IllegalArgumentException("colour must be #rrggbb, got " + colour);
            if (render == null) render = DomainSource.folder(Path.of(dir));
            if (ganWeight == null) ganWeight = 1.0;
            if (!(ganWeight >= 0) || ganWeight.isInfinite()) throw new IllegalArgumentException("ganWeight of domain " + name + " must be finite and >= 0, got " + ganWeight);
            if (tiltDb == null) tiltDb = 0.0;
            if (!(tiltDb >= 0 && tiltDb <= 30)) throw new IllegalArgumentException("tiltDb of domain " + name + " must be in 0..30 dB, got " + tiltDb);
        }
    }

    /** Each domain's adversarial scale, in model order. */
    public double[] ganWeights() {
        return domains.stream().mapToDouble(Domain::ganWeight).toArray();
    }

    /** Each domain's spectral-tilt augmentation in dB (0 = none), in model order. */
    public double[] tiltDbs() {
        return domains.stream().mapToDouble(Domain::tiltDb).toArray();
    }

    /**
     * Model sizes (DESIGN §4's slim budget: 16, 3, 1, 2, 16, 3); {@code affineNorm}: the encoder's and generators'
     * instance norms learn a scale and shift per channel (default false, as every preset before it).
     */
    public record Architecture(int baseChannels, int encoderResBlocks, int sharedResBlocks, int ownResBlocks,
                               int discBaseChannels, int discDownsamples, boolean pitchConditioning, boolean affineNorm) { }

    /**
     * @param cropFrames         frames per training crop (multiple of 4; 64 ≈ 1 s)
     * @param batchPerDomain     crops per domain per step
     * @param validationFraction share of each domain's files held out of training
     * @param cacheDir           spectrogram cache folder (relative to the working directory or absolute)
     * @param scatterPointsPerDomain ~1-s windows per domain encoded for the preset's latent scatter
     * @param gapDb              if &gt; 0, spectrogram frames more than this many dB under their chunk's loudest value
     *                           (speech pauses) are dropped before cropping; 0 (default) keeps them
     */
    public record Data(int cropFrames, int batchPerDomain, double validationFraction, String cacheDir, int scatterPointsPerDomain,
                       double gapDb) {
        public Data {
            if (cropFrames < 8 || cropFrames % 4 != 0) throw new IllegalArgumentException("cropFrames must be a multiple of 4 and >= 8, got " + cropFrames);
            if (batchPerDomain < 1) throw new IllegalArgumentException("batchPerDomain must be >= 1, got " + batchPerDomain);
            if (scatterPointsPerDomain < 0) throw new IllegalArgumentException("scatterPointsPerDomain must be >= 0");
            if (!(gapDb >= 0)) throw new IllegalArgumentException("gapDb must be >= 0 (0 keeps silent frames), got " + gapDb);
        }
    }

    public VaeGanTrainConfig {
        if (domains == null || domains.size() < 2) throw new IllegalArgumentException("domains: need at least 2");
        domains = List.copyOf(domains);
        if (!(ema >= 0 && ema < 1)) throw new IllegalArgumentException("ema: the average's decay must be in [0, 1) (0 = off), got " + ema);
    }

    /** The model architecture for {@code melBins} mel bands. */
    public VaeGanConfig modelConfig(int melBins) {
        Architecture a = architecture;
        return new VaeGanConfig(domains.stream().map(Domain::name).toList(), melBins, a.baseChannels(), a.encoderResBlocks(),
                a.sharedResBlocks(), a.ownResBlocks(), a.discBaseChannels(), a.discDownsamples(), a.pitchConditioning(), a.affineNorm());
    }
}
