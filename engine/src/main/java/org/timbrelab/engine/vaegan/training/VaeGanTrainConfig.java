package org.timbrelab.engine.vaegan.training;

import org.timbrelab.engine.vaegan.LossWeights;
import org.timbrelab.engine.vaegan.VaeGanConfig;
import org.timbrelab.engine.vaegan.study.InitConfig;

import org.timbrelab.engine.config.ModelConfig;
import org.timbrelab.engine.data.DomainSource;
import org.timbrelab.engine.data.NoiseFloor;
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
 * @param init         where the weights start: {@code from: scratch} (default) or a preset folder (study machinery,
 *                     {@link InitConfig})
 * @param schedule     the learning rate over the run ({@link LearningRateDecay}; default constant)
 * @param conversion   what the exported preset's conversions default to ({@code timbreStrength}, default 0.25)
 * @param transfers    which domains each step transfers into which ({@code hub}: one domain to and from every other,
 *                     {@link org.timbrelab.engine.vaegan.TransferPairs}; default none: one random target per domain)
 * @param ema          decay of a moving average of the generator side's weights
 *                     ({@link org.timbrelab.engine.train.WeightAverage}) that presets and snapshots are written from
 *                     instead of the last step's weights; 0 (default) = none, 0.995 ≈ the last 200 steps
 */
