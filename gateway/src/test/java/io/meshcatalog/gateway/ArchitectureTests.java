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

    /**
     * Every class of the gateway is in one layer, and each layer is reached only from the layers above it: the
     * application (its entry points, the command line and the demo) wires everything; the catalog and security plug
     * into the HTTP server; execution runs plans over completion, limits, planning and the supergraph model; audit,
     * tracing and the background loop serve every part and depend on none.
     */
    @Test
    void layersDependInwardsOnly() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture()
                // API keys are kept in the catalog's graph when the catalog is on: the one thing security asks of it
                .ignoreDependency(
                        "io.meshcatalog.gateway.security.SecurityConfiguration",
                        "io.meshcatalog.gateway.catalog.ConditionalOnCatalog")
                .layer("Application")
                .definedBy("io.meshcatalog.gateway", "..gateway.cli..", "..gateway.demo..")
                .layer("Catalog")
                .definedBy("..gateway.catalog..")
                .layer("Security")
                .definedBy("..gateway.security..")
                .layer("GraphiQL")
                .definedBy("..gateway.graphiql..")
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
                .layer("Audit")
                .definedBy("..gateway.audit..")
                .layer("Observability")
                .definedBy("..gateway.observability..")
                .layer("Background")
                .definedBy("..gateway.background..")
                .whereLayer("Application")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Catalog")
                .mayOnlyBeAccessedByLayers("Application")
                .whereLayer("Security")
                .mayOnlyBeAccessedByLayers("Application", "Catalog")
                .whereLayer("GraphiQL")
                .mayOnlyBeAccessedByLayers("Application")
                .whereLayer("Http")
                .mayOnlyBeAccessedByLayers("Application", "Catalog", "Security", "GraphiQL")
                .whereLayer("Execution")
                .mayOnlyBeAccessedByLayers("Application", "Catalog", "Security", "Http")
                .whereLayer("Completion")
                .mayOnlyBeAccessedByLayers("Catalog", "Execution")
                .whereLayer("Limits")
                .mayOnlyBeAccessedByLayers("Catalog", "Http", "Execution")
                .whereLayer("Planning")
                .mayOnlyBeAccessedByLayers("Http", "Execution")
                .whereLayer("Supergraph")
                .mayOnlyBeAccessedByLayers("Application", "Catalog", "Http", "Execution", "Planning")
                .whereLayer("Persisted")
                .mayOnlyBeAccessedByLayers("Application", "Http")
                .whereLayer("Audit")
                .mayOnlyBeAccessedByLayers("Application", "Catalog", "Security", "Http")
                .whereLayer("Observability")
                .mayOnlyBeAccessedByLayers("Application", "Http", "Execution")
                .whereLayer("Background")
                .mayOnlyBeAccessedByLayers("Catalog", "Security", "Http")
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
