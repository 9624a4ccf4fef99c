package io.meshcatalog.subgraphs.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.embedded.GraphConnection;
import io.meshcatalog.graph.embedded.GraphSettings;
import io.meshcatalog.graph.lineage.BrokenItem;
import io.meshcatalog.graph.lineage.ChangeImpactReport;
import io.meshcatalog.graph.lineage.FieldChange;
import io.meshcatalog.graph.lineage.FieldView;
import io.meshcatalog.graph.lineage.ImpactReport;
import io.meshcatalog.graph.lineage.LineageNode;
import io.meshcatalog.graph.lineage.LineageStore;
import io.meshcatalog.graph.lineage.NodeKind;
import io.meshcatalog.graph.lineage.NodeRef;
import io.meshcatalog.graph.lineage.Owner;
import io.meshcatalog.graph.lineage.SearchHit;
import io.meshcatalog.graph.lineage.SearchQuery;
import io.meshcatalog.graph.lineage.TeamToNotify;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The questions of the architecture's demo, each answered in one call to the lineage store loaded
 * with the five demo descriptors: the descriptors must tell these stories.
 */
class DemoCatalogIT {

    /** The stories are told as an admin reads them: every product. */
    private static final Viewer ADMIN = Viewer.EVERYTHING;

    private static final List<String> DOMAINS = List.of("orders", "shipping", "customers", "marketing", "finance");

    @TempDir
    static Path home;

    private static GraphConnection connection;
    private static LineageStore store;

    @BeforeAll
    static void loadTheDemoMesh() throws Exception {
        connection = GraphConnection.open(new GraphSettings(null, "neo4j", "", home, 0, 64L * 1024 * 1024));
        store = new LineageStore(connection.driver());
        store.initSchema();
        DescriptorLoader loader = new DescriptorLoader();
        for (String domain : DOMAINS) {
            String resource = "/io/meshcatalog/subgraphs/" + domain + "/" + domain + ".yaml";
            try (Reader reader =
                    new InputStreamReader(DemoCatalogIT.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
                store.upsert(loader.load(resource, reader));
            }
        }
    }

    @AfterAll
    static void close() {
        connection.close();
    }

    @Test
    void whoOwnsShippedOnAndWhatDoesItMean() {
        FieldView shippedOn = store.field(ADMIN, "orders.orders.shipped_on").orElseThrow();

        assertThat(shippedOn.description())
                .contains("LOGISTICS PARTNER")
                .contains("Null for returned and re-shipped")
                .contains("orders.returns");
        assertThat(store.field(ADMIN, "orders.orders.shipped_at").orElseThrow().description())
                .isNotEqualTo(shippedOn.description());
        assertThat(store.owners(ADMIN, "orders.orders")).extracting(Owner::team).containsExactly("orders-team");
    }

    @Test
    void whatBreaksAndWhomToTellIfShippedOnIsRenamed() {
        ChangeImpactReport report = store.changeImpact(
                ADMIN, List.of(FieldChange.rename("orders.orders.shipped_on", "partner_shipped_on")), null);

        assertThat(report.breaks())
                .extracting(BrokenItem::node)
                .extracting(LineageNode::kind, LineageNode::id)
                .contains(
                        tuple(NodeKind.PRODUCT, "shipping.delay_predictions"),
                        tuple(NodeKind.PRODUCT, "finance.delay_cost"),
                        tuple(NodeKind.CONSUMER, "operations.fulfillment_dashboard"),
                        tuple(NodeKind.CONSUMER, "finance.quarterly_report"));
        assertThat(report.ownersToNotify())
                .extracting(TeamToNotify::team)
                .contains("shipping-team", "finance-team", "operations-team")
                .doesNotContain("growth-team", "crm-team");
    }

    @Test
    void findEverythingAboutDelays() {
        List<SearchHit> hits =
                store.search(ADMIN, SearchQuery.text("delays").page(0, 50)).hits();

        assertThat(hits).extracting(SearchHit::product).contains("shipping.delay_predictions", "finance.delay_cost");
        assertThat(hits.get(0).product()).isIn("shipping.delay_predictions", "finance.delay_cost");
    }

    @Test
    void whichExternalDestinationsReceiveCrmData() {
        ImpactReport impact = store.impact(ADMIN, NodeRef.product("customers.contacts"), null);

        assertThat(impact.ofKind(NodeKind.CONSUMER))
                .filteredOn(LineageNode::external)
                .extracting(LineageNode::id)
                .containsExactlyInAnyOrder("marketing.facebook_ads_audience", "marketing.google_ads_audience");
        assertThat(impact.ofKind(NodeKind.PRODUCT)).extracting(LineageNode::id).contains("marketing.lead_acquisition");
    }
}
