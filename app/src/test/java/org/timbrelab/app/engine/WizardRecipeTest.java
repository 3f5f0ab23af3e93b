package org.timbrelab.app.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.timbrelab.engine.config.ConfigLoader;
import org.timbrelab.engine.vaegan.LossWeights;
import org.timbrelab.engine.vaegan.training.VaeGanTrainConfig;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wizard trains what was measured: config/vaegan-voice-violin-fast.yaml's recipe, over the user's folders. */
class WizardRecipeTest {
    private static final Path FAST = Path.of("config", "vaegan-voice-violin-fast.yaml");

    private static ObjectNode wizard(int n) {
        List<WizardRecipe.Domain> domains = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) domains.add(new WizardRecipe.Domain(i == 0 ? "me" : "target" + i, Path.of("/sounds/" + i), "#123456"));
        return WizardRecipe.config(domains, 16, 300, Path.of("/runs/x/cache"));
    }

    @Test void twoDomainsGetTheFastConfigsRecipe() {
        ObjectNode fast = ConfigLoader.readTree(FAST), wiz = wizard(2);
        for (String section : List.of("architecture", "losses", "optimiser", "conversion"))
            assertSame(fast.get(section), wiz.get(section), section);
        for (String key : List.of("cropFrames", "batchPerDomain", "validationFraction", "gapDb"))
            assertEquals(fast.get("data").get(key).asDouble(), wiz.get("data").get(key).asDouble(), "data." + key);
        JsonNode fastSource = fast.get("domains").get(0), wizSource = wiz.get("domains").get(0);
        assertSame(fastSource.get("octaves"), wizSource.get("octaves"), "source octaves");
        assertSame(fastSource.get("noise"), wizSource.get("noise"), "source noise");
        assertSame(fast.get("domains").get(1).get("losses"), wiz.get("domains").get(1).get("losses"), "target losses");
        assertEquals(fast.get("train").get("steps").asLong(), 500, "the recipe was measured at 500 steps");
        assertEquals(300, wiz.get("train").get("steps").asLong(), "the wizard's own budget");
        assertEquals("/runs/x/cache", wiz.get("data").get("cacheDir").asText());
    }

    /** Equal trees, numbers by value (YAML's 10 is JSON's 10.0). */
    private static void assertSame(JsonNode expected, JsonNode actual, String what) {
        java.util.Comparator<JsonNode> byValue = (a, b) -> a.isNumber() && b.isNumber() ? Double.compare(a.asDouble(), b.asDouble()) : a.equals(b) ? 0 : 1;
        assertTrue(expected != null && expected.equals(byValue, actual), () -> what + ": expected " + expected + " but was " + actual);
    }

    @Test void everyTargetGetsTheTargetTermsAndTheSourceNone() {
        VaeGanTrainConfig cfg = WizardRecipe.bind(wizard(4));
        List<LossWeights> w = cfg.lossesPerDomain();
        assertEquals(4, w.size());
        assertEquals(0, w.get(0).legato());
        for (int i = 1; i < 4; i++) {
            assertEquals(10, w.get(i).legato(), "target " + i);
            assertEquals(10, w.get(i).peak(), "target " + i);
            assertEquals(10, w.get(i).toneless(), "target " + i);
            assertEquals(15, w.get(i).level(), "target " + i);
        }
        assertTrue(cfg.modelConfig(128).shiftKeepsLoudness());
        assertEquals(org.timbrelab.engine.vaegan.TransferPairs.NO_HUB, cfg.hubIndex());
    }

    @Test void oneDomainIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> wizard(1));
        assertTrue(e.getMessage().contains("at least one target"), e.getMessage());
    }
}
