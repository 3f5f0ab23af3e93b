package org.timbrelab.dsp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ColorMapTest {

    private static double luminance(int rgb) {
        return 0.2126 * (rgb >> 16 & 0xFF) + 0.7152 * (rgb >> 8 & 0xFF) + 0.0722 * (rgb & 0xFF);
    }

    @Test void endpointsAreMatplotlibs() {
        assertEquals(0x440154, ColorMap.VIRIDIS.rgb(0));
        assertEquals(0xfde725, ColorMap.VIRIDIS.rgb(1));
        assertEquals(0x000004, ColorMap.MAGMA.rgb(0));
        assertEquals(0xfcfdbf, ColorMap.MAGMA.rgb(1));
        assertEquals(0x000004, ColorMap.INFERNO.rgb(0));
        assertEquals(0xfcffa4, ColorMap.INFERNO.rgb(1));
    }

    @Test void brightnessRisesMonotonicallyAlongEachMap() {
        for (ColorMap m : new ColorMap[] {ColorMap.VIRIDIS, ColorMap.MAGMA, ColorMap.INFERNO}) {
            double prev = -1;
            for (int i = 0; i < 256; i++) {
                double l = luminance(m.rgb(i / 255.0));
                assertTrue(l >= prev - 0.5, m.name() + " entry " + i);
                prev = l;
            }
        }
    }

    @Test void outOfRangeAndNanClamp() {
        assertEquals(ColorMap.MAGMA.rgb(0), ColorMap.MAGMA.rgb(-3));
        assertEquals(ColorMap.MAGMA.rgb(0), ColorMap.MAGMA.rgb(Double.NaN));
        assertEquals(ColorMap.MAGMA.rgb(1), ColorMap.MAGMA.rgb(7));
        assertEquals(0xFF000000 | ColorMap.MAGMA.rgb(0.5), ColorMap.MAGMA.argb(0.5));
    }

    @Test void lookupByName() {
        assertSame(ColorMap.VIRIDIS, ColorMap.named("Viridis"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ColorMap.named("jet"));
        assertTrue(e.getMessage().contains("jet"));
    }
}
