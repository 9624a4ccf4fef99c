package io.meshcatalog.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The planner, the supergraph model and the operation limits stay pure (no Spring, no I/O) so they can be tested,
 * benchmarked and reused without a runtime; dependencies point from the edge inwards.
 */
class ArchitectureTests {

  private static final JavaClasses GATEWAY = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.meshcatalog.gateway");

  @Test
  void layersDependInwardsOnly() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("Http").definedBy("..gateway.http..")
        .layer("Execution").definedBy("..gateway.execution..")
        .layer("Limits").definedBy("..gateway.limits..")
        .layer("Planning").definedBy("..gateway.planning..")
        .layer("Supergraph").definedBy("..gateway.supergraph..")
        .whereLayer("Http").mayNotBeAccessedByAnyLayer()
        .whereLayer("Execution").mayOnlyBeAccessedByLayers("Http")
        .whereLayer("Limits").mayOnlyBeAccessedByLayers("Execution", "Http")
        .whereLayer("Planning").mayOnlyBeAccessedByLayers("Execution", "Http")
        .whereLayer("Supergraph").mayOnlyBeAccessedByLayers("Planning", "Execution", "Http")
        .check(GATEWAY);
  }

  @Test
  void supergraphPlanningAndLimitsUseNoSpringAndDoNoIo() {
    noClasses().that().resideInAnyPackage("..gateway.supergraph..", "..gateway.planning..", "..gateway.limits..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.io..", "java.net..",
            "java.nio.file..", "java.nio.channels..")
        .check(GATEWAY);
  }
}
