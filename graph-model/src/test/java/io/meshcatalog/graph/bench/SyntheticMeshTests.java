package io.meshcatalog.graph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyntheticMeshTests {

    private static final MeshSpec SMALL = new MeshSpec(20_000, 4, 50, 3, 8, 2_000, 6, 7L);

    @Test
    void sizesFollowTheSpec() {
        SyntheticMesh mesh = SyntheticMesh.generate(SMALL);

        assertThat(mesh.products()).isEqualTo(5_000);
        assertThat(mesh.domains()).isEqualTo(100);
        assertThat(mesh.fields()).isEqualTo(60_000);
        assertThat(mesh.consumers()).isEqualTo(1_000);
        assertThat(mesh.datasetFeeds().size()).isBetween(20_000, 40_000);
        assertThat(mesh.fieldFeeds().size())
                .isBetween(mesh.datasetFeeds().size(), 2 * mesh.datasetFeeds().size());
    }

    @Test
    void theHubReachesExactlyHubReachNodesWithinTheDefaultDepth() {
        SyntheticMesh mesh = SyntheticMesh.generate(SMALL);
        InMemoryLineage graph = new InMemoryLineage(mesh);

        int datasetsAndConsumers =
                new InMemoryLineage(SyntheticMesh.generate(withoutFields(SMALL))).impact(mesh.hub(), 10);

        assertThat(datasetsAndConsumers).isEqualTo(2_000);
        assertThat(graph.impact(mesh.hub(), 10)).isGreaterThan(2_000);
    }

    @Test
    void theBenchmarkHubReachesAboutTenThousandNodes() {
        SyntheticMesh mesh = SyntheticMesh.generate(MeshSpec.of(100_000));

        assertThat(new InMemoryLineage(SyntheticMesh.generate(withoutFields(mesh.spec()))).impact(mesh.hub(), 10))
                .isEqualTo(10_000);
    }

    @Test
    void leavesFeedNoDataset() {
        SyntheticMesh mesh = SyntheticMesh.generate(withoutFields(SMALL));
        InMemoryLineage graph = new InMemoryLineage(mesh);

        assertThat(mesh.leaves()).hasSizeGreaterThan(1_000);
        assertThat(Arrays.stream(mesh.leaves())
                        .map(leaf -> graph.impact(leaf, 10))
                        .max()
                        .orElseThrow())
                .isLessThanOrEqualTo(8);
    }

    @Test
    void lineageIsAcyclicSoEveryWalkEndsBeforeTheDepthBound() {
        SyntheticMesh mesh = SyntheticMesh.generate(SMALL);
        InMemoryLineage graph = new InMemoryLineage(mesh);

        for (int dataset = 0; dataset < mesh.datasets(); dataset += 97) {
            assertThat(graph.impact(dataset, 50)).isEqualTo(graph.impact(dataset, 10));
        }
    }

    @Test
    void theSameSpecGivesTheSameMesh() {
        SyntheticMesh one = SyntheticMesh.generate(SMALL);
        SyntheticMesh two = SyntheticMesh.generate(SMALL);
        SyntheticMesh other = SyntheticMesh.generate(new MeshSpec(20_000, 4, 50, 3, 8, 2_000, 6, 8L));

        assertThat(two.fingerprint()).isEqualTo(one.fingerprint());
        assertThat(two.hub()).isEqualTo(one.hub());
        assertThat(Arrays.equals(two.leaves(), one.leaves())).isTrue();
        assertThat(other.fingerprint()).isNotEqualTo(one.fingerprint());
    }

    @Test
    void idsFollowTheCatalogGrammar() {
        SyntheticMesh mesh = SyntheticMesh.generate(SMALL);

        assertThat(new io.meshcatalog.graph.model.DatasetId(mesh.datasetId(12_345))
                        .domain()
                        .value())
                .isEqualTo(mesh.domainId(mesh.domainOf(mesh.productOf(12_345))));
        assertThat(new io.meshcatalog.graph.model.FieldRef(mesh.fieldId(12_345 * 3 + 2))
                        .dataset()
                        .value())
                .isEqualTo(mesh.datasetId(12_345));
        assertThat(new io.meshcatalog.graph.model.ProductId(mesh.productId(4_999))
                        .domain()
                        .value())
                .isEqualTo("dom99");
    }

    private static MeshSpec withoutFields(MeshSpec spec) {
        return new MeshSpec(
                spec.datasets(),
                spec.datasetsPerProduct(),
                spec.productsPerDomain(),
                0,
                spec.layers(),
                spec.hubReach(),
                spec.hubLevels(),
                spec.seed());
    }
}
