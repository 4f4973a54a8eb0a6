package org.tkdworkbench.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DESIGN §3: one core without JavaFX, two front ends on it, engine-neutral models. */
class ArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.tkdworkbench");

  @Test
  void coreNeverTouchesJavaFx() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.tkdworkbench.ui..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree.chart.fx..")
        .because("the core runs in the CLI and on servers without a display (DESIGN §3)")
        .check(MAIN);
  }

  @Test
  void cliDoesNotDependOnTheUi() {
    noClasses()
        .that()
        .resideInAPackage("org.tkdworkbench.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.tkdworkbench.ui..")
        .check(MAIN);
  }

  @Test
  void coreDoesNotDependOnTheFrontEnds() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.tkdworkbench.audio..",
            "org.tkdworkbench.features..",
            "org.tkdworkbench.data..",
            "org.tkdworkbench.models..",
            "org.tkdworkbench.distill..",
            "org.tkdworkbench.runs..",
            "org.tkdworkbench.jobs..",
            "org.tkdworkbench.workspace..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.tkdworkbench.ui..", "org.tkdworkbench.cli..", "picocli..")
        .check(MAIN);
  }

  @Test
  void modelsAndTrainingUseOnlyTheEngineNeutralApi() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("ai.djl.mxnet..", "ai.djl.pytorch..", "org.apache.mxnet..")
        .because("MXNet is the default engine but the PyTorch engine must run the same code")
        .check(MAIN);
  }
}
