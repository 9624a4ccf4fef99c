package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.health.FreshnessSla;
import io.meshcatalog.graph.model.Classification;
import io.meshcatalog.graph.model.Consumer;
import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.Dataset;
import io.meshcatalog.graph.model.Domain;
import io.meshcatalog.graph.model.Field;
import io.meshcatalog.graph.model.FieldRef;
import io.meshcatalog.graph.model.SupportChannel;
import io.meshcatalog.graph.model.Team;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns descriptor records into the parameter maps of the upsert statements. Pure: no driver, so
 * what is written can be checked without a database.
 */
final class ProductParameters {

    private ProductParameters() {}

    static Map<String, Object> team(Team team) {
        return Map.of(
                "name",
                team.name(),
                "description",
                team.description(),
                "members",
                team.members().stream()
                        .map(m -> Map.of("username", m.username(), "name", m.name(), "role", m.role()))
                        .toList());
    }

    static Map<String, Object> domain(Domain domain) {
        return Map.of(
                "id",
                domain.id().value(),
                "name",
                domain.name(),
                "description",
                domain.description(),
                "team",
                domain.team().name(),
                "supportChannels",
                domain.support().stream().map(SupportChannel::channel).toList(),
                "supportUrls",
                domain.support().stream().map(SupportChannel::url).toList());
    }

