package io.meshcatalog.gateway.catalog;

import static io.meshcatalog.gateway.catalog.DemoMesh.value;
import static io.meshcatalog.gateway.catalog.DemoMesh.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo mesh end to end, as {@code java -jar gateway.jar --demo} runs it: the domain subgraphs
 * jar as a child process over real HTTP, the gateway composing them with its catalog, the catalog
 * over an embedded Neo4j harvested at start. Every saved operation of {@code queries/} runs against
 * it, as the demo persona its {@code # headers:} line names (or anonymously), and tells its story (the README's
 * "Saved queries"). The last test restarts the catalog alone over the same graph.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoMeshIT {

    /** The demo domains' sensitive fields, each under the directive its domain gave it (domain-subgraphs README). */
    private static final String PROTECTED = "{ customersProducts { id marketingConsentRate }"
            + " marketingProducts { id adSpendLastMonth { amount currency } }"
            + " financeProducts { id runCostLastMonth { amount currency } } }";

    @TempDir
    static Path dataDir;

    private static DemoMesh mesh;

    @BeforeAll
    static void startMesh() {
        mesh = DemoMesh.start(dataDir.resolve("neo4j"), "--catalog.notifications.interval=300ms");
    }

    @AfterAll
    static void stopMesh() {
        if (mesh != null) {
            mesh.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFailedRunOfTheDelayPredictorPutsTheDelayCostAtRiskAndTellsFinanceOnce() throws Exception {
        String failed = """
        {"eventType": "FAIL", "eventTime": "%s",
         "producer": "https://example.com/scheduler", "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json",
         "job": {"namespace": "shipping-ml", "name": "delay_predictions.score"},
         "run": {"runId": "5c2d7e91-0b1a-4f3e-9d2c-6e7f8a9b0c1d",
                 "facets": {"errorMessage": {"message": "feature store timed out", "programmingLanguage": "PYTHON"}}},
         "inputs": [], "outputs": [{"namespace": "warehouse", "name": "analytics.shipping.delay_predictions"}]}
        """.formatted(java.time.Instant.now());
        assertThat(mesh.postAs(DemoMesh.ADMIN_KEY, "/api/v1/lineage", failed).statusCode())
                .isEqualTo(201);

        Map<String, Object> data = mesh.graphqlAs(
                DemoMesh.ADMIN_KEY,
                "{ dataProduct(id: \"finance.delay_cost\") {"
                        + " upstreamIssues { id kind health { status reason } } }"
                        + " predictions: dataset(id: \"shipping.delay_predictions\") { health { status reason } } }");
        assertThat(data).doesNotContainKey("errors");
        assertThat(value(data, "data.predictions.health.status")).isEqualTo("FAILING");
        assertThat(values(data, "data.dataProduct.upstreamIssues.![id]")).contains("shipping.delay_predictions");
        assertThat(values(data, "data.dataProduct.upstreamIssues.![health.status]"))
                .containsOnly("FAILING");
        Map<String, Object> search = mesh.graphqlAs(
                DemoMesh.ADMIN_KEY,
                "{ search(filter: {health: FAILING}) {"
                        + " edges { node { kind id health } } facets { health { value count } } } }");
        assertThat(values(search, "data.search.edges.![node.id]")).contains("shipping.delay_predictions");
        assertThat(values(search, "data.search.edges.![node.health]")).containsOnly("FAILING");
        assertThat(values(search, "data.search.facets.health.![value]")).containsExactly("FAILING");

        // the demo points each domain team's webhook at its domain subgraph's inbox
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (mesh.inbox("finance").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(1_500); // five more rounds: nothing is sent twice
        List<Object> received = mesh.inbox("finance");
        assertThat(received).as("the finance team's webhook").hasSize(1);
        Map<String, Object> notification = (Map<String, Object>) received.get(0);
        assertThat(notification)
                .containsEntry("kind", "FAILING")
                .containsEntry("team", "finance-team")
                .containsEntry("subject", "shipping.delay_predictions");
        assertThat((List<String>) notification.get("affected")).contains("finance.delay_cost");
        assertThat((String) notification.get("reason")).contains("5c2d7e91-0b1a-4f3e-9d2c-6e7f8a9b0c1d");

        Map<String, Object> told = mesh.graphqlAs(
                DemoMesh.ADMIN_KEY,
                "{ notifications(team: \"finance-team\") { kind subject state attempts affected } }");
        assertThat(values(told, "data.notifications.![state]")).containsExactly("SENT");
        assertThat(values(told, "data.notifications.![attempts]")).containsExactly(1);
        Map<String, Object> others = mesh.graphqlAs(DemoMesh.ADMIN_KEY, "{ notifications { team state } }");
        assertThat(values(others, "data.notifications.?[team == 'operations-team'].![state]"))
                .as("a team without a webhook")
                .containsExactly("UNROUTED");
        assertThat(values(mesh.graphqlAs(DemoMesh.ANALYST_KEY, "{ notifications { team } }"), "data.notifications"))
                .as("the analyst is in no team told")
                .isEmpty();
    }

    @Test
    void everySavedQueryAnswersWithDataAndNoErrors() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(DemoMesh.QUERIES)) {
            files = listing.filter(p -> p.toString().endsWith(".graphql"))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        for (Path file : files) {
            Map<String, Object> response = mesh.saved(file.getFileName().toString());
            assertThat(response).as(file.toString()).doesNotContainKey("errors");
            assertThat(response.get("data")).as(file.toString()).isInstanceOf(Map.class);
        }
    }

    @Test
    void theImpactOfShippedOnIsAGraphWithBothInputsOfEachColumn() {
        Map<String, Object> data = data("shipped-on-lineage-graph.graphql");
        List<Object> edges = values(data, "impact.edges.![from['id'] + ' > ' + to['id'] + ' ' + kind]");
        assertThat(edges)
                .contains(
                        "orders.orders.shipped_on > shipping.delay_predictions.predicted_delay_days FEEDS",
                        // expected_compensation is computed from both prediction columns: each is an edge, where a path
                        // names one
                        "shipping.delay_predictions.predicted_delay_days > finance.delay_cost.expected_compensation FEEDS",
                        "shipping.delay_predictions.delay_probability > finance.delay_cost.expected_compensation FEEDS",
                        "finance.delay_cost.expected_compensation > finance.delay_cost PART_OF");
        assertThat(values(data, "impact.nodes.?[kind == 'DATASET'].![productId]"))
                .doesNotContainNull();
    }

    @Test
    void aTraversalTooDeepForTheCostBudgetIsRefusedBeforeTheGraphIsRead() {
        String impact = "impact(of: {kind: FIELD, id: \"orders.orders.shipped_on\"}, depth: %d) { nodes { id } "
                + "products { id } datasets { id } fields { id } consumers { id } }";
        assertThat(mesh.graphqlAs(DemoMesh.ANALYST_KEY, "{ " + impact.formatted(20) + " }"))
                .doesNotContainKey("errors");
        Map<String, Object> refused = mesh.graphqlAs(DemoMesh.ANALYST_KEY, "{ " + impact.formatted(400) + " }");
        assertThat(values(refused, "errors.![extensions['code']]")).containsExactly("COST_ESTIMATED_TOO_EXPENSIVE");
        assertThat(values(refused, "errors.![message]").get(0).toString()).contains("gateway.limits.max-cost 5000");
        assertThat(refused).doesNotContainKey("data");
    }

    @Test
    void delaysAreFoundInShippingAndFinance() {
        Map<String, Object> data = data("find-products-about-delays.graphql");
        assertThat(values(data, "search.edges.![node.id]"))
                .contains("shipping.delay_predictions", "finance.delay_cost");
        assertThat(values(data, "search.facets.domain.![value]")).contains("shipping", "finance");
        assertThat(values(data, "search.facets.kind.![value]")).contains("PRODUCT", "FIELD");

        // facets are counted only when asked for, here through a fragment: the same hits and total without them
        Map<String, Object> withFacets = mesh.graphqlAs(
                DemoMesh.ANALYST_KEY,
                "{ search(text: \"delay\", first: 10) { totalCount"
                        + " edges { node { id } } ...Counts } } fragment Counts on SearchConnection { facets { kind { count } } }");
        Map<String, Object> without = mesh.graphqlAs(
                DemoMesh.ANALYST_KEY, "{ search(text: \"delay\", first: 10) { totalCount edges { node { id } } } }");
        assertThat(value(without, "data.search")).isEqualTo(withoutFacets(value(withFacets, "data.search")));
        assertThat(values(withFacets, "data.search.facets.kind.![count]")).isNotEmpty();
        assertThat((Integer) value(without, "data.search.totalCount")).isGreaterThan(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutFacets(Object search) {
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) search);
        copy.remove("facets");
        return copy;
    }

    @Test
    void shippedOnIsOwnedByOrdersAndExplainsWhyItIsNullForReturns() {
        long datasetReads = statements("dataset-by-id");
        long productReads = statements("product-by-id");
        Map<String, Object> data = data("who-owns-shipped-on.graphql");
        assertThat(value(data, "field.owners.![name]")).isEqualTo(List.of("orders-team"));
        assertThat((String) value(data, "field.description")).contains("Null for returned", "orders.returns");
        assertThat(value(data, "field.product.id")).isEqualTo("orders.orders");
        // the field's product and its owners both need its dataset and product: one query reads each once
        assertThat(statements("dataset-by-id") - datasetReads)
                .as("dataset reads")
                .isEqualTo(1);
        assertThat(statements("product-by-id") - productReads)
                .as("product reads")
                .isEqualTo(1);
    }

    /** How many times the gateway ran a named Cypher statement so far, as /metrics counts them. */
    private static long statements(String name) {
        io.micrometer.core.instrument.Timer timer = io.micrometer.core.instrument.Metrics.globalRegistry
                .find("meshcatalog.cypher")
                .tags("statement", name, "outcome", "success")
                .timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void renamingShippedOnBreaksTheDelayPredictorAndTheDelayCost() {
        Map<String, Object> data = data("rename-shipped-on-impact.graphql");
        assertThat(values(data, "changeImpact.breaks.![node.id]"))
                .contains("shipping.delay_predictions", "finance.delay_cost");
        assertThat(values(data, "changeImpact.ownersToNotify.![team]")).contains("shipping-team", "finance-team");
    }

    @Test
    void crmDataReachesFacebookAndGoogleAdsOutsideTheMesh() {
        Map<String, Object> data = data("crm-external-destinations.graphql");
        assertThat(values(data, "impact.consumers.?[external == true].![name]"))
                .anySatisfy(name -> assertThat(name).asString().contains("Facebook Ads"))
                .anySatisfy(name -> assertThat(name).asString().contains("Google Ads"));
    }

    @Test
    void aHarvestedProductHasItsCreationAsFirstRevision() {
        Map<String, Object> data = data("product-history.graphql");
        List<?> history = (List<?>) value(data, "dataProduct.history");
        assertThat(history).isNotEmpty();
        String first = "dataProduct.history[" + (history.size() - 1) + "]";
        assertThat(value(data, first + ".changes[0].kind")).isEqualTo("CREATED");
        assertThat(value(data, first + ".harvest")).isEqualTo("harvest of subgraph shipping by gateway");
        assertThat((String) value(data, first + ".descriptor"))
                .contains("id: shipping.delay_predictions", "apiVersion: meshcatalog/v1");
        assertThat(value(data, "dataProduct.lifecycle.status")).isEqualTo("ACTIVE");
    }

    @Test
    void oneQueryMixesShippingsOwnFieldsWithTheCatalogsLineage() {
        Map<String, Object> data = data("shipping-delays-with-impact.graphql");
        String predictor = "shippingProducts.?[id == 'shipping.delay_predictions'][0]";
        assertThat(value(data, predictor + ".onTimeRate")).isInstanceOf(Number.class);
        assertThat(values(data, predictor + ".downstream.![id]")).contains("finance.delay_cost");
        assertThat(values(data, predictor + ".ownersToNotify.![team]")).contains("finance-team");
    }

    @Test
    void contactsHoldPersonalDataEveryFieldWithItsClassification() {
        Map<String, Object> data = data("what-a-dataset-holds.graphql");
        assertThat(values(data, "dataset.fields.?[classification == 'PII'].![name]"))
                .contains("email", "full_name");
        assertThat(values(data, "dataset.fields.![classification]")).doesNotContainNull();
        assertThat(value(data, "dataset.product.owner.name")).isEqualTo("crm-team");
    }

    @Test
    void catalogRootedVocabularyFieldsOfEveryDomainAreAnsweredByTheCatalogAlone() {
        Map<String, String> productOfDataset = Map.of(
                "customers.contacts",
                "customers.contacts",
                "shipping.delay_predictions",
                "shipping.delay_predictions",
                "marketing.lead_audience",
                "marketing.lead_acquisition",
                "finance.delay_cost",
                "finance.delay_cost",
                "orders.returns",
                "orders.returns");
        productOfDataset.forEach((datasetId, productId) -> {
            Map<String, Object> dataset = mesh.graphqlWithPlan("{ dataset(id: \"" + datasetId
                    + "\") { id name productId" + " fields { name classification examples examplesWithheld } } }");
            assertThat(dataset).as(datasetId).doesNotContainKey("errors");
            assertThat(value(dataset, "data.dataset.productId")).as(datasetId).isEqualTo(productId);
            assertThat(values(dataset, "data.dataset.fields.![name]"))
                    .as(datasetId)
                    .isNotEmpty();
            assertThat(onlyTheCatalogIsAsked(dataset)).as(datasetId).isTrue();

            Map<String, Object> product = mesh.graphqlWithPlan("{ dataProduct(id: \"" + productId + "\") { visibility"
                    + " datasets { id } inputPorts { name datasetId } outputPorts { name } consumers { id kind purpose }"
                    + " sla { property }"
                    + " domain { id owner { name } } } }");
            assertThat(product).as(productId).doesNotContainKey("errors");
            assertThat(values(product, "data.dataProduct.datasets.![id]"))
                    .as(productId)
                    .contains(datasetId);
            assertThat(value(product, "data.dataProduct.domain.id"))
                    .as(productId)
                    .isEqualTo(productId.substring(0, productId.indexOf('.')));
            assertThat(onlyTheCatalogIsAsked(product)).as(productId).isTrue();
        });
        Map<String, Object> marketing = mesh.graphqlAs(
                DemoMesh.ANALYST_KEY,
                "{ dataProduct(id: \"marketing.lead_acquisition\") {"
                        + " visibility inputPorts { datasetId } consumers { kind external destination purpose } } }");
        assertThat(value(marketing, "data.dataProduct.visibility")).isEqualTo("INTERNAL");
        assertThat(values(marketing, "data.dataProduct.consumers.?[external == true].![purpose]"))
                .containsExactly("advertising-audiences", "search-advertising");
        assertThat(values(marketing, "data.dataProduct.inputPorts.![datasetId]"))
                .containsExactly("customers.contacts");
        assertThat(values(marketing, "data.dataProduct.consumers.?[external == true].![kind]"))
                .containsOnly("REVERSE_ETL")
                .hasSize(2);
    }

    @Test
    void personalDataShowsNoExamplesWithoutThePiiScopeWhereverTheyAreAsked() {
        // the owning team sees its private product, but not the e-mails: that needs the pii:read scope
        Map<String, Object> catalog = mesh.graphqlAs(
                DemoMesh.CRM_KEY,
                "{ dataset(id: \"customers.contacts\") { fields { name examples" + " examplesWithheld } } }");
        assertThat(values(catalog, "data.dataset.fields.?[name == 'email'].![examplesWithheld]"))
                .containsExactly(true);
        assertThat(values(catalog, "data.dataset.fields.?[name == 'country'][0].examples"))
                .containsExactly("PT", "DE");

        Map<String, Object> domain = mesh.graphqlAs(
                DemoMesh.CRM_KEY,
                "{ customersProducts { visibility datasets { fields { name examples" + " examplesWithheld } } } }");
        assertThat(domain).doesNotContainKey("errors");
        assertThat(values(domain, "data.customersProducts.![visibility]")).containsExactly("PRIVATE");
        assertThat(values(domain, "data.customersProducts[0].datasets[0].fields.?[name == 'email'].![examples]"))
                .containsExactly(List.of());
    }

    private static boolean onlyTheCatalogIsAsked(Map<String, Object> response) {
        String plan = (String) value(response, "extensions.queryPlan");
        return plan.contains("Fetch(service: \"catalog\")") && plan.indexOf("Fetch(") == plan.lastIndexOf("Fetch(");
    }

    /** Last: stops the mesh and starts the catalog alone over its graph, with every domain subgraph down. */
    @Test
    @Order(Integer.MAX_VALUE)
    void afterARestartWithItsSubgraphDownTheCatalogStillAnswersADomainsVocabulary() {
        mesh.close();
        mesh = DemoMesh.catalogOnly(dataDir.resolve("neo4j"));

        Map<String, Object> response = mesh.graphqlWithPlan("{ dataset(id: \"customers.contacts\") { id"
                + " fields { name classification } } dataProduct(id: \"marketing.lead_acquisition\") {"
                + " inputPorts { datasetId } datasets { id } } }");

        assertThat(response).doesNotContainKey("errors");
        assertThat(values(response, "data.dataset.fields.?[classification == 'PII'].![name]"))
                .contains("email");
        assertThat(values(response, "data.dataProduct.inputPorts.![datasetId]")).containsExactly("customers.contacts");
        assertThat(onlyTheCatalogIsAsked(response)).isTrue();
    }

    @Test
    void catalogProductCarriesDomainFieldsFromItsSubgraph() {
        Map<String, Object> response = mesh.graphqlAs(
                DemoMesh.ANALYST_KEY,
                "{ dataProduct(id: \"shipping.delay_predictions\") { name owner { name } onTimeRate } }");
        assertThat(response).doesNotContainKey("errors");
        assertThat(value(response, "data.dataProduct.name")).isEqualTo("Shipping delay predictions");
        assertThat(value(response, "data.dataProduct.onTimeRate")).isInstanceOf(Number.class);
    }

    @Test
    void refreshingAnUnchangedMeshChangesNothing() {
        Map<String, Object> response = mesh.graphqlAs(
                DemoMesh.ADMIN_KEY,
                "mutation { refreshCatalog { subgraphs { subgraph status created updated unchanged error } } }");
        assertThat(response).doesNotContainKey("errors");
        assertThat(values(response, "data.refreshCatalog.subgraphs.![subgraph]"))
                .containsExactly("orders", "shipping", "customers", "marketing", "finance");
        assertThat(values(response, "data.refreshCatalog.subgraphs.![status]")).containsOnly("OK");
        assertThat(values(response, "data.refreshCatalog.subgraphs.![created + updated]"))
                .containsOnly(0);
    }

    @Test
    void callersWithoutTheRightsGetTheDomainsProtectedFieldsRemovedEachWithAnError() {
        Map<String, Object> anonymous = mesh.graphql(PROTECTED);
        assertThat(values(anonymous, "errors.![extensions['code']]"))
                .containsOnly("UNAUTHORIZED_FIELD_OR_TYPE")
                .hasSize(3);
        assertThat(values(anonymous, "errors.![path]"))
                .containsExactlyInAnyOrder(
                        List.of("customersProducts", "@", "marketingConsentRate"),
                        List.of("marketingProducts", "@", "adSpendLastMonth"),
                        List.of("financeProducts", "@", "runCostLastMonth"));
        assertThat(values(anonymous, "data.marketingProducts.![adSpendLastMonth]"))
                .allMatch(Objects::isNull);

        // The CRM engineer is signed in (the spend is for any signed-in caller) but holds no scope.
        Map<String, Object> engineer = mesh.graphqlWithPlan(DemoMesh.CRM_KEY, PROTECTED);
        assertThat(values(engineer, "errors.![path]"))
                .containsExactlyInAnyOrder(
                        List.of("customersProducts", "@", "marketingConsentRate"),
                        List.of("financeProducts", "@", "runCostLastMonth"));
        assertThat(values(engineer, "data.customersProducts.![id]")).containsExactly("customers.contacts");
        assertThat(values(engineer, "data.customersProducts.![marketingConsentRate]"))
                .containsOnlyNulls();
        assertThat(values(engineer, "data.financeProducts.![runCostLastMonth]"))
                .isNotEmpty()
                .containsOnlyNulls();
        assertThat((String) value(engineer, "extensions.queryPlan"))
                .as("removed before planning: no subgraph is asked")
                .doesNotContain("marketingConsentRate", "runCostLastMonth")
                .contains("adSpendLastMonth");

        Map<String, Object> throughTheCatalog = mesh.graphqlAs(
                DemoMesh.CRM_KEY, "{ dataProduct(id: \"customers.contacts\") { name marketingConsentRate } }");
        assertThat(value(throughTheCatalog, "data.dataProduct.name")).isNotNull();
        assertThat(values(throughTheCatalog, "errors.![path]"))
                .containsExactly(List.of("dataProduct", "marketingConsentRate"));
    }

    @Test
    void authenticatedCallerReadsTheSpendButNotWhatNeedsAScope() {
        Map<String, Object> response = mesh.graphqlAs(DemoMesh.ANALYST_KEY, PROTECTED);

        assertThat(value(response, "data.marketingProducts[0].adSpendLastMonth.amount"))
                .isEqualTo(18450.0);
        assertThat(values(response, "errors.![path]"))
                .containsExactlyInAnyOrder(
                        List.of("customersProducts", "@", "marketingConsentRate"),
                        List.of("financeProducts", "@", "runCostLastMonth"));
    }

    @Test
    void callerWithTheCrmAndFinanceScopesReadsEveryProtectedField() {
        String controller = DemoMesh.ADMIN_KEY; // the admin persona holds crm:read and finance:read
        Map<String, Object> response = mesh.graphqlAs(controller, PROTECTED);

        assertThat(response).doesNotContainKey("errors");
        assertThat(value(response, "data.customersProducts[0].marketingConsentRate"))
                .isEqualTo(0.62);
        assertThat(value(response, "data.marketingProducts[0].adSpendLastMonth.amount"))
                .isEqualTo(18450.0);
        assertThat(values(response, "data.financeProducts.![runCostLastMonth?.amount]"))
                .containsExactlyInAnyOrder(190.0, 120.0);

        Map<String, Object> throughTheCatalog =
                mesh.graphqlAs(controller, "{ dataProduct(id: \"customers.contacts\") { marketingConsentRate } }");
        assertThat(throughTheCatalog).doesNotContainKey("errors");
        assertThat(value(throughTheCatalog, "data.dataProduct.marketingConsentRate"))
                .isEqualTo(0.62);
    }

    @Test
    void unknownAndMalformedIdsAreNamedWithACode() {
        Map<String, Object> unknown =
                mesh.graphql("{ impact(of: {kind: FIELD, id: \"orders.orders.nope\"}) { truncated } }");
        assertThat(value(unknown, "errors[0].extensions.code")).isEqualTo("NOT_FOUND");
        assertThat((String) value(unknown, "errors[0].message")).contains("orders.orders.nope");
        Map<String, Object> malformed = mesh.graphql("{ impact(of: {kind: FIELD, id: \"Not A Ref\"}) { truncated } }");
        assertThat(value(malformed, "errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        Map<String, Object> paging = mesh.graphql("{ search(first: 500) { totalCount } }");
        assertThat((String) value(paging, "errors[0].message")).contains("first must be between 1 and 100");
    }

    @Test
    void anImpactsNodesAndTeamsComePageByPageInTheOrderOfTheWholeAnswer() {
        String impact = "impact(of: {kind: PRODUCT, id: \"orders.orders\"}) { %s }";
        List<Object> nodes = values(
                mesh.graphqlAs(DemoMesh.ADMIN_KEY, "{ " + impact.formatted("nodes { kind id }") + " }"),
                "data.impact.nodes.![kind + ' ' + id]");
        assertThat(nodes).hasSizeGreaterThan(7);
        assertThat(pageThrough(impact, "nodePage", "kind id", 3, "node['kind'] + ' ' + node['id']"))
                .isEqualTo(nodes);
        List<Object> teams = values(
                mesh.graphqlAs(DemoMesh.ADMIN_KEY, "{ " + impact.formatted("ownersToNotify { team }") + " }"),
                "data.impact.ownersToNotify.![team]");
        assertThat(teams).hasSizeGreaterThan(2);
        assertThat(pageThrough(impact, "ownerPage", "team", 2, "node['team']")).isEqualTo(teams);

        String searchCursor = (String) value(
                mesh.graphql("{ search(first: 1) { pageInfo { endCursor } } }"), "data.search.pageInfo.endCursor");
        Map<String, Object> wrongCursor = mesh.graphqlAs(
                DemoMesh.ADMIN_KEY,
                "{ " + impact.formatted("nodePage(after: \"" + searchCursor + "\") { totalCount }") + " }");
        assertThat((String) value(wrongCursor, "errors[0].message")).contains("after is not a cursor");
        Map<String, Object> tooLarge = mesh.graphqlAs(
                DemoMesh.ADMIN_KEY, "{ " + impact.formatted("nodePage(first: 5000) { totalCount }") + " }");
        assertThat((String) value(tooLarge, "errors[0].message")).contains("first must be between 1 and 500, got 5000");
        for (String largest : List.of(
                "nodePage(first: 500) { totalCount edges { node { kind id name } } }",
                "ownerPage(first: 200) { totalCount edges { node { team members { username name role } } } }")) {
            assertThat(mesh.graphqlAs(DemoMesh.ANALYST_KEY, "{ " + impact.formatted(largest) + " }"))
                    .as("the largest page is within an analyst's operation limits: " + largest)
                    .doesNotContainKey("errors");
        }
    }

    /** Every item of an impact's {@code page} list, asked {@code first} at a time, each as {@code item} reads it. */
    private List<Object> pageThrough(String impact, String page, String fields, int first, String item) {
        List<Object> paged = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            String asked = page + "(first: " + first + (after == null ? "" : ", after: \"" + after + "\"")
                    + ") { totalCount edges { node { " + fields + " } } pageInfo { hasNextPage endCursor } }";
            Map<String, Object> response = mesh.graphqlAs(DemoMesh.ADMIN_KEY, "{ " + impact.formatted(asked) + " }");
            assertThat(response).doesNotContainKey("errors");
            List<Object> items = values(response, "data.impact." + page + ".edges.![" + item + "]");
            assertThat(items).hasSizeBetween(1, first);
            paged.addAll(items);
            more = (Boolean) value(response, "data.impact." + page + ".pageInfo.hasNextPage");
            after = (String) value(response, "data.impact." + page + ".pageInfo.endCursor");
        }
        return paged;
    }

    @Test
    void blankSearchListsEveryKindPagedAndKindsNarrowIt() {
        // issue 12: blank text listed products only, and with kinds: [DATASET] nothing
        Map<String, Object> datasets = mesh.graphql("{ search(text: \"\", filter: {kinds: [DATASET]}, first: 1) "
                + "{ totalCount edges { node { kind } } pageInfo { hasNextPage endCursor } } }");
        assertThat(datasets).doesNotContainKey("errors");
        assertThat((Integer) value(datasets, "data.search.totalCount")).isGreaterThan(1);
        assertThat(value(datasets, "data.search.pageInfo.hasNextPage")).isEqualTo(true);
        assertThat(datasets.toString()).contains("kind=DATASET").doesNotContain("kind=PRODUCT", "kind=FIELD");
        String cursor = (String) value(datasets, "data.search.pageInfo.endCursor");
        Map<String, Object> next = mesh.graphql("{ search(text: \"\", filter: {kinds: [DATASET]}, first: 1, after: \""
                + cursor + "\") { edges { node { id kind } } } }");
        assertThat(next).doesNotContainKey("errors");
        assertThat(next.toString()).contains("kind=DATASET");

        Map<String, Object> everything = mesh.graphql("{ search(first: 1) { facets { kind { value count } } } }");
        assertThat(everything.toString())
                .contains("value=PRODUCT")
                .contains("value=DATASET")
                .contains("value=FIELD");
    }

    @Test
    void explicitNullArgumentsMeanTheirDefaults() {
        Map<String, Object> response = mesh.graphql(
                "{ search(text: null, filter: null, first: null, after: null) "
                        + "{ totalCount } lineage(of: {kind: PRODUCT, id: \"orders.orders\"}, direction: null, depth: null) { depth } }");
        assertThat(response).doesNotContainKey("errors");
        assertThat((Integer) value(response, "data.search.totalCount")).isPositive();
        assertThat(value(response, "data.lineage.depth")).isEqualTo(10);
    }

    @Test
    void openLineageEventLandsBesideTheMeshAndAnInvalidOneStoresNothing() {
        HttpResponse<String> invalid =
                mesh.postAs(DemoMesh.ADMIN_KEY, "/api/v1/lineage", "{\"eventType\": \"COMPLETE\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("/eventTime");

        HttpResponse<String> recorded =
                mesh.postAs(DemoMesh.ADMIN_KEY, "/api/v1/lineage", fixture("openlineage/crm-export-complete.json"));
        assertThat(recorded.statusCode()).isEqualTo(201);
        assertThat(recorded.body()).contains("customers.contacts");

        Map<String, Object> data = mesh.graphqlAs(
                DemoMesh.ADMIN_KEY,
                "{ lineage(of: {kind: FIELD, id: \"customers.contacts.email\"}, direction: DOWNSTREAM) { nodes { id } } }");
        assertThat(values(data, "data.lineage.nodes.![id]")).contains("s3://lake/exports/crm_contacts.email_hash");

        Map<String, Object> reported = mesh.graphqlAs(
                DemoMesh.ADMIN_KEY, "{ dataset(id: \"s3://lake/exports/crm_contacts\") { fields { name required } } }");
        assertThat(reported).doesNotContainKey("errors");
        assertThat(values(reported, "data.dataset.fields.![name]")).containsExactly("email_hash");
        Map<String, Object> unpublished =
                mesh.graphqlAs(DemoMesh.ADMIN_KEY, "{ dataset(id: \"s3://lake/exports/crm_contacts\") { productId } }");
        assertThat(values(unpublished, "errors.![extensions['code']]")).containsExactly("NOT_FOUND");
        assertThat(values(unpublished, "errors.![message]"))
                .singleElement()
                .asString()
                .contains("s3://lake/exports/crm_contacts");
    }

    @Test
    void metricsCountHarvestsByDomainLineageEventsByOutcomeAndTimeEachCypherStatement() {
        mesh.postAs(DemoMesh.ADMIN_KEY, "/api/v1/lineage", "{\"eventType\": \"COMPLETE\"}");
        mesh.graphqlAs(DemoMesh.ADMIN_KEY, "query Delays { search(text: \"delay\") { totalCount } }");
        assertThat(mesh.getAs(DemoMesh.ANALYST_KEY, "/metrics").statusCode())
                .as("metrics are for admins")
                .isEqualTo(403);

        String metrics = mesh.getAs(DemoMesh.ADMIN_KEY, "/metrics").body();
        for (String domain : List.of("orders", "shipping", "customers", "marketing", "finance")) {
            assertThat(metrics)
                    .contains("meshcatalog_harvests_total{outcome=\"ok\",subgraph=\"" + domain + "\"}")
                    .contains("meshcatalog_harvest_last_success_seconds{subgraph=\"" + domain + "\"}");
        }
        assertThat(metrics)
                .contains("meshcatalog_openlineage_events_total{outcome=\"invalid\"}")
                .contains("meshcatalog_cypher_seconds_count{outcome=\"success\",statement=\"upsert-product\"}")
                .contains("meshcatalog_cypher_seconds_count{outcome=\"success\",statement=\"search-indexed\"}")
                .contains("meshcatalog_subgraph_fetches_seconds_count{outcome=\"success\",subgraph=\"catalog\"}")
                .contains(
                        "meshcatalog_operations_seconds_count{operation=\"Delays\",outcome=\"success\",type=\"query\"} 1");

        // the compose mesh's Grafana dashboard charts only what the gateway exposes
        java.util.regex.Matcher named = java.util.regex.Pattern.compile(
                        "\\b((?:meshcatalog|http_server|cache|jvm|process|system|netty)_[a-z_]+)")
                .matcher(DemoMesh.read(Path.of("..", "observability", "grafana", "dashboards", "mesh-catalog.json")));
        List<String> charted =
                named.results().map(match -> match.group(1)).distinct().toList();
        assertThat(charted).hasSizeGreaterThan(10);
        assertThat(charted)
                .allSatisfy(metric -> assertThat(metrics).as("/metrics").contains("\n" + metric));
    }

    @Test
    void aJobsRunsShowTheirStateDurationAndFailureAndADatasetItsLastWrite() {
        String complete = fixture("openlineage/crm-export-complete.json")
                .replace("crm_export.contacts_to_lake", "crm_export.nightly")
                .replace("2026-11-24T02:00", "2026-11-25T02:10")
                .replace("6f1c3a52-8d0e-4c1b-9a57-3b2e1f0c9d11", "7a2d4b63-9e1f-4d2c-8b68-4c3f2a1d0e22");
        String start = complete.replace("\"COMPLETE\"", "\"START\"").replace("2026-11-25T02:10", "2026-11-25T02:00");
        String failed = complete.replace("7a2d4b63-9e1f-4d2c-8b68-4c3f2a1d0e22", "8b3e5c74-af20-4e3d-9c79-5d4a3b2e1f33")
                .replace("\"COMPLETE\"", "\"FAIL\"")
                .replace("2026-11-25T02:10", "2026-11-26T02:10")
                .replace(
                        "\"facets\": {}",
                        "\"facets\": {\"errorMessage\": {\"message\": \"relation crm.contacts "
                                + "does not exist\", \"programmingLanguage\": \"PYTHON\"}}");
        for (String event : List.of(start, complete, failed)) {
            assertThat(mesh.postAs(DemoMesh.ADMIN_KEY, "/api/v1/lineage", event).statusCode())
                    .isEqualTo(201);
        }
        String query = "{ job(namespace: \"airflow-prod\", name: \"crm_export.nightly\") { id inputs outputs }"
                + " runs(job: \"airflow-prod/crm_export.nightly\") { id state startedAt endedAt durationMs errorMessage }"
                + " dataset(id: \"s3://lake/exports/crm_contacts\") { lastWrite { id job state } } }";

        Map<String, Object> admin = mesh.graphqlAs(DemoMesh.ADMIN_KEY, query);
        assertThat(admin).doesNotContainKey("errors");
        assertThat(value(admin, "data.job.outputs")).isEqualTo(List.of("s3://lake/exports/crm_contacts"));
        assertThat(values(admin, "data.runs.![state]")).containsExactly("FAIL", "COMPLETE");
        assertThat(values(admin, "data.runs.![errorMessage]"))
                .containsExactly("relation crm.contacts does not exist", null);
        assertThat(value(admin, "data.runs[1].durationMs")).isEqualTo(600_000.0);
        assertThat(value(admin, "data.dataset.lastWrite.id")).isEqualTo("7a2d4b63-9e1f-4d2c-8b68-4c3f2a1d0e22");
        assertThat(value(admin, "data.dataset.lastWrite.job")).isEqualTo("airflow-prod/crm_export.nightly");

        Map<String, Object> analyst = mesh.graphqlAs(DemoMesh.ANALYST_KEY, query);
        assertThat(values(analyst, "data.runs.![state]")).containsExactly("FAIL", "COMPLETE");
        assertThat(values(analyst, "data.runs.![errorMessage]"))
                .as("the error is for who writes airflow-prod")
                .containsOnlyNulls();

        Map<String, Object> anonymous = mesh.graphql(query);
        assertThat(value(anonymous, "data.job")).isNull();
        assertThat(values(anonymous, "data.runs")).isEmpty();
    }

    @Test
    void aQualityCheckRunsResultsAreShownPerDatasetAndPerField() {
        String check = """
        {"eventType": "COMPLETE", "eventTime": "2026-11-26T03:00:00Z",
         "producer": "https://example.com/quality", "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json",
         "job": {"namespace": "shipping-quality", "name": "delay_predictions.checks"},
         "run": {"runId": "9a6b1c25-4f5e-4d7c-9b6a-0c1d2e3f4a51"},
         "inputs": [{"namespace": "warehouse", "name": "analytics.shipping.delay_predictions", "inputFacets": {
           "dataQualityMetrics": {"rowCount": 5400, "columnMetrics": {
             "delay_probability": {"nullCount": 0, "min": 0.0, "max": 0.97}, "order_id": {"nullCount": 0}}},
           "dataQualityAssertions": {"assertions": [
             {"assertion": "between_0_and_1", "success": true, "column": "delay_probability"},
             {"assertion": "unique", "success": false, "column": "order_id", "severity": "error"}]}}}],
         "outputs": []}
        """;
        assertThat(mesh.postAs(DemoMesh.ADMIN_KEY, "/api/v1/lineage", check).statusCode())
                .isEqualTo(201);

        Map<String, Object> data = mesh.graphqlAs(
                DemoMesh.ANALYST_KEY,
                "{ dataset(id: \"shipping.delay_predictions\") {"
                        + " all: quality { run rowCount passed failed assertions { assertion success column severity } }"
                        + " field: quality(column: \"delay_probability\") { passed failed columns { column nullCount min max } } } }");
        assertThat(data).doesNotContainKey("errors");
        assertThat(value(data, "data.dataset.all[0].run")).isEqualTo("9a6b1c25-4f5e-4d7c-9b6a-0c1d2e3f4a51");
        assertThat(value(data, "data.dataset.all[0].rowCount")).isEqualTo(5400.0);
        assertThat(values(data, "data.dataset.all[0].assertions.?[success == false].![column]"))
                .containsExactly("order_id");
        assertThat(value(data, "data.dataset.field[0].failed")).isEqualTo(0);
        assertThat(values(data, "data.dataset.field[0].columns.![column]")).containsExactly("delay_probability");
        assertThat(value(data, "data.dataset.field[0].columns[0].max")).isEqualTo(0.97);
    }

    @Test
    void lineageIsReadOnlyFromJsonSoAWebPageCannotWriteItFromAVisitorsBrowser() {
        // the fixture's export, under a namespace and a run of its own (the same run's COMPLETE at the same time would
        // be
        // the same event, stored once): whether it was stored is one lookup
        String event = fixture("openlineage/crm-export-complete.json")
                .replace("s3://lake", "s3://forged")
                .replace("6f1c3a52-8d0e-4c1b-9a57-3b2e1f0c9d11", "0d4e6b1a-2c3f-4e5d-8f70-9a1b2c3d4e5f");
        String stored = "{ dataset(id: \"s3://forged/exports/crm_contacts\") { fields { name } } }";

        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", null}) {
            HttpResponse<String> forged = mesh.post("/api/v1/lineage", type, event);
            assertThat(forged.statusCode()).as(String.valueOf(type)).isEqualTo(400);
            assertThat(forged.body()).contains("cross-site request forgery").contains("application/json");
        }
        // a script may add the preflight header: the endpoint still reads JSON only, and says so
        HttpResponse<String> plain = mesh.post(
                "/api/v1/lineage",
                "text/plain",
                event,
                "apollo-require-preflight",
                "true",
                "X-Api-Key",
                DemoMesh.ADMIN_KEY);
        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(plain.body())
                .contains("POST /api/v1/lineage takes an OpenLineage event as JSON "
                        + "(Content-Type: application/json), not text/plain");
        Map<String, Object> unknown = mesh.graphqlAs(DemoMesh.ADMIN_KEY, stored);
        assertThat(unknown).doesNotContainKey("errors");
        assertThat(value(unknown, "data.dataset")).as("nothing stored").isNull();

        assertThat(mesh.post(
                                "/api/v1/lineage",
                                "application/json; charset=utf-8",
                                event,
                                "X-Api-Key",
                                DemoMesh.ADMIN_KEY)
                        .statusCode())
                .isEqualTo(201);
        assertThat(values(mesh.graphqlAs(DemoMesh.ADMIN_KEY, stored), "data.dataset.fields.![name]"))
                .containsExactly("email_hash");
    }

    @Test
    void theCatalogsOwnRouteKeepsTheRulesOfGraphql() {
        StringBuilder aliases = new StringBuilder("{");
        for (int i = 0; i < 31; i++) {
            aliases.append(" d").append(i).append(": dataset(id: \\\"customers.contacts\\\") { id }");
        }
        HttpResponse<String> refused = mesh.post("/catalog/graphql", "{\"query\": \"" + aliases + " }\"}");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("MAX_ALIASES_LIMIT")
                .contains("31 aliases, above gateway.limits.max-aliases 30")
                .doesNotContain("\"data\"");

        assertThat(mesh.post(
                                "/catalog/graphql",
                                "text/plain",
                                "{\"query\": \"mutation { refreshCatalog { subgraphs " + "{ status } } }\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void impactDownloadsAsCsv() {
        HttpResponse<String> csv =
                mesh.getAs(DemoMesh.ANALYST_KEY, "/api/v1/impact.csv?kind=FIELD&id=orders.orders.shipped_on&depth=3");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body()).startsWith(ImpactCsv.HEADER + "\r\n").contains("PRODUCT,shipping.delay_predictions,");
        assertThat(mesh.get("/api/v1/impact.csv?kind=FIELD&id=orders.orders.nope")
                        .statusCode())
                .isEqualTo(404);
        assertThat(mesh.get("/api/v1/impact.csv?kind=TABLE&id=x").statusCode()).isEqualTo(400);
    }

    @Test
    void graphiqlIsServedFromTheJarWithTheSavedQueries() {
        assertThat(mesh.get("/graphiql").body()).contains("/webjars/graphiql/graphiql.min.js");
        for (String asset : List.of(
                "/webjars/graphiql/graphiql.min.js",
                "/webjars/graphiql/graphiql.min.css",
                "/webjars/react/umd/react.production.min.js",
                "/webjars/react-dom/umd/react-dom.production.min.js",
                "/graphiql/app.js")) {
            assertThat(mesh.get(asset).statusCode()).as(asset).isEqualTo(200);
        }
        assertThat(mesh.get("/graphiql/examples.json").body()).contains("who-owns-shipped-on.graphql");
    }

    private Map<String, Object> data(String file) {
        Map<String, Object> response = mesh.saved(file);
        assertThat(response).as(file).doesNotContainKey("errors");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) response.get("data");
        return data;
    }

    private static String fixture(String name) {
        try (InputStream in = DemoMeshIT.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
