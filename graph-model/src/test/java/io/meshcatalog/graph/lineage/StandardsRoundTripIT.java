package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.descriptor.StandardsWriter;
import io.meshcatalog.graph.embedded.Neo4jIntegrationTest;
import io.meshcatalog.graph.model.DomainDescriptor;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * The demo mesh's five domains, imported, exported as ODPS products and ODCS contracts, and imported again: the same
 * catalog, to the last property, and no product sees a revision.
 */
@Neo4jIntegrationTest
class StandardsRoundTripIT {

    private final Driver driver;
    private final LineageStore store;

    StandardsRoundTripIT(Driver driver) {
        this.driver = driver;
        this.store = new LineageStore(
                driver, TraversalLimits.DEFAULT, new MutableClock(Instant.parse("2026-12-06T09:00:00Z")));
    }

    @Test
    void importExportImportLeavesTheSameCatalog() {
        store.initSchema();
        List<DomainDescriptor> demo = Fixtures.demo();
        demo.forEach(store::upsert);
        List<String> before = GraphFingerprint.of(driver);

        List<UpsertOutcome> again = demo.stream()
                .map(domain -> new DescriptorLoader()
                        .load("standards of " + domain.domain().id(), new StandardsWriter().write(domain)))
                .flatMap(domain -> store.upsert(domain).stream())
                .toList();

        assertThat(again).isNotEmpty().extracting(UpsertOutcome::change).containsOnly(UpsertOutcome.Change.UNCHANGED);
        assertThat(GraphFingerprint.of(driver)).isEqualTo(before);
    }
}
