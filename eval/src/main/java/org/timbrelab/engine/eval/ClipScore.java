package org.timbrelab.engine.eval;

import java.util.List;

/**
 * One input clip converted by one system into one domain, scored. Values are NaN where a
 * metric does not apply (e.g. no frame voiced in both clips, or a register shift that is unknown).
 *
 * @param input              input clip name (its path under the inputs folder)
 * @param group              the input's group: its first sub-folder under the inputs folder, "" when it has none
 * @param system             row name of the system that produced the output
 * @param domain             target domain
 * @param heard              every listener's verdict on the output, in the report's listener order
 * @param octaves            register shift k applied to the input (0 when none, {@link ConversionSystem.Output#UNKNOWN_OCTAVES} when unknown)
 * @param f0Correlation      Pearson correlation of log2 f0 over frames voiced in both
 * @param centsError         mean |cents| of output f0 against input f0 × 2^k
 * @param loudnessCorrelation          loudness envelope correlation before any envelope step
 * @param loudnessCorrelationEnveloped the same after the envelope step (equal when there is none)
 * @param octaveFlips        share of frames voiced in both whose f0 is whole octaves off input f0 × 2^k
 * @param f0CorrelationRepaired the f0 correlation after brief octave errors of both tracks are repaired ({@link org.timbrelab.dsp.OctaveJumps})
 */
public record ClipScore(String input, String group, String system, String domain, List<Heard> heard,
                        int octaves, double f0Correlation, double centsError,
                        double loudnessCorrelation, double loudnessCorrelationEnveloped, double octaveFlips,
                        double f0CorrelationRepaired) {

    /** One listener's verdict: its label and the probability it gave the target domain. */
    public record Heard(String listener, String label, double targetProbability) { }

    public ClipScore {
        heard = List.copyOf(heard);
    }

    /** Whether listener {@code i} gave {@code label}. */
    public boolean heardAs(int i, String label) { return heard.get(i).label().equals(label); }

    /** Every listener called it the target domain. */
    public boolean correct() { return heard.stream().allMatch(h -> h.label().equals(domain)); }

    /** Every listener gave the same label. */
    public boolean listenersAgree() { return heard.stream().map(Heard::label).distinct().count() <= 1; }
}
