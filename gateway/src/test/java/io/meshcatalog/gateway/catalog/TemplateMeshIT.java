package io.meshcatalog.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.cli.NewProductCommand;
import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.DomainDescriptor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates through the demo mesh: the platform team's templates published at start, the finance report made from an
 * older version of one with what its team changed since and what upgrading would change, and a domain making a new
 * product from a template the catalog publishes (new-product, as its engineers run it).
 */
@ExtendWith(SharedDemoMesh.class)
class TemplateMeshIT {

    @TempDir
    Path dir;

    private static DemoMesh mesh;

    @BeforeAll
    static void useMesh(DemoMesh shared) {
        mesh = shared;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCatalogListsTheTemplatesTheirVersionsAndTheProductsOnAnOlderOne() {
        Map<String, Object> answer = mesh.graphqlAs(DemoMesh.ANALYST_KEY, """
        { templates { id latest { version owner } versions { version publishedBy }
                      products { productId version outdated } } }""");

        List<Map<String, Object>> templates =
                (List<Map<String, Object>>) data(answer).get("templates");
        assertThat(templates)
                .extracting(t -> t.get("id"))
                .containsExactly("cdc-table", "kpi-report", "ml-predictor", "reverse-etl-audience");
        Map<String, Object> kpi = templates.get(1);
        assertThat((List<Map<String, Object>>) kpi.get("versions"))
                .extracting(v -> v.get("version"))
                .containsExactly("1.0.0", "1.1.0");
        assertThat((Map<String, Object>) kpi.get("latest"))
                .containsEntry("version", "1.1.0")
                .containsEntry("owner", "data-platform-team");
        assertThat((List<Map<String, Object>>) kpi.get("products"))
                .containsExactly(Map.of("productId", "finance.daily_revenue", "version", "1.0.0", "outdated", true));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aProductMadeFromATemplateShowsWhatItsTeamChangedAndWhatUpgradingWouldChange() {
        Map<String, Object> answer = mesh.graphqlAs(DemoMesh.ANALYST_KEY, """
        { dataProduct(id: "finance.daily_revenue") { template { id version latestVersion outdated problem
            drift { kind subject breaking } upgrade { kind subject after breaking } } } }""");

        Map<String, Object> template =
                (Map<String, Object>) ((Map<String, Object>) data(answer).get("dataProduct")).get("template");
        assertThat(template)
                .containsEntry("id", "kpi-report")
                .containsEntry("version", "1.0.0")
                .containsEntry("latestVersion", "1.1.0")
                .containsEntry("outdated", true)
                .containsEntry("problem", null);
        assertThat((List<Map<String, Object>>) template.get("drift"))
                .extracting(c -> c.get("kind") + " " + c.get("subject"))
                .contains("TAGS_CHANGED finance.daily_revenue", "OUTPUT_PORT_CHANGED finance.daily_revenue");
        assertThat((List<Map<String, Object>>) template.get("upgrade"))
                .extracting(c -> c.get("kind") + " " + c.get("subject"))
                .containsExactly("SLA_CHANGED finance.daily_revenue", "FIELD_ADDED finance.daily_revenue.computed_at");
        assertThat(data(mesh.graphql("{ dataProduct(id: \"orders.orders\") { template { id } } }")))
                .isEqualTo(Map.of("dataProduct", java.util.Collections.singletonMap("template", null)));
    }

    @Test
    void aDomainMakesANewProductFromAPublishedTemplateAndGetsADescriptorThatLoads() throws Exception {
        Path out = dir.resolve("payments.yaml");
        StringWriter err = new StringWriter();
        int status = NewProductCommand.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err, true),
                "--catalog",
                mesh.base,
                "--key",
                DemoMesh.ANALYST_KEY,
                "--template",
                "cdc-table",
                "--team",
                "payments-team",
                "--set",
                "domain=payments",
                "--set",
                "name=refunds",
                "--set",
                "title=Refunds",
                "--set",
                "purpose=Every refund as the payments database holds it.",
                "--set",
                "sourceTable=payments.public.refunds",
                "--set",
                "columns=[{name: refund_id, logicalType: string, primaryKey: true, required: true}, "
                        + "{name: amount, logicalType: number, classification: confidential}]",
                "--out",
                out.toString());

        assertThat(status).as(err.toString()).isZero();
        DomainDescriptor written = new DescriptorLoader().load(out);
        DataProduct refunds = written.products().get(0);
        assertThat(refunds.id().value()).isEqualTo("payments.refunds");
        assertThat(refunds.template().coordinates()).isEqualTo("cdc-table@1.0.0");
        assertThat(refunds.datasets().get(0).fields())
                .extracting(f -> f.name())
                .containsExactly("refund_id", "amount", "cdc_changed_at", "cdc_deleted");
        assertThat(written.domain().team().name()).isEqualTo("payments-team");
        assertThat(Files.readString(out))
                .contains("template:", "id: cdc-table", "sourceTable: payments.public.refunds");
    }

    @Test
    void valuesThatDoNotFitAreRefusedByNameAndNothingIsWritten() {
        Path out = dir.resolve("bad.yaml");
        StringWriter err = new StringWriter();
        int status = NewProductCommand.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err, true),
                "--catalog",
                mesh.base,
                "--template",
                "kpi-report@1.0.0",
                "--team",
                "t",
                "--set",
                "domain=finance",
                "--set",
                "name=Daily Revenue",
                "--set",
                "grain=fortnight",
                "--out",
                out.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("values.name: ", "values.grain: ", "values: ");
        assertThat(out).doesNotExist();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> answer) {
        assertThat(answer.get("errors")).as("errors in %s", answer).isNull();
        return (Map<String, Object>) answer.get("data");
    }
}
