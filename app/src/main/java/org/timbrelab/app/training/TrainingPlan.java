package org.timbrelab.app.training;

import java.util.List;

/**
 * What the wizard decided: a model name, its domains, a size and a time budget, and the estimate
 * shown to the user.
 *
 * @param measuredMsPerStep this machine's step time for these sizes, timed by the wizard ({@link StepProbe}); NaN when
 *                          not measured (the estimate then comes from reference timings)
 */
public record TrainingPlan(String name, List<DomainSpec> domains, ModelSize size, int minutes, double measuredMsPerStep) {

    /** A plan without a measured step time. */
    public TrainingPlan(String name, List<DomainSpec> domains, ModelSize size, int minutes) {
        this(name, domains, size, minutes, Double.NaN);
    }

    /** Model sizes offered; base channels as in the slim model (16; docs/ARCHITECTURE.md, "The model"). */
    public enum ModelSize {
        SMALL("Small (16 channels, fastest)", 16, 1.0), MEDIUM("Medium (32 channels)", 32, 3.0);

        public final String label;
        public final int baseChannels;
        final double costFactor;
        ModelSize(String label, int baseChannels, double costFactor) { this.label = label; this.baseChannels = baseChannels; this.costFactor = costFactor; }
        @Override public String toString() { return label; }
    }

    public TrainingPlan { domains = List.copyOf(domains); }

    /** Whether {@link #estimatedMsPerStep} was measured on this machine. */
    public boolean measured() { return measuredMsPerStep > 0; }

    /** This machine's measured step time when there is one, else {@link #referenceMsPerStep}. */
    public double estimatedMsPerStep() { return measured() ? measuredMsPerStep : referenceMsPerStep(); }

    /**
     * The wizard's own step probe (its recipe's loss terms, two small domains, one intra-op thread) on this project's
     * 2-core machine: 732 / 834 / 997 ms a step in three probes on 7 Dec (docs/perf/README.md). The PyTorch reference's
     * two-domain step (≈ 210 ms on two threads) times the engine's measured ratio and a one-thread factor gave under
     * 530 ms: too hopeful, so the estimate starts from the probe itself.
     */
    static final double PROBED_MS_TWO_SMALL_DOMAINS = 834;

    /**
     * Rough ms per step before the wizard has timed this machine: {@link #PROBED_MS_TWO_SMALL_DOMAINS}, growing linearly
     * with the number of domains (as the reference's step does: 210 ms for two, 425 for four; docs/ARCHITECTURE.md,
     * "Measured facts the code relies on"), × the size factor. The dashboard shows the measured value once training runs.
     */
    public double referenceMsPerStep() {
        return PROBED_MS_TWO_SMALL_DOMAINS * Math.max(2, domains.size()) / 2.0 * size.costFactor;
    }

    /**
     * Steps after which the wizard's recipe made a voice → violin model that listeners hear as a violin (375: both seeds
     * measured passed there on the selection sets, and the held-out voices at 100 %; docs/study-reference.md, section 30).
     */
    public static final long STEPS_FOR_A_USABLE_MODEL = 375;

    /**
     * Steps the four-domain voice-strings recipe (voice → violin, cello, flute) trained for before its model was heard as
     * each instrument (1,000; its snapshots at 500 lost the cello; docs/study-reference.md, sections 28–31). The wizard's
     * own recipe over more than two domains has not been measured: this is what more targets cost elsewhere.
     */
    public static final long STEPS_FOR_FOUR_DOMAINS = 1_000;

    /** The steps a usable model needed with this many domains: {@link #STEPS_FOR_A_USABLE_MODEL} for two, else four domains' figure. */
    public long stepsForAUsableModel() { return domains.size() <= 2 ? STEPS_FOR_A_USABLE_MODEL : STEPS_FOR_FOUR_DOMAINS; }

    /** Whole minutes the estimate needs for {@link #stepsForAUsableModel()} steps. */
    public int minutesForAUsableModel() { return (int) Math.ceil(stepsForAUsableModel() * estimatedMsPerStep() / 60_000.0); }

    /** The wizard's hint when the budget gives fewer steps than a usable model needed; empty when it gives enough. */
    public String usableModelHint() {
        if (estimatedSteps() >= stepsForAUsableModel()) return "";
        return domains.size() <= 2
                ? String.format("A voice → violin model needed about %d steps to be heard as a violin: give it ≈ %d min.",
                        STEPS_FOR_A_USABLE_MODEL, minutesForAUsableModel())
                : String.format(java.util.Locale.ROOT, "With %d domains expect more steps than two need (%d): the four-domain voice → violin, cello, flute "
                        + "model needed %,d; give it ≈ %d min.", domains.size(), STEPS_FOR_A_USABLE_MODEL, STEPS_FOR_FOUR_DOMAINS,
                        minutesForAUsableModel());
    }

    public long estimatedSteps() { return Math.max(1, Math.round(minutes * 60_000.0 / estimatedMsPerStep())); }
}
