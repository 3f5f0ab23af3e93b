package org.timbrelab.app.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.timbrelab.engine.config.ConfigLoader;
import org.timbrelab.engine.vaegan.training.VaeGanKind;
import org.timbrelab.engine.vaegan.training.VaeGanTrainConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * The config the training wizard trains with: {@code config/vaegan-voice-violin-fast.yaml}'s recipe (the one behind
 * {@code presets/voice-violin}; the wizard's use of it measured in docs/study-reference.md, section 30) over the user's
 * domains. The first domain is the source — the voice — seen also one and two octaves up, shifted keeping each frame's
 * loudness, with a recording's noise floor under half of its crops; every other domain is a target and gets the
 * violin's terms there (legato, peak, toneless), which compare a transfer with the target's own real crops, whatever
 * the instrument. {@code WizardRecipeTest} holds it to the config file.
 */
public final class WizardRecipe {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A domain of the run: its name, the folder of its clips, its colour in the app (CSS hex). */
    public record Domain(String name, Path dir, String colour) { }

    private WizardRecipe() { }

    /**
     * @param domains      source first, then the targets (≥ 2)
     * @param baseChannels the model's base width (TrainingPlan.ModelSize)
     * @param steps        training steps
     * @param cacheDir     where the run caches its spectrograms
     */
    public static ObjectNode config(List<Domain> domains, int baseChannels, long steps, Path cacheDir) {
        if (domains.size() < 2) throw new IllegalArgumentException("a VAE-GAN needs a source and at least one target, got " + domains.size() + " domain(s)");
        ObjectNode root = JSON.createObjectNode();
        root.put("model", "vaegan");
        long every = Math.max(1, Math.min(250, steps / 4));
        root.putObject("train").put("steps", steps).put("seed", 1).put("checkpointEvery", every).put("logEvery", 25).put("reportEvery", every);
        var list = root.putArray("domains");
        for (int i = 0; i < domains.size(); i++) {
            Domain d = domains.get(i);
            ObjectNode domain = list.addObject().put("name", d.name()).put("dir", d.dir().toAbsolutePath().toString()).put("colour", d.colour());
            if (i == 0) {
                domain.putArray("octaves").add(0).add(1).add(2);
                ObjectNode noise = domain.putObject("noise");
                noise.putArray("belowPeak").add(30.0).add(60.0);
                noise.put("share", 0.5);
            } else {
                domain.putObject("losses").put("legato", 10.0).put("peak", 10.0).put("toneless", 10.0);
            }
        }
        root.putObject("architecture").put("baseChannels", baseChannels).put("encoderResBlocks", 3)
                .put("sharedResBlocks", 1).put("ownResBlocks", 2).put("discBaseChannels", 16).put("discDownsamples", 3)
                .put("pitchConditioning", true).put("affineNorm", true).put("fusedKernels", true)
                .put("combBridge", 10).put("shiftKeepsLoudness", true);
        root.putObject("losses").put("rec", 10.0).put("kl", 0.01).put("gan", 1.0).put("cycle", 3.0).put("latent", 1.0)
                .put("tone", 10.0).put("follow", 20.0).put("level", 15.0);
        root.putObject("optimiser").put("lr", 4e-4).put("beta1", 0.5).put("beta2", 0.999).put("eps", 1e-8).put("clipNorm", 50.0);
        root.putObject("data").put("cropFrames", 64).put("batchPerDomain", 4).put("validationFraction", 0.05)
                .put("cacheDir", cacheDir.toString()).put("scatterPointsPerDomain", 50).put("gapDb", 0.0);
        root.putObject("conversion").put("timbreStrength", 1.0);
        return root;
    }

    /** The config as the training loop reads it (defaults filled, strictly bound); folders are not opened. */
    public static VaeGanTrainConfig bind(ObjectNode config) {
        ObjectNode copy = config.deepCopy();
        new VaeGanKind().fillOptionalKeys(copy);
        return ConfigLoader.bind(copy, VaeGanTrainConfig.class, Path.of("wizard-config.yaml"));
    }

    /** The recipe for {@code n} placeholder domains: what the wizard's step-time probe runs. */
    static VaeGanTrainConfig forTiming(int n, int baseChannels) {
        List<Domain> domains = java.util.stream.IntStream.range(0, n).mapToObj(i -> new Domain("d" + i, Path.of("d" + i), "#000000")).toList();
        return bind(config(domains, baseChannels, 1, Path.of("cache")));
    }
}
