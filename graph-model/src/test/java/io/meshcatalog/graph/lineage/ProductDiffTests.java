package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.model.DataProduct;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductDiffTests {

    private static final String BEFORE = """
            - id: shop.orders
              version: 1.0.0
              status: active
              visibility: public
              tags: [orders]
              schema:
                - name: orders
                  properties:
                    - {name: id, logicalType: string, required: true, primaryKey: true}
                    - {name: shipped_on, logicalType: date, description: The day the partner shipped it., required: true}
                    - {name: total, logicalType: integer, classification: internal, required: true}
                    - {name: note, logicalType: string}
              consumers:
                - {id: ops.dashboard, kind: dashboard, datasets: [orders]}
              slaProperties:
                - {property: latency, value: "15", unit: min}
            """;

    @Test
    void anUnchangedProductHasNoChanges() {
        assertThat(ProductDiff.between(product(BEFORE), product(BEFORE))).isEmpty();
    }

    @Test
    void aCreatedAndARetiredProductAreOneChangeEach() {
        assertThat(ProductDiff.between(null, product(BEFORE)))
                .extracting(SchemaChange::toString)
                .containsExactly("CREATED shop.orders  -> 1.0.0");
        assertThat(ProductDiff.between(product(BEFORE), null)).singleElement().satisfies(change -> {
            assertThat(change.toString()).isEqualTo("RETIRED shop.orders ACTIVE -> RETIRED");
            assertThat(change.breaking()).isTrue();
        });
    }

    @Test
    void aFieldWhoseSuccessorNamesItInItsLineageWasRenamed() {
        List<SchemaChange> changes = ProductDiff.between(
                product(BEFORE),
                product(BEFORE.replace(
                        "{name: shipped_on, logicalType: date, description: The day the partner shipped it., required: true}",
                        "{name: partner_shipped_on, logicalType: date, transformSourceObjects: [shop.orders.shipped_on],"
                                + " required: true}")));

        assertThat(changes)
                .extracting(SchemaChange::toString)
                .containsExactly(
                        "FIELD_RENAMED shop.orders.shipped_on shipped_on -> partner_shipped_on",
                        "DESCRIPTION_CHANGED shop.orders.shipped_on");
        assertThat(changes.get(0).breaking()).isTrue();
    }

    @Test
    void theOnlyAddedFieldLikeTheOnlyRemovedOneIsARename() {
        List<SchemaChange> changes = ProductDiff.between(
                product(BEFORE), product(BEFORE.replace("name: shipped_on,", "name: shipped_date,")));

        assertThat(changes)
                .extracting(SchemaChange::toString)
                .containsExactly("FIELD_RENAMED shop.orders.shipped_on shipped_on -> shipped_date");
    }

    @Test
    void aFieldWithoutAnyLikenessIsRemovedAndAnotherAdded() {
        List<SchemaChange> changes = ProductDiff.between(
                product(BEFORE),
                product(BEFORE.replace("{name: note, logicalType: string}", "{name: channel, logicalType: string}")));

        assertThat(changes)
                .extracting(SchemaChange::toString)
                .containsExactly(
                        "FIELD_ADDED shop.orders.channel  -> string", "FIELD_REMOVED shop.orders.note string -> ");
        assertThat(changes).extracting(SchemaChange::breaking).containsExactly(false, true);
    }

    @Test
    void aWiderTypeBreaksItsReadersAndANarrowerOneDoesNot() {
        SchemaChange widened = ProductDiff.between(
                        product(BEFORE),
                        product(BEFORE.replace(
                                "{name: total, logicalType: integer", "{name: total, logicalType: number")))
                .get(0);
        SchemaChange narrowed = ProductDiff.between(
                        product(BEFORE.replace(
                                "{name: total, logicalType: integer", "{name: total, logicalType: number")),
                        product(BEFORE))
                .get(0);
        SchemaChange incompatible = ProductDiff.between(
                        product(BEFORE),
                        product(BEFORE.replace(
                                "{name: total, logicalType: integer", "{name: total, logicalType: boolean")))
                .get(0);

        assertThat(widened.toString()).isEqualTo("FIELD_RETYPED shop.orders.total integer -> number");
        assertThat(widened.breaking()).isTrue();
        assertThat(widened.why()).isEqualTo("widened: readers of integer may not read every number");
        assertThat(narrowed.breaking()).isFalse();
        assertThat(narrowed.why()).isEqualTo("narrowed: every integer is a number");
        assertThat(incompatible.breaking()).isTrue();
        assertThat(incompatible.why()).startsWith("incompatible");
    }

    @Test
    void nullabilityAndClassificationBreakOnlyOneWay() {
        List<SchemaChange> looser = ProductDiff.between(
                product(BEFORE),
                product(BEFORE.replace(
                        "{name: total, logicalType: integer, classification: internal, required: true}",
                        "{name: total, logicalType: integer, classification: pii}")));
        List<SchemaChange> stricter = ProductDiff.between(
                product(BEFORE.replace(
                        "{name: total, logicalType: integer, classification: internal, required: true}",
                        "{name: total, logicalType: integer, classification: pii}")),
                product(BEFORE));

        assertThat(looser)
                .extracting(SchemaChange::toString, SchemaChange::breaking)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "FIELD_REQUIRED_CHANGED shop.orders.total required -> optional", true),
                        org.assertj.core.groups.Tuple.tuple(
                                "FIELD_RECLASSIFIED shop.orders.total INTERNAL -> PII", true));
        assertThat(stricter).extracting(SchemaChange::breaking).containsExactly(false, false);
    }

    @Test
    void consumersOwnerSlaAndTagsAreNamedForWhatTheyAre() {
        List<SchemaChange> changes = ProductDiff.between(
                product(BEFORE),
                product(BEFORE.replace("tags: [orders]", "tags: [orders, sales]\n  team: {name: checkout-team}")
                        .replace(
                                "{id: ops.dashboard, kind: dashboard, datasets: [orders]}",
                                "{id: ops.dashboard, kind: report, datasets: [orders]}\n    - {id: ml.churn, kind: ml_model}")
                        .replace("value: \"15\"", "value: \"30\"")
                        .replace("status: active", "status: deprecated\n  sunsetDate: 2027-03-31")));

        assertThat(changes)
                .extracting(SchemaChange::toString)
                .containsExactly(
                        "STATUS_CHANGED shop.orders ACTIVE -> DEPRECATED",
                        "SUNSET_CHANGED shop.orders  -> 2027-03-31",
                        "OWNER_CHANGED shop.orders (the domain's team) -> checkout-team",
                        "TAGS_CHANGED shop.orders orders -> orders, sales",
                        "SLA_CHANGED shop.orders latency 15 min -> latency 30 min",
                        "CONSUMER_CHANGED ops.dashboard",
                        "CONSUMER_ADDED ml.churn  -> ML_MODEL");
        assertThat(changes).noneMatch(SchemaChange::breaking);
        assertThat(changes.get(0).why()).startsWith("deprecated");
    }

    @Test
    void aNarrowerVisibilityAndARemovedDatasetBreak() {
        String twoDatasets = BEFORE.replace(
                "\n  consumers:", "\n    - {name: lines, properties: [{name: id, logicalType: string}]}\n  consumers:");
        List<SchemaChange> changes = ProductDiff.between(
                product(twoDatasets), product(BEFORE.replace("visibility: public", "visibility: internal")));

        assertThat(changes)
                .extracting(SchemaChange::toString, SchemaChange::breaking)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("VISIBILITY_CHANGED shop.orders PUBLIC -> INTERNAL", true),
                        org.assertj.core.groups.Tuple.tuple("DATASET_REMOVED shop.lines", true));
    }

    private static DataProduct product(String yaml) {
        String descriptor = """
                apiVersion: meshcatalog/v1
                kind: Domain
                domain: {id: shop, team: {name: shop-team}}
                products:
                """ + yaml.indent(2);
        return new DescriptorLoader().load("test", descriptor).products().get(0);
    }
}
