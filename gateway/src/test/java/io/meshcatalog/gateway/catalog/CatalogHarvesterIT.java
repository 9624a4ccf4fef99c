package io.meshcatalog.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpServer;
import io.meshcatalog.gateway.audit.AuditEvent;
import io.meshcatalog.gateway.audit.AuditKind;
import io.meshcatalog.gateway.audit.AuditRecord;
import io.meshcatalog.gateway.audit.AuditSettings;
import io.meshcatalog.gateway.audit.FileAuditLog;
import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.gateway.execution.RequestContext;
import io.meshcatalog.gateway.execution.Role;
import io.meshcatalog.gateway.support.GatewayCalls;
import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.embedded.GraphConnection;
import io.meshcatalog.graph.embedded.GraphSettings;
import io.meshcatalog.graph.lineage.HarvestLeases;
import io.meshcatalog.graph.lineage.Lifecycle;
import io.meshcatalog.graph.lineage.LineageStore;
import io.meshcatalog.graph.lineage.NodeRef;
import io.meshcatalog.graph.lineage.ProductRevision;
import io.meshcatalog.graph.lineage.SchemaChange;
import io.meshcatalog.graph.lineage.TraversalLimits;
import io.meshcatalog.graph.model.ProductStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;
import tools.jackson.databind.json.JsonMapper;

/**
 * The harvest against a real subgraph over HTTP (a small server answering {@code catalogContract})
 * and a real embedded Neo4j: idempotent, a changed product gets a revision saying what changed, an
 * unreachable subgraph is reported while its products, and its descriptor for the vocabulary, stay,
 * and the schedule harvests again on its interval.
 */
class CatalogHarvesterIT {

    private static final String PRODUCT = "customers.contacts";

    @TempDir
    Path dataDir;

    /** One embedded Neo4j for the class, emptied before each test (starting one per test took most of its time). */
    @TempDir
    static Path graphDir;

    private static GraphConnection graph;

    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicReference<String> descriptor = new AtomicReference<>(fixture());
    private final AtomicInteger contractsServed = new AtomicInteger();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private HttpServer subgraph;
    private LineageStore store;
    private CatalogVocabulary vocabulary;
    private CatalogHarvester harvester;
    private FileAuditLog audit;

    @BeforeAll
    static void openGraph() {
        graph = GraphConnection.open(GraphSettings.embedded(graphDir));
    }

    @AfterAll
    static void closeGraph() {
        if (graph != null) {
            graph.close();
        }
    }

