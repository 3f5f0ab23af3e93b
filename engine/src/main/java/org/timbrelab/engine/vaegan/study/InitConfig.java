package org.timbrelab.engine.vaegan.study;

import java.util.List;
import java.util.Map;

/**
 * {@code init:} of a {@code model: vaegan} config: where the weights start.
 *
 * @param from {@code scratch} (default), or a preset folder whose encoder, shared block and generators start this run ({@link WarmStart})
 * @param copy for a domain the preset lacks, which of its generators to start from (e.g. {@code violin: cello})
 * @param freeze parts that keep the preset's weights all run: {@code encoder}, {@code shared} and domain names
 *               (their generators); a frozen domain's outputs stay exactly the preset's while the others learn
 * @param anchor an L1 term holding the learning encoder near the preset's on chosen crops (default: none; {@link EncoderAnchor})
 */
public record InitConfig(String from, Map<String, String> copy, List<String> freeze, Anchor anchor) {
    public static final String ENCODER = "encoder", SHARED = "shared";
    public static final String SCRATCH = "scratch";

    public InitConfig(String from, Map<String, String> copy, List<String> freeze) { this(from, copy, freeze, null); }

    public InitConfig {
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
}
