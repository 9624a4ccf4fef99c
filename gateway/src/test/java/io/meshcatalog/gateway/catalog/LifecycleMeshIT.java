package io.meshcatalog.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * A product's life through the demo mesh. {@code java -jar gateway.jar check} as a domain's CI runs it: the real jar,
 * against the running mesh, with the orders domain's descriptor changed the ways a team changes it; its exit status
 * says whether the change may ship. And the products and datasets as the open standards' documents (ODPS, ODCS) that
 * other tools read, each as the caller may see it.
 */
@ExtendWith(SharedDemoMesh.class)
class LifecycleMeshIT {

    private static final Path GATEWAY_JAR = Path.of("target", "gateway.jar");
    private static final Path ORDERS = Path.of(
            "..",
            "domain-subgraphs",
            "mesh",
            "src",
            "main",
            "resources",
            "io",
            "meshcatalog",
            "subgraphs",
            "orders",
            "orders.yaml");
    private static final String SHIPPED_ON = "          - name: shipped_on\n            logicalType: date\n";
    private static final String STATUS_FIELD = """
                - name: status
                  logicalType: string
                  description: placed, packed, shipped, delivered, returned or reshipped.
                  classification: internal
                  required: true
                  examples: [shipped, returned]
      """;

    @TempDir
    Path dir;

    private static DemoMesh mesh;

    @BeforeAll
    static void useMesh(DemoMesh shared) {
        mesh = shared;
    }

