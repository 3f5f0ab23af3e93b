package org.timbrelab;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Dependencies point one way (docs/ARCHITECTURE.md, "Layers"): dist → {app, cli}; cli → {eval, labs} → engine → dsp;
 * app → engine. The Maven modules enforce it between modules; these rules also hold inside them, and name the
 * packages the modules share a prefix with (eval and labs live in org.timbrelab.engine.*).
 */
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

    /** The product core (engine module) knows neither the evaluation, the labs nor the CLI. */
    @Test void coreKnowsNoEvalLabsOrCli() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("org.timbrelab.engine.eval..", "org.timbrelab.engine.labs..",
                        "org.timbrelab.engine.data.digits..", "org.timbrelab.cli..")
                .check(classes);
    }

    /** The window uses the core and its inference API only: no evaluation, labs or CLI internals. */
    @Test void appUsesCoreOnly() {
        noClasses().that().resideInAPackage("org.timbrelab.app..")
                .should().dependOnClassesThat().resideInAnyPackage("org.timbrelab.engine.eval..", "org.timbrelab.engine.labs..",
                        "org.timbrelab.engine.data.digits..", "org.timbrelab.cli..")
                .check(classes);
    }

    /** Evaluation and labs are side by side: neither reaches into the other. */
    @Test void evalAndLabsAreIndependent() {
        noClasses().that().resideInAPackage("org.timbrelab.engine.eval..")
                .should().dependOnClassesThat().resideInAnyPackage("org.timbrelab.engine.labs..", "org.timbrelab.engine.data.digits..", "org.timbrelab.cli..")
                .check(classes);
        noClasses().that().resideInAnyPackage("org.timbrelab.engine.labs..", "org.timbrelab.engine.data.digits..")
                .should().dependOnClassesThat().resideInAnyPackage("org.timbrelab.engine.eval..", "org.timbrelab.cli..")
                .check(classes);
    }

    /**
     * Where gradients are recorded, constants go through engine.nn.Scalars: DJL's number overloads let autograd read a
     * freed Java buffer in the backward pass (docs/ARCHITECTURE.md, "Measured facts").
     */
    @Test void trainingCodeUsesNoNumberOverloadsOfDjl() {
        noClasses().that().resideInAnyPackage("org.timbrelab.engine.vaegan..", "org.timbrelab.engine.nn..",
                        "org.timbrelab.engine.train..", "org.timbrelab.engine.labs..")
                .should().callMethod(ai.djl.ndarray.NDArray.class, "mul", Number.class)
                .orShould().callMethod(ai.djl.ndarray.NDArray.class, "div", Number.class)
                .orShould().callMethod(ai.djl.ndarray.NDArray.class, "maximum", Number.class)
                .orShould().callMethod(ai.djl.ndarray.NDArray.class, "minimum", Number.class)
                .orShould().callMethod(ai.djl.ndarray.NDArray.class, "pow", Number.class)
                .check(classes);
    }

    private static final String[] CORE = {"org.timbrelab.engine", "org.timbrelab.engine.config..", "org.timbrelab.engine.nn..",
            "org.timbrelab.engine.train..", "org.timbrelab.engine.vaegan..", "org.timbrelab.engine.preset..",
            "org.timbrelab.engine.infer..", "org.timbrelab.engine.data"};

    @Test void layersExist() {
        // guards against the rules above passing vacuously because a package was renamed
        org.junit.jupiter.api.Assertions.assertTrue(classes.containPackage("org.timbrelab.dsp"));
        org.junit.jupiter.api.Assertions.assertTrue(classes.containPackage("org.timbrelab.cli"));
        org.junit.jupiter.api.Assertions.assertTrue(classes.containPackage("org.timbrelab.app"));
        for (String p : new String[] {"org.timbrelab.engine.eval", "org.timbrelab.engine.labs", "org.timbrelab.engine.data.digits",
                "org.timbrelab.engine.infer", "org.timbrelab.engine.vaegan"})
            org.junit.jupiter.api.Assertions.assertTrue(classes.containPackage(p), p);
    }
}
