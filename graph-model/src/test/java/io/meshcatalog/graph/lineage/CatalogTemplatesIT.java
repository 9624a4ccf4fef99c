package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.descriptor.DescriptorException;
import io.meshcatalog.graph.embedded.Neo4jIntegrationTest;
import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.Domain;
import io.meshcatalog.graph.model.DomainDescriptor;
import io.meshcatalog.graph.model.DomainId;
import io.meshcatalog.graph.model.Team;
import io.meshcatalog.graph.template.ProductTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/** Templates published to the catalog through a real Neo4j: versions kept and never changed, products traced to them. */
@Neo4jIntegrationTest
class CatalogTemplatesIT {

    private static final Viewer PLATFORM =
            Viewer.of("pat", Set.of("data-platform-team")).withScopes(Set.of(CatalogTemplates.PUBLISH_SCOPE));
    private static final Viewer FINANCE = Viewer.of("fay", Set.of("finance-team"));
    private static final Viewer OUTSIDER = Viewer.of("otto", Set.of("ads-team"));

    private final LineageStore store;
    private final CatalogTemplates templates;

    CatalogTemplatesIT(Driver driver) {
        this.store = new LineageStore(
                driver, TraversalLimits.DEFAULT, new MutableClock(Instant.parse("2026-12-01T09:00:00Z")));
        this.templates = store.templates();
    }

    @BeforeEach
    void schema() {
        store.initSchema();
    }

    private static String text(String version) throws IOException {
        return Files.readString(Path.of("..", "templates", "kpi-report", version + ".yaml"));
    }

    @Test
    void versionsArePublishedOnceKeptInReleaseOrderAndNeverChanged() throws IOException {
        assertThat(templates
                        .publish(PLATFORM, "kpi-report/1.1.0.yaml", text("1.1.0"))
                        .created())
                .isTrue();
        templates.publish(PLATFORM, "kpi-report/1.0.0.yaml", text("1.0.0"));
        CatalogTemplates.Published again = templates.publish(PLATFORM, "kpi-report/1.0.0.yaml", text("1.0.0"));

        assertThat(again.publishedBy()).isEqualTo("pat");
        assertThat(again.created()).as("published again unchanged: nothing new").isFalse();
        assertThat(templates.versions("kpi-report"))
                .extracting(p -> p.template().version())
                .containsExactly("1.0.0", "1.1.0");
        assertThat(templates.template("kpi-report", null))
                .map(p -> p.template().version())
                .hasValue("1.1.0");
        assertThat(templates.template("kpi-report", "1.0.0"))
                .map(p -> p.template().version())
                .hasValue("1.0.0");
        assertThat(templates.template("kpi-report", "9.9.9")).isEmpty();

        assertThatThrownBy(() -> templates.publish(
                        PLATFORM,
                        "edited.yaml",
                        text("1.0.0").replace("closed once per period", "closed twice per period")))
                .isInstanceOf(CatalogConflictException.class)
                .hasMessageContaining("kpi-report@1.0.0 is published")
                .hasMessageContaining("new version");
        assertThat(templates
                        .template("kpi-report", "1.0.0")
                        .orElseThrow()
                        .template()
                        .description())
                .contains("closed once per period");
    }

    @Test
    void onlyAdminsAndHoldersOfThePublishScopePublishAndABrokenTemplateIsRefusedByLine() throws IOException {
        assertThatThrownBy(() -> templates.publish(FINANCE, "kpi-report/1.0.0.yaml", text("1.0.0")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining(CatalogTemplates.PUBLISH_SCOPE);
        assertThatThrownBy(() -> templates.publish(
                        Viewer.EVERYTHING, "broken.yaml", text("1.0.0").replace("${title}", "${titel}")))
                .isInstanceOf(DescriptorException.class)
                .hasMessageContaining("broken.yaml:")
                .hasMessageContaining("'${titel}' is not a parameter");
        assertThat(templates.versions(null)).isEmpty();

        templates.publish(PLATFORM, "kpi-report/1.0.0.yaml", text("1.0.0"));
        Viewer otherPlatform =
                Viewer.of("olive", Set.of("ads-team")).withScopes(Set.of(CatalogTemplates.PUBLISH_SCOPE));
        assertThatThrownBy(() -> templates.publish(otherPlatform, "kpi-report/1.1.0.yaml", text("1.1.0")))
                .as("another team's key may not publish the next version of someone else's template")
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("pat's (owner data-platform-team)");
        Viewer teammate =
                Viewer.of("pia", Set.of("data-platform-team")).withScopes(Set.of(CatalogTemplates.PUBLISH_SCOPE));
        assertThat(templates
                        .publish(teammate, "kpi-report/1.1.0.yaml", text("1.1.0"))
                        .created())
                .isTrue();
    }

    @Test
    void theProductsMadeFromATemplateAreListedWithTheirVersionAsTheViewerMaySeeThem() throws IOException {
        ProductTemplate v1 = templates
                .publish(PLATFORM, "kpi-report/1.0.0.yaml", text("1.0.0"))
                .template();
        Map<String, Object> values = new java.util.HashMap<>(v1.exampleValues());
        values.put("visibility", "private");
        DataProduct report = v1.instantiate(values);
        store.upsert(new DomainDescriptor(
                new Domain(new DomainId("finance"), "Finance", "", new Team("finance-team", "", List.of()), List.of()),
                List.of(report)));

        assertThat(templates.products(FINANCE, "kpi-report", 10))
                .containsExactly(new CatalogTemplates.Made("finance.daily_revenue", "1.0.0", "ACTIVE"));
        assertThat(templates.products(OUTSIDER, "kpi-report", 10))
                .as("a private product stays private")
                .isEmpty();
        assertThat(templates.products(FINANCE, "cdc-table", 10)).isEmpty();
    }
}
