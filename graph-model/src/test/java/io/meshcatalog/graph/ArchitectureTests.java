package io.meshcatalog.graph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.meshcatalog.graph.health.FreshnessSla;
import org.junit.jupiter.api.Test;

/**
 * Every class of the graph model is in one layer, and dependencies point from the store down to the vocabulary it
 * stores; the procedures run inside Neo4j and stand alone.
 */
class ArchitectureTests {

    private static final JavaClasses GRAPH_MODEL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.meshcatalog.graph");

    /**
     * The lineage store reads and writes everything below it; the embedded Neo4j, the vocabulary's index and the API
     * keys are used from outside only; descriptors, templates, OpenLineage events and health are pure readings of
     * their inputs over the model.
     */
    @Test
    void layersDependDownwardsOnly() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture()
                .layer("Embedded")
                .definedBy("..graph.embedded..")
                .layer("Lineage")
                .definedBy("..graph.lineage..")
                .layer("Vocabulary")
                .definedBy("..graph.vocabulary..")
                .layer("Keys")
                .definedBy("..graph.keys..")
                .layer("Template")
                .definedBy("..graph.template..")
                .layer("OpenLineage")
                .definedBy("..graph.openlineage..")
                .layer("Health")
                .definedBy("..graph.health..")
                .layer("Descriptor")
                .definedBy("..graph.descriptor..")
                .layer("Access")
                .definedBy("..graph.access..")
                .layer("Model")
                .definedBy("..graph.model..")
                .layer("Procedures")
                .definedBy("..graph.procedures..")
                .whereLayer("Embedded")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Lineage")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Vocabulary")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Keys")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Template")
                .mayOnlyBeAccessedByLayers("Lineage")
                .whereLayer("OpenLineage")
                .mayOnlyBeAccessedByLayers("Lineage")
                .whereLayer("Health")
                .mayOnlyBeAccessedByLayers("Lineage", "Procedures")
                .whereLayer("Descriptor")
                .mayOnlyBeAccessedByLayers("Lineage", "Template")
                .whereLayer("Access")
                .mayOnlyBeAccessedByLayers("Lineage", "Vocabulary")
                .whereLayer("Model")
                .mayOnlyBeAccessedByLayers(
                        "Lineage", "Vocabulary", "Template", "OpenLineage", "Health", "Descriptor", "Access")
                .whereLayer("Procedures")
                .mayOnlyBeAccessedByLayers("Embedded", "Lineage")
                .check(GRAPH_MODEL);
    }

    /**
     * The plugin jar a Neo4j server loads holds the procedures and the health rule alone, and the server gives it
     * nothing but the JDK and Neo4j (Lucene is Neo4j's): a procedure that used anything else would fail there, not in
     * the embedded Neo4j of the tests.
     */
    @Test
    void theProceduresNeedOnlyTheJdkNeo4jAndTheHealthRule() {
        classes()
                .that()
                .resideInAPackage("..graph.procedures..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "org.neo4j..",
                        "org.apache.lucene..",
                        "org.jspecify..",
                        "..graph.procedures..",
                        "..graph.health..")
                .check(GRAPH_MODEL);
        classes()
                .that()
                .resideInAPackage("..graph.health..")
                .and()
                .areNotAssignableTo(FreshnessSla.class)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.jspecify..", "..graph.health..")
                .because("the plugin jar carries the health rule without the model; reading an SLA is the store's")
                .check(GRAPH_MODEL);
    }
}
