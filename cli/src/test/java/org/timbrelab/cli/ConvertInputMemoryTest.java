package org.timbrelab.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** A long input is refused before any work only when even block-wise conversion cannot fit, and the message says what fits. */
class ConvertInputMemoryTest {
    private static final long HEAP_256M = 268_435_456L;   // what -Xmx256m gives

    @Test void tenMinutesFitIn256MbButTwentyMinutesToThreeDomainsDoNot() {
        Path f = Path.of("talk.wav");
        assertDoesNotThrow(() -> ConvertInput.requireBlockMemory(f, 600, 16_000, 1, HEAP_256M), "measured: converts under -Xmx256m");
        var e = assertThrows(IllegalArgumentException.class, () -> ConvertInput.requireBlockMemory(f, 1200, 16_000, 3, HEAP_256M));
        assertTrue(e.getMessage().startsWith("talk.wav: 1200 s of audio needs about"), e.getMessage());
        assertTrue(e.getMessage().contains("split it into parts of at most") && e.getMessage().contains("-Xmx1g"), e.getMessage());
        long fits = Long.parseLong(e.getMessage().replaceAll(".*parts of at most (\\d+) s.*", "$1"));
        assertTrue(fits > 60 && fits < 1200, "the length that fits: " + fits + " s");
        assertDoesNotThrow(() -> ConvertInput.requireBlockMemory(f, fits, 16_000, 3, HEAP_256M), "and it does fit");
    }
}
