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
     * Rough ms per step with one intra-op thread: the PyTorch reference (docs/ARCHITECTURE.md, "Measured facts the code relies on") (210 ms for two
     * domains on 2 threads, growing linearly with n) × 1.8 for one thread, × the size factor.
     * The dashboard shows the measured value once training runs.
     */
    public double referenceMsPerStep() { return 210.0 * Math.max(2, domains.size()) / 2.0 * 1.8 * size.costFactor; }

    /**
     * Steps after which the wizard's recipe made a voice → violin model that listeners hear as a violin (375: both seeds
     * measured passed there on the selection sets, and the held-out voices at 100 %; docs/study-reference.md, section 30).
     */
    public static final long STEPS_FOR_A_USABLE_MODEL = 375;

    /** Whole minutes the estimate needs for {@link #STEPS_FOR_A_USABLE_MODEL} steps. */
    public int minutesForAUsableModel() { return (int) Math.ceil(STEPS_FOR_A_USABLE_MODEL * estimatedMsPerStep() / 60_000.0); }

    public long estimatedSteps() { return Math.max(1, Math.round(minutes * 60_000.0 / estimatedMsPerStep())); }
}
