package io.meshcatalog.graph.openlineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a dataset's {@code dataQualityAssertions} and {@code dataQualityMetrics} facets, wherever a producer put them
 * ({@code facets}, {@code inputFacets} or {@code outputFacets}), within the event's bounds: each assertion and each
 * column's metrics counts as a field against {@code max-fields}.
 */
final class QualityFacets {

    private static final List<String> PLACES = List.of("facets", "inputFacets", "outputFacets");

    private QualityFacets() {}

    static @Nullable DatasetQuality read(
            JsonNode dataset, String at, IntakeLimits limits, OpenLineageReader.Problems problems) {
        Located assertions = find(dataset, "dataQualityAssertions", at);
        Located metrics = find(dataset, "dataQualityMetrics", at);
        if (assertions == null && metrics == null) {
            return null;
        }
        List<DatasetQuality.Assertion> tests = assertions == null
                ? List.of()
                : assertions(assertions.facet().path("assertions"), assertions.at() + "/assertions", limits, problems);
        List<DatasetQuality.ColumnMetrics> columns = metrics == null
                ? List.of()
                : columns(metrics.facet().path("columnMetrics"), metrics.at() + "/columnMetrics", limits, problems);
        return new DatasetQuality(
                metrics == null ? null : number(metrics.facet(), "rowCount", metrics.at(), problems),
                metrics == null ? null : number(metrics.facet(), "bytes", metrics.at(), problems),
                tests,
                columns);
    }

    private record Located(JsonNode facet, String at) {}

    private static @Nullable Located find(JsonNode dataset, String facet, String at) {
        for (String place : PLACES) {
            JsonNode found = dataset.path(place).path(facet);
            if (found.isObject()) {
                return new Located(found, at + "/" + place + "/" + facet);
            }
        }
        return null;
    }

    private static List<DatasetQuality.Assertion> assertions(
            JsonNode list, String at, IntakeLimits limits, OpenLineageReader.Problems problems) {
        if (!list.isArray()) {
            problems.add(at + ": required, an array");
            return List.of();
        }
        if (!count(list.size(), at, limits, problems)) {
            return List.of();
        }
        List<DatasetQuality.Assertion> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String itemAt = at + "/" + i;
            String assertion = OpenLineageReader.text(item, "assertion", itemAt + "/assertion", problems);
            if (!item.path("success").isBoolean()) {
                problems.add(itemAt + "/success: required, true or false");
                continue;
            }
            String column = optional(item, "column", itemAt, problems);
            String severity = optional(item, "severity", itemAt, problems);
            if (assertion != null) {
                out.add(new DatasetQuality.Assertion(
                        assertion, item.path("success").asBoolean(), column, severity));
            }
        }
        return out;
    }

    private static List<DatasetQuality.ColumnMetrics> columns(
            JsonNode columns, String at, IntakeLimits limits, OpenLineageReader.Problems problems) {
        if (columns.isMissingNode() || columns.isNull()) {
            return List.of();
        }
        if (!columns.isObject()) {
            problems.add(at + ": expected an object keyed by column");
            return List.of();
        }
        if (!count(columns.size(), at, limits, problems)) {
            return List.of();
        }
        List<DatasetQuality.ColumnMetrics> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> column : columns.properties()) {
            String columnAt = at + "/" + OpenLineageReader.pointerEscape(column.getKey());
            String refusal = OpenLineageNames.refusal(column.getKey());
            if (refusal != null || column.getKey().length() > OpenLineageNames.MAX_KEY_LENGTH) {
                problems.add(columnAt + ": the column's name "
                        + (refusal != null
                                ? refusal
                                : "is longer than " + OpenLineageNames.MAX_KEY_LENGTH + " characters"));
                continue;
            }
            JsonNode m = column.getValue();
            out.add(new DatasetQuality.ColumnMetrics(
                    column.getKey(),
                    number(m, "nullCount", columnAt, problems),
                    number(m, "distinctCount", columnAt, problems),
                    number(m, "count", columnAt, problems),
                    number(m, "sum", columnAt, problems),
                    number(m, "min", columnAt, problems),
                    number(m, "max", columnAt, problems)));
        }
        return out;
    }

    private static boolean count(int size, String at, IntakeLimits limits, OpenLineageReader.Problems problems) {
        problems.fields += size;
        if (problems.fields > limits.fields()) {
            problems.add(at + ": " + problems.fields + " fields so far; " + limits.atMost(limits.fields(), "fields")
                    + " per event");
            return false;
        }
        return true;
    }

    private static @Nullable Double number(JsonNode node, String key, String at, OpenLineageReader.Problems problems) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            problems.add(at + "/" + key + ": expected a number");
            return null;
        }
        return value.asDouble();
    }

    private static @Nullable String optional(
            JsonNode node, String key, String at, OpenLineageReader.Problems problems) {
        JsonNode value = node.path(key);
        return value.isMissingNode() || value.isNull()
                ? null
                : OpenLineageReader.text(node, key, at + "/" + key, problems);
    }
}