    static Map<String, Object> product(DataProduct product) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("name", product.name());
        properties.put("domain", product.domain().value());
        properties.put("status", product.status().name());
        properties.put(
                "sunset", product.sunset() == null ? null : product.sunset().toString());
        properties.put("visibility", product.visibility().name());
        properties.put("version", product.version());
        properties.put("purpose", product.description().purpose());
        properties.put("limitations", product.description().limitations());
        properties.put("usage", product.description().usage());
        properties.put("tags", product.tags());
        properties.put("classifications", classifications(product.datasets().stream()));
        properties.put("keywords", keywords(product.id().value(), product.tags()));
        properties.put("contentHash", contentHash(product));
        properties.put(
                "templateId",
                product.template() == null ? null : product.template().id());
        properties.put(
                "templateVersion",
                product.template() == null ? null : product.template().version());
        return Map.of(
                "id", product.id().value(),
                "domain", product.domain().value(),
                "properties", properties,
                "owner",
                        product.team() == null
                                ? List.of()
                                : List.of(product.team().name()),
                "outputPorts",
                        product.outputPorts().stream()
                                .map(port -> Map.of(
                                        "name",
                                        port.name(),
                                        "description",
                                        port.description(),
                                        "type",
                                        port.type(),
                                        "version",
                                        port.version(),
                                        "contractId",
                                        port.contractId() == null
                                                ? ""
                                                : port.contractId().value()))
                                .toList(),
                "sla",
                        product.sla().stream()
                                .map(sla -> Map.of(
                                        "property",
                                        sla.property(),
                                        "value",
                                        sla.value(),
                                        "unit",
                                        sla.unit(),
                                        "element",
                                        sla.element()))
                                .toList(),
                "support",
                        product.support().stream()
                                .map(s -> Map.of(
                                        "channel", s.channel(), "url", s.url(), "tool", s.tool(), "scope", s.scope()))
                                .toList());
    }

    static List<Map<String, Object>> datasets(DataProduct product) {
        return product.datasets().stream()
                .map(dataset -> Map.<String, Object>of(
                        "id", dataset.id().value(),
                        "properties", datasetProperties(product, dataset),
                        "fields", fields(dataset)))
                .toList();
    }

    private static Map<String, Object> datasetProperties(DataProduct product, Dataset dataset) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("name", dataset.id().name());
        properties.put("domain", dataset.id().domain().value());
        properties.put("product", product.id().value());
        properties.put("physicalName", dataset.physicalName());
        properties.put("physicalType", dataset.physicalType());
        properties.put("businessName", dataset.businessName());
        properties.put("description", dataset.description());
        properties.put("tags", dataset.tags());
        properties.put("classifications", classifications(Stream.of(dataset)));
        properties.put("keywords", keywords(dataset.id().value(), dataset.tags()));
        // null removes a freshness the SLA no longer promises
        try {
            Optional<FreshnessSla> freshness =
                    FreshnessSla.of(product.sla(), dataset.id().name());
            properties.put(
                    "freshnessMs", freshness.map(f -> f.maxAge().toMillis()).orElse(null));
            properties.put("freshnessSla", freshness.map(FreshnessSla::declared).orElse(""));
        } catch (IllegalArgumentException e) {
            properties.put("freshnessMs", null);
            properties.put("freshnessSla", "its SLA cannot be checked: " + e.getMessage());
        }
        return properties;
    }

    private static List<Map<String, Object>> fields(Dataset dataset) {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (int position = 0; position < dataset.fields().size(); position++) {
            fields.add(field(dataset, dataset.fields().get(position), position));
        }
        return fields;
    }

    private static Map<String, Object> field(Dataset dataset, Field field, int position) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("position", position);
        properties.put("name", field.name());
        properties.put("dataset", dataset.id().value());
        properties.put("domain", dataset.id().domain().value());
        properties.put("logicalType", field.logicalType());
        properties.put("physicalType", field.physicalType());
        properties.put("businessName", field.businessName());
        properties.put("description", field.description());
        properties.put(
                "classification",
                field.classification() == null ? null : field.classification().name());
        properties.put("criticalDataElement", field.criticalDataElement());
        properties.put("required", field.required());
        properties.put("primaryKey", field.primaryKey());
        properties.put("tags", field.tags());
        properties.put("transformDescription", field.transformDescription());
        properties.put("examples", field.examples());
        properties.put("keywords", keywords(dataset.ref(field).value(), field.tags()));
        return Map.of("id", dataset.ref(field).value(), "properties", properties);
    }

    static List<String> datasetIds(DataProduct product) {
        return product.datasets().stream().map(d -> d.id().value()).toList();
    }

    static List<String> fieldIds(DataProduct product) {
        return product.datasets().stream()
                .flatMap(d -> d.fields().stream().map(f -> d.ref(f).value()))
                .toList();
    }

    static List<Map<String, Object>> inputs(DataProduct product) {
        return product.inputPorts().stream()
                .map(port -> Map.<String, Object>of(
                        "name",
                        port.name(),
                        "version",
                        port.version(),
                        "dataset",
                        port.contractId().value(),
                        "datasetName",
                        port.contractId().name(),
                        "domain",
                        port.contractId().domain().value()))
                .toList();
    }

    static List<Map<String, Object>> fieldEdges(DataProduct product) {
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Dataset dataset : product.datasets()) {
            for (Field field : dataset.fields()) {
                for (FieldRef source : field.transformSourceObjects()) {
                    edges.add(Map.of(
                            "source", source.value(),
                            "sourceName", source.name(),
                            "sourceDataset", source.dataset().value(),
                            "sourceDatasetName", source.dataset().name(),
                            "sourceDomain", source.dataset().domain().value(),
                            "target", dataset.ref(field).value(),
                            "transform", field.transformDescription()));
                }
            }
        }
        return edges;
    }

    static List<Map<String, Object>> consumers(DataProduct product) {
        return product.consumers().stream()
                .map(consumer -> Map.<String, Object>of(
                        "id", consumer.id(),
                        "owner", consumer.ownerTeam() == null ? List.of() : List.of(consumer.ownerTeam()),
                        "datasets", consumerDatasets(product, consumer),
                        "properties", consumerProperties(consumer)))
                .toList();
    }

    private static Map<String, Object> consumerProperties(Consumer consumer) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("name", consumer.name());
        properties.put("kind", consumer.kind().name());
        properties.put("description", consumer.description());
        properties.put("external", consumer.external());
        properties.put("destination", consumer.destination());
        // null removes a purpose the consumer no longer declares
        properties.put(
                "purpose",
                consumer.purpose() == null ? null : consumer.purpose().value());
        properties.put("keywords", keywords(consumer.id(), List.of(consumer.destination())));
        return properties;
    }

    private static List<String> consumerDatasets(DataProduct product, Consumer consumer) {
        return (consumer.datasets().isEmpty()
                        ? product.datasets().stream().map(Dataset::id)
                        : consumer.datasets().stream())
                .map(Object::toString)
                .toList();
    }

    /** Words for the full-text index: ids and names split at dots and underscores, plus tags. */
    static String keywords(String id, List<String> tags) {
        Set<String> words = new LinkedHashSet<>();
        words.add(id);
        words.add(id.replace('.', ' ').replace('_', ' '));
        tags.stream().filter(tag -> !tag.isBlank()).forEach(words::add);
        return String.join(" ", words);
    }

    private static List<String> classifications(Stream<Dataset> datasets) {
        return datasets.flatMap(d -> d.fields().stream())
                .map(Field::classification)
                .filter(Objects::nonNull)
                .map(Classification::name)
                .distinct()
                .sorted()
                .toList();
    }

    /** A digest of everything the product declares; equal digests mean an upsert changes nothing. */
    static String contentHash(DataProduct product) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(product.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