    @BeforeEach
    void start() throws IOException {
        subgraph = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        subgraph.createContext("/graphql", exchange -> {
            byte[] body = json.writeValueAsBytes(Map.of(
                    "data",
                    Map.of("catalogContract", Map.of("domain", "customers", "descriptorYaml", descriptor.get()))));
            contractsServed.incrementAndGet();
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        subgraph.start();
        try (Session session = graph.driver().session()) {
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
                    .consume();
        }
        audit = FileAuditLog.open(AuditSettings.in(dataDir.resolve("audit")));
        store = new LineageStore(graph.driver(), TraversalLimits.DEFAULT, Clock.systemUTC());
        store.initSchema();
        vocabulary = new CatalogVocabulary(store, new DescriptorLoader());
        String url = "http://127.0.0.1:" + subgraph.getAddress().getPort() + "/graphql";
        harvester = new CatalogHarvester(
                () -> List.of(new CatalogHarvester.Target(
                        "customers", "customers", url, Map.of("Authorization", "Bearer harvester"))),
                new HttpContractFetcher(GatewayCalls.httpClient(), Duration.ofSeconds(5)),
                new DescriptorLoader(),
                store,
                vocabulary,
                audit,
                new SharedHarvests(
                        new HarvestLeases(graph.driver(), Clock.systemUTC()),
                        "gateway-a",
                        Duration.ofMinutes(2),
                        Duration.ZERO,
                        Clock.systemUTC()),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        subgraph.stop(0);
        audit.close();
    }

    @Test
    void harvestingTwiceChangesNothingTheSecondTime() {
        assertThat(harvester.harvest()).containsExactly(HarvestOutcome.ok("customers", "customers", 1, 0, 0, 0));
        assertThat(authorization.get()).as("the subgraph's configured header").isEqualTo("Bearer harvester");
        assertThat(harvester.harvest()).containsExactly(HarvestOutcome.ok("customers", "customers", 0, 0, 1, 0));
        assertThat(store.history(Viewer.EVERYTHING, PRODUCT, 10)).hasSize(1);
    }

    @Test
    void aChangedSchemaBecomesANewRevisionSayingWhatChanged() {
        harvester.harvest();
        retypeCountry();

        assertThat(harvester.harvest()).containsExactly(HarvestOutcome.ok("customers", "customers", 0, 1, 0, 0));

        assertCountryRetypedInRevisionTwo();
        // The vocabulary re-reads a descriptor whose text changed (and only those).
        assertThat(vocabulary.index().dataset(PRODUCT).orElseThrow().fields())
                .filteredOn(field -> field.name().equals("country"))
                .singleElement()
                .extracting(field -> field.logicalType())
                .isEqualTo("integer");
    }

    @Test
    void theScheduleHarvestsAgainOnItsIntervalAndPicksUpAChangedSubgraph() throws InterruptedException {
        try (HarvestSchedule schedule = new HarvestSchedule(harvester, Duration.ofMillis(300))) {
            schedule.start();
            assertThat(schedule.isReady()).isTrue();
            assertThat(contractsServed.get()).isEqualTo(1);
            assertThat(store.history(Viewer.EVERYTHING, PRODUCT, 10)).hasSize(1);

            retypeCountry();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (store.history(Viewer.EVERYTHING, PRODUCT, 10).size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }

        assertThat(contractsServed.get()).isGreaterThanOrEqualTo(2);
        assertCountryRetypedInRevisionTwo();
    }

    @Test
    void aDomainAnotherGatewayIsHarvestingIsSkippedAndLeftToItUntilItsLeaseEnds() {
        HarvestLeases leases = new HarvestLeases(graph.driver(), Clock.systemUTC());
        assertThat(leases.claim("customers", "gateway-b", Duration.ofMinutes(2), null)
                        .claimed())
                .isTrue();

        List<HarvestOutcome> outcomes = harvester.harvest(RequestContext.internal("ana"), domain -> true);

        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo(HarvestOutcome.Status.SKIPPED);
            assertThat(outcome.error())
                    .startsWith("gateway gateway-b is harvesting domain customers (its lease runs until");
        });
        assertThat(contractsServed.get()).as("contracts asked for").isZero();

        leases.release("customers", "gateway-b", false);
        assertThat(harvester.harvest(RequestContext.internal("ana"), domain -> true))
                .extracting(HarvestOutcome::status)
                .containsExactly(HarvestOutcome.Status.OK);
    }

    @Test
    void aStoppingScheduleEndsTheLeasesItsGatewayHolds() {
        HarvestLeases leases = new HarvestLeases(graph.driver(), Clock.systemUTC());
        try (HarvestSchedule schedule = new HarvestSchedule(harvester, Duration.ZERO)) {
            schedule.start();
            leases.claim("customers", "gateway-a", Duration.ofMinutes(2), null); // as if it died in its next harvest
            assertThat(leases.claim("customers", "gateway-b", Duration.ofMinutes(2), null)
                            .claimed())
                    .isFalse();
        }
        assertThat(leases.claim("customers", "gateway-b", Duration.ofMinutes(2), null)
                        .claimed())
                .isTrue();
    }

    @Test
    void aZeroIntervalHarvestsOnlyAtStart() throws InterruptedException {
        try (HarvestSchedule schedule = new HarvestSchedule(harvester, Duration.ZERO)) {
            schedule.start();
            Thread.sleep(1_000);
        }
        assertThat(contractsServed.get()).isEqualTo(1);
    }

    @Test
    void anUnreachableSubgraphIsReportedAndKeepsItsProducts() {
        harvester.harvest();
        subgraph.stop(0);

        List<HarvestOutcome> outcomes = harvester.harvest();

        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.ok()).isFalse();
            assertThat(outcome.error()).contains("unreachable");
        });
        assertThat(store.product(Viewer.EVERYTHING, PRODUCT)).isPresent();
        assertThat(vocabulary.index().product(PRODUCT)).isPresent();
    }

    @Test
    void theHarvestedDescriptorIsStoredSoAFreshVocabularyRebuildsFromTheGraph() {
        harvester.harvest();
        assertThat(vocabulary.index().dataset(PRODUCT)).isPresent();
        assertThat(store.descriptors(Viewer.EVERYTHING)).containsEntry("customers", descriptor.get());

        CatalogVocabulary restarted = new CatalogVocabulary(store, new DescriptorLoader());
        restarted.refresh();

        assertThat(restarted.index().dataset(PRODUCT).orElseThrow().fields())
                .extracting(field -> field.name())
                .contains("country");
    }

    @Test
    void aBadDescriptorIsReportedWithItsProblemAndStoresNothing() {
        descriptor.set("apiVersion: meshcatalog/v1\nkind: Domain\n");

        List<HarvestOutcome> outcomes = harvester.harvest();

        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.ok()).isFalse();
            assertThat(outcome.error()).contains("catalogContract of subgraph customers");
        });
        assertThat(store.product(Viewer.EVERYTHING, PRODUCT)).isEmpty();
    }

    @Test
    void everyHarvestIsInTheAuditLogWithWhoAskedAndItsOutcome() {
        harvester.harvest();
        harvester.harvest(
                new RequestContext(
                        new Caller(
                                "ana",
                                Set.of("customers-team"),
                                Set.of(),
                                Set.of(Role.DOMAIN_MEMBER),
                                Set.of(),
                                "api-key",
                                "k1"),
                        Map.of(),
                        "10.0.0.7"),
                domain -> domain.equals("customers"));
        harvester.harvest(RequestContext.internal("gateway"), domain -> domain.equals("marketing"));

        List<AuditRecord> records =
                audit.reader().page(0, Set.of(AuditKind.HARVEST), null, 10).records();
        assertThat(records)
                .extracting(
                        r -> r.event().actor(),
                        r -> r.event().source(),
                        r -> r.event().target(),
                        r -> r.event().outcome())
                .containsExactly(
                        tuple("gateway", "", "customers", AuditEvent.SUCCESS),
                        tuple("ana", "10.0.0.7", "customers", AuditEvent.SUCCESS));
        assertThat(records.get(0).event().details())
                .containsEntry("domain", "customers")
                .containsEntry("created", 1L);
    }

    @Test
    void aSubgraphPublishingAnotherDomainThanItsOwnFailsAndStoresNothing() {
        harvester.harvest();
        // the customers subgraph now claims the marketing domain, with a product of its own there
        descriptor.set(fixture().replace("customers", "marketing"));

        List<HarvestOutcome> outcomes = harvester.harvest();

        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.ok()).isFalse();
            assertThat(outcome.error())
                    .isEqualTo("subgraph customers published domain 'marketing' but is bound to domain "
                            + "'customers' (catalog.domains.customers); nothing it sent was stored");
        });
        assertThat(store.product(Viewer.EVERYTHING, "marketing.contacts")).isEmpty();
        assertThat(store.descriptors(Viewer.EVERYTHING)).containsOnlyKeys("customers");
        assertThat(store.history(Viewer.EVERYTHING, PRODUCT, 10)).hasSize(1);
    }

    /** The subgraph's descriptor from now on types customers.contacts.country as an integer. */
    @Test
    void aProductItsDomainNoLongerDeclaresIsRetiredAndStillServedAsRetired() {
        String segments = """
          - id: customers.segments
            name: Segments
            status: active
            schema:
              - name: segments
                properties:
                  - {name: segment, logicalType: string}
        """;
        descriptor.set(fixture() + segments);
        harvester.harvest();
        descriptor.set(fixture());

        assertThat(harvester.harvest()).containsExactly(HarvestOutcome.ok("customers", "customers", 0, 0, 1, 1));

        Lifecycle lifecycle = store.lifecycle(Viewer.EVERYTHING, List.of(NodeRef.product("customers.segments")))
                .get(NodeRef.product("customers.segments"));
        assertThat(lifecycle.status()).isEqualTo(ProductStatus.RETIRED);
        assertThat(lifecycle.retiredBy()).isEqualTo("harvest of subgraph customers by gateway");
        assertThat(store.history(Viewer.EVERYTHING, "customers.segments", 1)
                        .get(0)
                        .harvest())
                .isEqualTo("harvest of subgraph customers by gateway");
        assertThat(vocabulary.index().product("customers.segments"))
                .as("its last declaration is still served")
                .hasValueSatisfying(product -> assertThat(product.status()).isEqualTo("RETIRED"));

        descriptor.set(fixture() + segments);
        assertThat(harvester.harvest())
                .as("declared again, it comes back")
                .containsExactly(HarvestOutcome.ok("customers", "customers", 0, 1, 1, 0));
        assertThat(vocabulary
                        .index()
                        .product("customers.segments")
                        .orElseThrow()
                        .status())
                .isEqualTo("ACTIVE");
    }

    @Test
    void aDescriptorWithoutProductsFailsItsHarvestAndRetiresNothing() {
        harvester.harvest();
        descriptor.set(fixture().substring(0, fixture().indexOf("products:")) + "products: []\n");

        assertThat(harvester.harvest()).singleElement().satisfies(outcome -> {
            assertThat(outcome.ok()).isFalse();
            assertThat(outcome.error()).startsWith("the descriptor of domain customers declares no product");
        });
        assertThat(store.lifecycle(Viewer.EVERYTHING, List.of(NodeRef.product(PRODUCT)))
                        .get(NodeRef.product(PRODUCT))
                        .status())
                .isEqualTo(ProductStatus.ACTIVE);
    }

    private void retypeCountry() {
        String country = "- name: country\n            logicalType: ";
        assertThat(fixture()).contains(country + "string");
        descriptor.set(fixture().replace(country + "string", country + "integer"));
    }

    private void assertCountryRetypedInRevisionTwo() {
        List<ProductRevision> history = store.history(Viewer.EVERYTHING, PRODUCT, 10);
        assertThat(history).extracting(ProductRevision::number).containsExactly(2, 1);
        assertThat(history.get(0).changes())
                .contains(new SchemaChange(
                        SchemaChange.Kind.FIELD_RETYPED, "customers.contacts.country", "string", "integer"));
    }

    private static String fixture() {
        try (InputStream in = CatalogHarvesterIT.class.getResourceAsStream("/harvest/customers.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
