package org.timbrelab.engine.vaegan;

import org.timbrelab.dsp.ShiftLoudness;
import org.timbrelab.engine.nn.Kernels;

import java.util.HashSet;
import java.util.List;

/**
 * Architecture of an n-domain VAE-GAN. Defaults are the slim model sized for 2 CPU cores (docs/ARCHITECTURE.md, "The model"): 16 base channels,
 * 3 encoder + 1 shared + 2 own residual blocks, PatchGANs with 3 stride-2 stages.
 *
 * @param domains             domain names, in order (index = generator/discriminator index)
 * @param melBins             image height (mel bands of the SpectrogramConfig), divisible by 4
 * @param baseChannels        channels after the first 7×7 conv; the latent has 4× this many
 * @param encoderResBlocks    residual blocks at the end of the encoder
 * @param sharedResBlocks     leading residual blocks shared by every generator (one parameter set)
 * @param ownResBlocks        residual blocks each generator owns
 * @param discBaseChannels    channels of the PatchGAN's first stage
 * @param discDownsamples     stride-2 stages of each PatchGAN
 * @param pitchConditioning   generators also see a harmonic comb image of the input's f0
 * @param affineNorm          the encoder's and generators' instance norms learn a scale and shift per channel
 * @param fusedKernels        build the layers from {@link Kernels#FUSED} ops (same function, other rounding; faster)
 * @param combBridge          unvoiced gaps of at most this many frames between two voiced ones get a gliding pitch in the
 *                            comb ({@link PitchComb#bridged}), in training and conversion alike; 0 = the comb as tracked
 * @param shiftKeepsLoudness  register shifts keep each frame's A-weighted loudness
 *                            ({@code AudioTransform.shiftOctavesKeepingLoudness}), in training and conversion alike
 * @param shiftMaxBoostDb     the most such a shift raises a frame, in dB ({@link ShiftLoudness}; 30 = as loud as it was,
 *                            0 = never louder than the stretch left it)
 * @param shiftBoostFromClipGain that most is counted from the clip's typical gain rather than from 0 dB
 *                            ({@link ShiftLoudness#fromClipGain})
 */
