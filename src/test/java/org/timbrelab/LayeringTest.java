package org.timbrelab;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Dependencies point one way: app → engine (incl. cli) → dsp (docs/ARCHITECTURE.md, "Layers"). */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.timbrelab");
    }

    @Test void dspUsesNeitherDjlNorJavaFxNorUpperLayers() {
        noClasses().that().resideInAPackage("org.timbrelab.dsp..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "javafx..", "org.controlsfx..",
                        "org.timbrelab.engine..", "org.timbrelab.cli..", "org.timbrelab.app..")
                .check(classes);
    }

    @Test void engineAndCliUseNoJavaFxAndNoApp() {
        noClasses().that().resideInAnyPackage("org.timbrelab.engine..", "org.timbrelab.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.timbrelab.app..")
                .check(classes);
    }

    /** The VAE-GAN's model and training step know nothing of the study machinery; the studies do not reach into training. */
    @Test void vaeGanCoreKnowsNoStudy() {
        noClasses().that().resideInAnyPackage("org.timbrelab.engine.vaegan", "org.timbrelab.engine.nn", "org.timbrelab.engine.train")
                .should().dependOnClassesThat().resideInAPackage("org.timbrelab.engine.vaegan.study..")
                .check(classes);
        noClasses().that().resideInAPackage("org.timbrelab.engine.vaegan.study..")
                .should().dependOnClassesThat().resideInAPackage("org.timbrelab.engine.vaegan.training..")
                .check(classes);
    }

    @Test void layersExist() {
        // guards against the rules above passing vacuously because a package was renamed
        org.junit.jupiter.api.Assertions.assertTrue(classes.containPackage("org.timbrelab.dsp"));
        org.junit.jupiter.api.Assertions.assertTrue(classes.containPackage("org.timbrelab.cli"));
        org.junit.jupiter.api.Assertions.assertTrue(classes.containPackage("org.timbrelab.app"));
    }
}
