package org.timbrelab.engine.vaegan.training;

import org.junit.jupiter.api.Test;
import org.timbrelab.engine.preset.PresetStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every shipped VAE-GAN config (config/vaegan-*.yaml) runs from a fresh clone: it loads, and every domain either renders
 * its own audio ({@code render:} soundfont or speech) into a folder under the working directory, or reads a folder that
 * the repository holds. No machine paths.
 */
class ShippedConfigsTest {

    @Test void everyShippedConfigLoadsAndNeedsNoMachinePath() throws IOException {
        List<Path> configs;
        try (Stream<Path> s = Files.list(Path.of("config"))) {
            configs = s.filter(p -> p.getFileName().toString().matches("vaegan-.*\\.yaml")).sorted().toList();
        }
        assertTrue(configs.size() >= 3, "shipped configs: " + configs);
        for (Path file : configs) {
            VaeGanTrainConfig c = VaeGanKindRenderTest.load(file);
            assertFalse(Path.of(c.data().cacheDir()).isAbsolute(), file + ": cacheDir " + c.data().cacheDir());
            // a config trains to its preset only with the kernels the preset was trained with (Kernels)
            String name = file.getFileName().toString().replaceFirst("^vaegan-(.*)\\.yaml$", "$1");
            Path preset = Path.of("presets", name);
            if (Files.isDirectory(preset))
                assertEquals(PresetStore.readInfo(preset).model().kernels(), c.modelConfig(128).kernels(), file + ": architecture.fusedKernels");
            for (VaeGanTrainConfig.Domain d : c.domains()) {
                assertFalse(Path.of(d.dir()).isAbsolute(), file + ": domain " + d.name() + " reads the machine path " + d.dir());
                assertNotNull(d.render(), file + ": " + d.name());
                boolean renders = d.render().soundfont() != null || d.render().speech() != null;
                assertTrue(renders || Files.isDirectory(Path.of(d.dir())),
                        file + ": domain " + d.name() + " reads " + d.dir() + ", which a fresh clone does not have; give it a render: spec");
            }
        }
    }
}