    @Test
    void theDescriptorTheCatalogHoldsChangesNothingAndPasses() throws Exception {
        Run run = check(orders());

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output())
                .contains(
                        "Descriptor check of domain orders against " + mesh.base + ": OK (0 changes, 0 " + "breaking)",
                        "none: the catalog holds this descriptor already");
    }

    @Test
    void renamingShippedOnBreaksWhatIsDerivedFromItAndNamesWhomToTell() throws Exception {
        Run run = check(orders().replace("- name: shipped_on\n", "- name: shipped_date\n"));

        assertThat(run.status()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .contains(
                        "BREAKING (1 change, 1 breaking)",
                        "BREAKING  FIELD_RENAMED orders.orders.shipped_on shipped_on -> shipped_date",
                        "readers ask for shipped_on, which is gone",
                        "shipping.delay_predictions",
                        "finance.delay_cost",
                        "which is renamed to shipped_date",
                        "Whom to tell",
                        "shipping-team",
                        "finance-team");
    }

    @Test
    void aWiderTypeBreaksItsReaders() throws Exception {
        Run run = check(orders().replace(SHIPPED_ON, SHIPPED_ON.replace("date", "timestamp")));

        assertThat(run.status()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .contains(
                        "BREAKING  FIELD_RETYPED orders.orders.shipped_on date -> timestamp",
                        "widened: readers of date may not read every timestamp",
                        "shipping-team");
    }

    @Test
    void anAddedOptionalFieldBreaksNothingAndPasses() throws Exception {
        Run run = check(orders().replace(SHIPPED_ON, """
                  - name: gift_note
                    logicalType: string
                    description: The note the customer asked us to print on the packing slip, if any.
        """ + SHIPPED_ON));

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("OK (1 change, 0 breaking)", "FIELD_ADDED orders.orders.gift_note (none) -> " + "string")
                .doesNotContain("BREAKING  ", "Whom to tell");
    }

    @Test
    void aDroppedFieldBreaksWhoReadsItsDataset() throws Exception {
        assertThat(orders()).contains(STATUS_FIELD);

        Run run = check(orders().replace(STATUS_FIELD, ""));

        assertThat(run.status()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .contains(
                        "BREAKING  FIELD_REMOVED orders.orders.status string -> (none)",
                        "operations.order_status_dashboard",
                        "which is dropped",
                        "operations-team");
    }

    @Test
    void markdownIsAPullRequestCommentAndJsonIsTheAnswerItself() throws Exception {
        String renamed = orders().replace("- name: shipped_on\n", "- name: shipped_date\n");

        Run markdown = check(renamed, "--format", "markdown");
        Run json = check(renamed, "--format=json");

        assertThat(markdown.status()).isEqualTo(1);
        assertThat(markdown.output())
                .contains(
                        "### Mesh Catalog descriptor check: `orders` is **breaking**",
                        "| **breaking** | FIELD_RENAMED | `orders.orders.shipped_on` | shipped_on | shipped_date |",
                        "#### What breaks downstream",
                        "#### Whom to tell",
                        "| shipping-team |");
        Map<?, ?> answer = JsonMapper.builder().build().readValue(json.output(), Map.class);
        assertThat(answer.get("breaking")).isEqualTo(true);
        assertThat(answer.get("domain")).isEqualTo("orders");
        assertThat((List<?>) answer.get("ownersToNotify")).isNotEmpty();
    }

    @Test
    void anAllowedBreakingChangeIsReportedAndPasses() throws Exception {
        Run run = check(orders().replace("- name: shipped_on\n", "- name: shipped_date\n"), "--allow-breaking");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains("BREAKING  FIELD_RENAMED");
    }

    @Test
    void aDescriptorThatDoesNotLoadIsNamedByLineAndNothingIsAsked() throws Exception {
        Run run = check(orders().replace(SHIPPED_ON, SHIPPED_ON.replace("date", "datetime")));

        assertThat(run.status()).as(run.output()).isEqualTo(2);
        assertThat(run.output())
                .contains(
                        "1 problem in descriptor",
                        "products[0].schema[0].properties[6].logicalType",
                        "unknown logicalType 'datetime'");
    }

    @Test
    void aCheckThatCannotSeeEveryProductOfTheDomainFailsInsteadOfPassing() throws Exception {
        Path customers = ORDERS.resolveSibling(Path.of("..", "customers", "customers.yaml"))
                .normalize();

        Run run = run("check", "--descriptor", customers.toAbsolutePath().toString(), "--catalog", mesh.base);

        assertThat(run.status()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("the check is incomplete: 1 product(s) of the domain could not be compared");
    }

    @Test
    void aCatalogThatCannotBeReachedFailsTheCheckWithoutPassingIt() throws Exception {
        Run run = run("check", "--descriptor", write(orders()).toString(), "--catalog", "http://127.0.0.1:1");

        assertThat(run.status()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("cannot reach the catalog at http://127.0.0.1:1/graphql");
    }

    @Test
    void aProductIsAnOdpsDocumentAndEachDatasetAnOdcsContract() {
        HttpResponse<String> product = mesh.get("/api/v1/products/orders.orders/odps.yaml");
        HttpResponse<String> contract = mesh.get("/api/v1/datasets/orders.orders/odcs.yaml");

        assertThat(product.statusCode()).as(product.body()).isEqualTo(200);
        assertThat(product.headers().firstValue("Content-Type")).hasValue("application/yaml; charset=utf-8");
        Map<String, Object> odps = new Yaml().load(product.body());
        assertThat(odps)
                .containsEntry("apiVersion", "v1.0.0")
                .containsEntry("kind", "DataProduct")
                .containsEntry("id", "orders.orders")
                .containsEntry("domain", "orders")
                .containsEntry("status", "active");
        assertThat(contract.statusCode()).as(contract.body()).isEqualTo(200);
        Map<String, Object> odcs = new Yaml().load(contract.body());
        assertThat(odcs)
                .containsEntry("apiVersion", "v3.1.0")
                .containsEntry("kind", "DataContract")
                .containsEntry("id", "orders.orders")
                .containsEntry("dataProduct", "orders.orders");
        assertThat(contract.body()).contains("name: shipped_on", "logicalType: date", "'2026-11-03'");
    }

    @Test
    void aPrivateProductIsNotFoundForWhoMayNotSeeItAndPersonalExamplesOnlyForWhoMayReadThem() {
        HttpResponse<String> anonymous = mesh.get("/api/v1/products/customers.contacts/odps.yaml");
        HttpResponse<String> crm = mesh.getAs(DemoMesh.CRM_KEY, "/api/v1/datasets/customers.contacts/odcs.yaml");
        HttpResponse<String> admin = mesh.getAs(DemoMesh.ADMIN_KEY, "/api/v1/datasets/customers.contacts/odcs.yaml");

        assertThat(anonymous.statusCode()).isEqualTo(404);
        assertThat(anonymous.body())
                .isEqualTo("the catalog knows no product customers.contacts, or you may not see it\n");
        assertThat(crm.statusCode()).as(crm.body()).isEqualTo(200);
        assertThat(crm.body()).contains("name: email", "classification: pii").doesNotContain("ana.silva@example.com");
        assertThat(admin.body()).as("the admin holds pii:read").contains("ana.silva@example.com");
        assertThat(mesh.get("/api/v1/products/orders.orders/other").statusCode())
                .isEqualTo(404);
    }

    private static String orders() throws IOException {
        return Files.readString(ORDERS, StandardCharsets.UTF_8);
    }

    private record Run(int status, String output) {}

    private Run check(String descriptor, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "check",
                "--descriptor",
                write(descriptor).toString(),
                "--catalog",
                mesh.base,
                "--key",
                DemoMesh.ORDERS_KEY));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private Path write(String descriptor) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "orders", ".yaml"), descriptor, StandardCharsets.UTF_8);
    }

    private Run run(String... args) throws IOException, InterruptedException {
        assertThat(GATEWAY_JAR)
                .as("the gateway jar, built by `package` before the integration tests")
                .isRegularFile();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", File.separatorChar == '\\' ? "java.exe" : "java")
                        .toString(),
                "-jar",
                GATEWAY_JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(dir, "output", ".txt");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("check ends").isTrue();
        return new Run(process.exitValue(), Files.readString(output));
    }
}