public record VaeGanTrainConfig(String model, TrainSettings train, List<Domain> domains, Architecture architecture,
                                LossWeights losses, AdamConfig optimiser, Data data, InitConfig init, Schedule schedule,
                                Conversion conversion, Transfers transfers, double ema) implements ModelConfig {

    /** @param hub the name of the domain every step transfers into and out of every other, or "" for none */
    public record Transfers(String hub) {
        public Transfers {
            if (hub == null) hub = "";
        }
    }

    /** The hub's index in {@link #domains}, or {@link org.timbrelab.engine.vaegan.TransferPairs#NO_HUB}. */
    public int hubIndex() {
        if (transfers == null || transfers.hub().isEmpty()) return org.timbrelab.engine.vaegan.TransferPairs.NO_HUB;
        for (int i = 0; i < domains.size(); i++) if (domains.get(i).name().equals(transfers.hub())) return i;
        throw new IllegalArgumentException("transfers.hub '" + transfers.hub() + "' is not one of the domains "
                + domains.stream().map(Domain::name).toList());
    }

    /** Per domain, the loss weights of the transfers into it: {@link #losses} with the domain's own {@code losses} over them. */
    public List<LossWeights> lossesPerDomain() {
        return domains.stream().map(d -> losses.withOverrides(d.losses())).toList();
    }

    /**
     * @param timbreStrength the preset's default timbre strength, 0…2 (PresetInfo#timbreStrength)
     * @param perDomain      target domains converted at their own default strength instead (default none), e.g.
     *                       {@code { flute: 0 }}
     * @param noteSnap       target domains whose conversions snap the played pitch to notes, 0…1 (default none), e.g.
     *                       {@code { cello: 0.5 }} (PresetInfo#targetNoteSnaps)
     */
    public record Conversion(double timbreStrength, Map<String, Double> perDomain, Map<String, Double> noteSnap) {
        public Conversion(double timbreStrength) { this(timbreStrength, null, null); }

        public Conversion {
            perDomain = perDomain == null ? Map.of() : Map.copyOf(perDomain);
            noteSnap = noteSnap == null ? Map.of() : Map.copyOf(noteSnap);
            org.timbrelab.engine.preset.PresetInfo.requireStrength(timbreStrength, "conversion.timbreStrength");
            perDomain.forEach((d, s) -> org.timbrelab.engine.preset.PresetInfo.requireStrength(s, "conversion.perDomain." + d));
            noteSnap.forEach((d, a) -> org.timbrelab.engine.preset.PresetInfo.requireNoteSnap(a, "conversion.noteSnap." + d));
        }
    }

    /** @param lrDecayFrom fraction of the steps after which both learning rates fall linearly to 0 (1 = constant rate) */
    public record Schedule(double lrDecayFrom) {
        public Schedule {
            if (!(lrDecayFrom >= 0 && lrDecayFrom <= 1))
                throw new IllegalArgumentException("schedule.lrDecayFrom must be in [0, 1] (1 = constant rate), got " + lrDecayFrom);
        }
    }

    /**
     * A domain: its name, a folder of audio, its display colour (#rrggbb), the octave shifts its
     * recordings are also trained at (register augmentation, default [0] = none): [0, 1, 2] on the
     * voice shows the model voices moved up as conversion moves them toward a violin's register, and
     * how its audio is made ({@code render}, default {@code { folder: <dir> }} = the folder as it is):
     * a soundfont or speech spec is rendered into {@code dir} on first use and reused afterwards; {@code losses}
     * sets some optional loss terms for the transfers into this domain ({@link LossWeights#withOverrides}; default none:
     * the config's {@code losses} as they are); {@code noise} adds a recording's noise floor to a share of its training
     * crops ({@link NoiseFloor}; default {@link NoiseFloor#NONE}).
     */
    public record Domain(String name, String dir, String colour, List<Integer> octaves, DomainSource render, Map<String, Double> losses,
                         NoiseFloor noise) {
        public Domain(String name, String dir, String colour) { this(name, dir, colour, null, null, null, NoiseFloor.NONE); }

        public Domain(String name, String dir, String colour, List<Integer> octaves, DomainSource render) { this(name, dir, colour, octaves, render, null, NoiseFloor.NONE); }

        public Domain {
            losses = losses == null ? Map.of() : Map.copyOf(losses);
            if (noise == null) noise = NoiseFloor.NONE;
            LossWeights.requirePerDomainKeys(losses.keySet(), "domain " + name + ":");
            octaves = octaves == null || octaves.isEmpty() ? List.of(0) : List.copyOf(octaves);
            for (int k : octaves) if (k < -2 || k > 2) throw new IllegalArgumentException("octaves of domain " + name + " must be in -2..2, got " + k);
            if (name == null || !name.matches("[A-Za-z0-9_-]+")) throw new IllegalArgumentException("name must use letters, digits, _ or -, got " + name);
            if (dir == null || dir.isBlank()) throw new IllegalArgumentException("dir is missing for domain " + name);
            if (colour == null || !colour.matches("#[0-9a-fA-F]{6}")) throw new IllegalArgumentException("colour must be #rrggbb, got " + colour);
            if (render == null) render = DomainSource.folder(Path.of(dir));
        }
    }

    /**
     * Model sizes (the slim model every shipped preset uses: 16, 3, 1, 2, 16, 3; docs/ARCHITECTURE.md, "The model");
     * {@code affineNorm}: the encoder's and generators' instance norms learn a scale and shift per channel (default
     * false, as every preset before it); {@code fusedKernels}: the layers use the fused native ops (default false: the
     * split ones the presets before them were trained with, so their configs train to them byte for byte; {@code Kernels});
     * {@code combBridge}: unvoiced gaps of up to this many frames get a gliding pitch in the comb (default 0, none;
     * {@code PitchComb.bridged}); {@code shiftKeepsLoudness}: register shifts (the octaves augmentation and conversion's
     * register) keep each frame's A-weighted loudness (default false, as every preset before it); {@code shiftMaxBoostDb}:
     * the most such a shift raises a frame, dB (default 30, as every preset before it; 0 = never louder than the stretch);
     * {@code shiftBoostFromClipGain}: that most is counted from the clip's typical gain (default false: from 0 dB).
     */
    public record Architecture(int baseChannels, int encoderResBlocks, int sharedResBlocks, int ownResBlocks,
                               int discBaseChannels, int discDownsamples, boolean pitchConditioning, boolean affineNorm,
                               boolean fusedKernels, int combBridge, boolean shiftKeepsLoudness, double shiftMaxBoostDb,
                               boolean shiftBoostFromClipGain) {
        public Architecture {
            VaeGanConfig.shiftLoudness(shiftKeepsLoudness, shiftMaxBoostDb, shiftBoostFromClipGain); // says what is wrong with the cap
        }
    }

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
        if (!(ema >= 0 && ema < 1)) throw new IllegalArgumentException("ema: the average's decay must be in [0, 1) (0 = none), got " + ema);
        List<String> names = domains.stream().map(Domain::name).toList();
        if (conversion != null)
            for (var perTarget : Map.of("perDomain", conversion.perDomain(), "noteSnap", conversion.noteSnap()).entrySet())
                for (String d : perTarget.getValue().keySet())
                    if (!names.contains(d))
                        throw new IllegalArgumentException("conversion." + perTarget.getKey() + " names '" + d + "', not one of the domains " + names);
    }

    /** The model architecture for {@code melBins} mel bands. */
    public VaeGanConfig modelConfig(int melBins) {
        Architecture a = architecture;
        return new VaeGanConfig(domains.stream().map(Domain::name).toList(), melBins, a.baseChannels(), a.encoderResBlocks(),
                a.sharedResBlocks(), a.ownResBlocks(), a.discBaseChannels(), a.discDownsamples(), a.pitchConditioning(), a.affineNorm(),
                a.fusedKernels(), a.combBridge(), a.shiftKeepsLoudness(), a.shiftMaxBoostDb(), a.shiftBoostFromClipGain());
    }
}
