package org.timbrelab.engine.vaegan.study;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import org.timbrelab.engine.config.ConfigException;
import org.timbrelab.engine.preset.Preset;
import org.timbrelab.engine.preset.PresetException;
import org.timbrelab.engine.preset.PresetStore;
import org.timbrelab.engine.train.NamedParameters;
import org.timbrelab.engine.vaegan.VaeGan;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts a run from a trained preset instead of random weights ({@code init: { from: PRESET, copy: {...} }}):
 * the encoder and shared block, and the generator of every domain the preset also has. A domain the preset lacks
 * starts from the generator named in {@code copy} (e.g. {@code violin: cello}) or stays random. Discriminators and
 * optimiser moments always start fresh (a preset holds neither). This lets a domain that loses to the others at
 * n = 4 (cello, docs/study-n-domains.md) enter the run already learned; {@code freeze} keeps chosen parts (encoder,
 * shared block, generators) at the preset's weights for the whole run, so only the new domains learn.
 */
public final class WarmStart {
    private WarmStart() { }

    /**
     * Copies the preset's weights into {@code model} (already initialised) and says what came from where. On
     * {@code --resume} this runs again: the checkpoint's values then replace the copies, and the freeze must hold again.
     */
    public static void apply(VaeGan model, InitConfig init, PrintStream out) {
        if (init.fromScratch()) return;
        Path dir = Path.of(init.from());
        List<String> targets = model.config().domains();
        for (String d : init.copy().keySet())
            if (!targets.contains(d))
                throw new ConfigException("init.copy: '" + d + "' is not a domain of this config " + targets + "; list only this run's domains");
        for (String part : init.freeze())
            if (!targets.contains(part) && !isSharedPart(part))
                throw new ConfigException("init.freeze: '" + part + "' is neither 'encoder', 'shared' nor a domain of this config " + targets);
        try (Preset preset = PresetStore.load(dir)) {
            VaeGan source = preset.model();
            List<String> sourceDomains = source.config().domains();
            copy(source.encoder(), model.encoder(), "encoder", dir);
            copy(source.generator(0).sharedBlock(), model.generator(0).sharedBlock(), "shared block", dir);
            for (int i = 0; i < targets.size(); i++) {
                String d = targets.get(i);
                String from = init.copy().getOrDefault(d, d);
                int j = sourceDomains.indexOf(from);
                if (j < 0) {
                    if (init.copy().containsKey(d))
                        throw new ConfigException("init.copy: " + d + ": " + from + " is not a domain of preset " + dir + " " + sourceDomains);
                    if (init.freeze().contains(d))
                        throw new ConfigException("init.freeze: generator '" + d + "' would stay random: preset " + dir + " has no '" + d
                                + "'; give it an init.copy source or do not freeze it");
                    out.printf("vaegan: init: generator '%s' starts random (preset %s has no '%s')%n", d, dir, d);
                    continue;
                }
                copy(source.generator(j), model.generator(i), "generator '" + from + "'", dir);
                out.printf("vaegan: init: generator '%s' from %s's '%s'%n", d, dir, from);
            }
            out.printf("vaegan: init: encoder and shared block from %s; discriminators and optimiser moments start fresh%n", dir);
            freeze(model, init.freeze(), out);
        } catch (PresetException e) {
            throw new ConfigException("init.from: " + e.getMessage(), e);
        }
    }

    /** Stops the optimiser from updating the listed parts (Adam only steps parameters that require a gradient). */
    private static void freeze(VaeGan model, List<String> parts, PrintStream out) {
        List<String> domains = model.config().domains();
        for (String part : parts) {
            Block block = switch (part) {
                case InitConfig.ENCODER -> model.encoder();
                case InitConfig.SHARED -> model.generator(0).sharedBlock();
                default -> model.generator(domains.indexOf(part));
            };
            block.freezeParameters(true);
            out.printf("vaegan: init: %s frozen at the preset's weights%n", isSharedPart(part) ? part : "generator '" + part + "'");
        }
    }

    /** {@code encoder} or {@code shared}: a part every domain uses, as opposed to one domain's generator. */
    private static boolean isSharedPart(String part) {
        return part.equals(InitConfig.ENCODER) || part.equals(InitConfig.SHARED);
    }

    /** Same-structure blocks: every parameter by its name inside the block. */
    private static void copy(Block from, Block to, String what, Path dir) {
        Map<String, Parameter> src = NamedParameters.of("p", from).asMap();
        Map<String, Parameter> dst = NamedParameters.of("p", to).asMap();
        if (!src.keySet().equals(dst.keySet()))
            throw new ConfigException("init.from: the " + what + " of preset " + dir + " has another architecture than this config's"
                    + " (e.g. pitchConditioning or residual blocks differ); start from scratch or match its architecture");
        dst.forEach((name, p) -> {
            var a = src.get(name).getArray();
            if (!a.getShape().equals(p.getArray().getShape()))
                throw new ConfigException("init.from: " + what + " parameter " + name.substring(2) + " of preset " + dir + " is "
                        + a.getShape() + ", this config's is " + p.getArray().getShape() + "; match the architecture (baseChannels…)");
            p.getArray().set(a.toFloatArray());
        });
    }
}