public record VaeGanConfig(List<String> domains, int melBins, int baseChannels, int encoderResBlocks,
                           int sharedResBlocks, int ownResBlocks, int discBaseChannels, int discDownsamples,
                           boolean pitchConditioning, boolean affineNorm, boolean fusedKernels, int combBridge,
                           boolean shiftKeepsLoudness, double shiftMaxBoostDb, boolean shiftBoostFromClipGain) {

    /** With the boost cap counted from 0 dB (every preset before the clip-relative cap). */
    public VaeGanConfig(List<String> domains, int melBins, int baseChannels, int encoderResBlocks, int sharedResBlocks,
                        int ownResBlocks, int discBaseChannels, int discDownsamples, boolean pitchConditioning, boolean affineNorm,
                        boolean fusedKernels, int combBridge, boolean shiftKeepsLoudness, double shiftMaxBoostDb) {
        this(domains, melBins, baseChannels, encoderResBlocks, sharedResBlocks, ownResBlocks, discBaseChannels, discDownsamples,
                pitchConditioning, affineNorm, fusedKernels, combBridge, shiftKeepsLoudness, shiftMaxBoostDb, false);
    }

    /** With loudness-keeping shifts that raise a frame as far as {@link ShiftLoudness#KEEP} does (every preset before the cap). */
    public VaeGanConfig(List<String> domains, int melBins, int baseChannels, int encoderResBlocks, int sharedResBlocks,
                        int ownResBlocks, int discBaseChannels, int discDownsamples, boolean pitchConditioning, boolean affineNorm,
                        boolean fusedKernels, int combBridge, boolean shiftKeepsLoudness) {
        this(domains, melBins, baseChannels, encoderResBlocks, sharedResBlocks, ownResBlocks, discBaseChannels, discDownsamples,
                pitchConditioning, affineNorm, fusedKernels, combBridge, shiftKeepsLoudness, ShiftLoudness.KEEP.maxBoostDb());
    }

    /** With register shifts that stretch the spectrum only (every preset before loudness-keeping shifts). */
    public VaeGanConfig(List<String> domains, int melBins, int baseChannels, int encoderResBlocks, int sharedResBlocks,
                        int ownResBlocks, int discBaseChannels, int discDownsamples, boolean pitchConditioning, boolean affineNorm,
                        boolean fusedKernels, int combBridge) {
        this(domains, melBins, baseChannels, encoderResBlocks, sharedResBlocks, ownResBlocks, discBaseChannels, discDownsamples,
                pitchConditioning, affineNorm, fusedKernels, combBridge, false);
    }

    /** Without comb bridging (every preset before it existed). */
    public VaeGanConfig(List<String> domains, int melBins, int baseChannels, int encoderResBlocks, int sharedResBlocks,
                        int ownResBlocks, int discBaseChannels, int discDownsamples, boolean pitchConditioning, boolean affineNorm,
                        boolean fusedKernels) {
        this(domains, melBins, baseChannels, encoderResBlocks, sharedResBlocks, ownResBlocks, discBaseChannels, discDownsamples,
                pitchConditioning, affineNorm, fusedKernels, 0);
    }

    /** With the split kernels (every preset before fused kernels existed). */
    public VaeGanConfig(List<String> domains, int melBins, int baseChannels, int encoderResBlocks, int sharedResBlocks,
                        int ownResBlocks, int discBaseChannels, int discDownsamples, boolean pitchConditioning, boolean affineNorm) {
        this(domains, melBins, baseChannels, encoderResBlocks, sharedResBlocks, ownResBlocks, discBaseChannels, discDownsamples,
                pitchConditioning, affineNorm, false);
    }

    /** Without affine norms (every preset before affineNorm existed). */
    public VaeGanConfig(List<String> domains, int melBins, int baseChannels, int encoderResBlocks, int sharedResBlocks,
                        int ownResBlocks, int discBaseChannels, int discDownsamples, boolean pitchConditioning) {
        this(domains, melBins, baseChannels, encoderResBlocks, sharedResBlocks, ownResBlocks, discBaseChannels, discDownsamples,
                pitchConditioning, false);
    }

    public VaeGanConfig {
        domains = List.copyOf(domains);
        if (domains.size() < 2) throw new IllegalArgumentException("domains: need at least 2, got " + domains);
        if (new HashSet<>(domains).size() != domains.size()) throw new IllegalArgumentException("domains: names must be distinct, got " + domains);
        for (String d : domains) {
            if (!d.matches("[A-Za-z0-9_-]+")) throw new IllegalArgumentException("domains: '" + d + "' may use only letters, digits, _ and -");
        }
        if (melBins <= 0 || melBins % 4 != 0) throw new IllegalArgumentException("melBins must be a positive multiple of 4, got " + melBins);
        if (baseChannels <= 0) throw new IllegalArgumentException("baseChannels must be > 0, got " + baseChannels);
        if (encoderResBlocks < 0 || sharedResBlocks < 1 || ownResBlocks < 0)
            throw new IllegalArgumentException("residual blocks: encoder >= 0, shared >= 1, own >= 0; got "
                    + encoderResBlocks + ", " + sharedResBlocks + ", " + ownResBlocks);
        if (discBaseChannels <= 0 || discDownsamples < 1) throw new IllegalArgumentException("discriminator channels and stages must be > 0");
        if (combBridge < 0) throw new IllegalArgumentException("combBridge must be >= 0 frames (0 = no bridging), got " + combBridge);
        shiftLoudness(shiftKeepsLoudness, shiftMaxBoostDb, shiftBoostFromClipGain); // says what is wrong with the cap
    }

    /** What this model's register shift does to each frame's loudness, in training and conversion alike. */
    public ShiftLoudness shiftLoudness() { return shiftLoudness(shiftKeepsLoudness, shiftMaxBoostDb, shiftBoostFromClipGain); }

    /**
     * The register shift these three architecture keys describe; a cap outside 0…30 dB is an error naming
     * {@code shiftMaxBoostDb}, whether or not the shift keeps loudness (the training config checks its keys with it too).
     */
    public static ShiftLoudness shiftLoudness(boolean keep, double maxBoostDb, boolean fromClipGain) {
        ShiftLoudness capped;
        try {
            capped = new ShiftLoudness(true, maxBoostDb, fromClipGain);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("shiftMaxBoostDb: " + e.getMessage(), e);
        }
        return keep ? capped : ShiftLoudness.STRETCH;
    }

    /** The slim model for the given domains. */
    public static VaeGanConfig slim(List<String> domains, boolean pitchConditioning) {
        return new VaeGanConfig(domains, 128, 16, 3, 1, 2, 16, 3, pitchConditioning);
    }

    public int domainCount() { return domains.size(); }

    /** The ops the layers are built from. */
    public Kernels kernels() { return fusedKernels ? Kernels.FUSED : Kernels.SPLIT; }

    /** The f0 track the comb is drawn from: {@code f0Hz} with gaps of up to {@link #combBridge} frames bridged. */
    public float[] combTrack(float[] f0Hz) { return PitchComb.bridged(f0Hz, combBridge); }

    public int latentChannels() { return baseChannels * 4; }

    /** Index of a domain by name; fails naming the known ones. */
    public int indexOf(String domain) {
        int i = domains.indexOf(domain);
        if (i < 0) throw new IllegalArgumentException("unknown domain '" + domain + "'; this model has " + domains);
        return i;
    }
}
