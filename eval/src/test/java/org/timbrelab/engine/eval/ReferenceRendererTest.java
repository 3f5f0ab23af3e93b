package org.timbrelab.engine.eval;

import org.junit.jupiter.api.Test;
import org.timbrelab.dsp.AudioOps;
import org.timbrelab.engine.data.InstrumentTable;
import org.timbrelab.engine.data.Soundfont;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ReferenceRendererTest {

    @Test void rendersDistinctAudiblePhrasesPerInstrument() {
        ReferenceRenderer r = new ReferenceRenderer(Soundfont.builtin(), InstrumentTable.loadDefault());
        assertTrue(r.canRender("violin"));
        assertFalse(r.canRender("voice"));
        Map<String, List<NamedClip>> m = r.render(List.of("violin"), 2, 1.5, 7, s -> { });
        List<NamedClip> v = m.get("violin");
        assertEquals(2, v.size());
        assertEquals("violin_gervill_phrase_7", v.get(0).name());
        for (NamedClip c : v) {
            assertEquals(16_000, c.clip().sampleRate());
            assertTrue(AudioOps.rms(c.clip()) > 1e-3, "audible: " + c.name());
        }
        assertNotEquals(v.get(0).clip(), v.get(1).clip(), "different seeds, different phrases");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.render(List.of("voice"), 1, 1.5, 0, s -> { }));
        assertTrue(e.getMessage().contains("--refs"), e.getMessage());
    }
}
