package org.timbrelab.app.training;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The wizard's estimate and its hint about how many steps a usable model needed. */
class TrainingPlanTest {

    private static List<DomainSpec> domains(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> DomainSpec.folder("d" + i, Path.of("data", "d" + i))).toList();
    }

    @Test void aMeasuredStepTimeSetsTheStepsAndTheMinutesAUsableModelNeeds() {
        TrainingPlan twoMinutes = new TrainingPlan("m", domains(2), TrainingPlan.ModelSize.SMALL, 2, 800);
        assertEquals(150, twoMinutes.estimatedSteps());                       // 2 min / 800 ms
        assertEquals(5, twoMinutes.minutesForAUsableModel());                 // 375 × 0.8 s = 5.0 min
        assertTrue(twoMinutes.usableModelHint().contains("375 steps") && twoMinutes.usableModelHint().contains("≈ 5 min"),
                twoMinutes.usableModelHint());
        assertEquals("", new TrainingPlan("m", domains(2), TrainingPlan.ModelSize.SMALL, 5, 800).usableModelHint());
    }

    @Test void moreThanTwoDomainsAreNotPromisedTheTwoDomainFigure() {
        TrainingPlan four = new TrainingPlan("m", domains(4), TrainingPlan.ModelSize.SMALL, 8, 1600);
        assertEquals(300, four.estimatedSteps());
        assertEquals(1000, four.stepsForAUsableModel());
        assertEquals(27, four.minutesForAUsableModel());                      // 1,000 × 1.6 s = 26.7 min
        String hint = four.usableModelHint();
        assertTrue(hint.contains("4 domains") && hint.contains("1,000") && hint.contains("≈ 27 min"), hint);
        assertEquals("", new TrainingPlan("m", domains(4), TrainingPlan.ModelSize.SMALL, 30, 1600).usableModelHint());
    }

    /** Before the probe has timed this machine the estimate is the probe's own figure here, scaled by domains and size. */
    @Test void anUnmeasuredPlanStartsFromTheProbesFigure() {
        TrainingPlan two = new TrainingPlan("m", domains(2), TrainingPlan.ModelSize.SMALL, 3);
        assertFalse(two.measured());
        assertEquals(TrainingPlan.PROBED_MS_TWO_SMALL_DOMAINS, two.estimatedMsPerStep());
        assertEquals(6, two.minutesForAUsableModel());                        // 375 × 0.834 s = 5.2 min
        assertEquals(2 * two.estimatedMsPerStep(), new TrainingPlan("m", domains(4), TrainingPlan.ModelSize.SMALL, 3).estimatedMsPerStep(), 1e-9);
        assertEquals(3 * two.estimatedMsPerStep(), new TrainingPlan("m", domains(2), TrainingPlan.ModelSize.MEDIUM, 3).estimatedMsPerStep(), 1e-9);
    }
}
