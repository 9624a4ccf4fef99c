package io.meshcatalog.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The planner, the supergraph model, value completion, the operation limits and persisted documents stay pure (no
 * Spring, no I/O) so they can be tested, benchmarked and reused without a runtime; dependencies point from the edge
 * inwards.
 */
class ArchitectureTests {

    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.meshcatalog.gateway");

    @Test
    void layersDependInwardsOnly() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Http")
                .definedBy("..gateway.http..")
                .layer("Execution")
                .definedBy("..gateway.execution..")
                .layer("Completion")
                .definedBy("..gateway.completion..")
                .layer("Limits")
                .definedBy("..gateway.limits..")
                .layer("Planning")
                .definedBy("..gateway.planning..")
                .layer("Supergraph")
                .definedBy("..gateway.supergraph..")
                .layer("Persisted")
                .definedBy("..gateway.persisted..")
                .whereLayer("Http")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Execution")
                .mayOnlyBeAccessedByLayers("Http")
                .whereLayer("Completion")
                .mayOnlyBeAccessedByLayers("Execution")
                .whereLayer("Limits")
                .mayOnlyBeAccessedByLayers("Execution", "Http")
                .whereLayer("Planning")
                .mayOnlyBeAccessedByLayers("Execution", "Http")
                .whereLayer("Supergraph")
                .mayOnlyBeAccessedByLayers("Planning", "Execution", "Http")
                .whereLayer("Persisted")
                .mayOnlyBeAccessedByLayers("Http")
                .check(GATEWAY);
    }

    /** Authentication happens once, at the edge: the core reads the caller it resolved, never the credential. */
    @Test
    void theCoreKnowsNothingOfAuthentication() {
        noClasses()
                .that()
                .resideInAnyPackage("..gateway.supergraph..", "..gateway.planning..", "..gateway.execution..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..gateway.security..")
                .check(GATEWAY);
    }

    @Test
    void theCoreUsesNoSpringAndDoesNoIo() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "..gateway.supergraph..",
                        "..gateway.planning..",
                        "..gateway.limits..",
                        "..gateway.completion..",
                        "..gateway.persisted..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "java.io..", "java.net..", "java.nio.file..", "java.nio.channels..")
                .check(GATEWAY);
    }

    @Test
    void tracingDependsOnNoOtherPartOfTheGateway() {
        noClasses()
                .that()
                .resideInAPackage("..gateway.observability..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..gateway.http..",
                        "..gateway.execution..",
                        "..gateway.planning..",
                        "..gateway.supergraph..",
                        "..gateway.catalog..",
                        "..gateway.security..")
                .check(GATEWAY);
    }

    @Test
    void theAuditLogDependsOnNoOtherPartOfTheGateway() {
        noClasses()
                .that()
                .resideInAPackage("..gateway.audit..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..gateway.http..",
                        "..gateway.execution..",
                        "..gateway.planning..",
                        "..gateway.supergraph..",
                        "..gateway.catalog..",
                        "..gateway.demo..",
                        "..gateway.graphiql..")
                .check(GATEWAY);
    }
}
