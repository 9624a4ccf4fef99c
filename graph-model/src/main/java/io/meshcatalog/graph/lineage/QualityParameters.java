package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.openlineage.DatasetQuality;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A run's data quality result as node properties and back: assertions and column metrics as parallel lists (a node
 * property cannot hold a list of maps), NaN for a metric not given, {@code ""} for an assertion's missing column or
 * severity. Pure, so the round trip is checked without a database.
 */
final class QualityParameters {

    private QualityParameters() {}

    static Map<String, Object> of(DatasetQuality quality) {
        Map<String, Object> p = new HashMap<>();
        p.put("rowCount", quality.rowCount());
        p.put("bytes", quality.bytes());
        List<DatasetQuality.Assertion> tests = quality.assertions();
        p.put(
                "assertions",
                tests.stream().map(DatasetQuality.Assertion::assertion).toList());
        p.put(
                "assertionSuccess",
                tests.stream().map(DatasetQuality.Assertion::success).toList());
        p.put(
                "assertionColumns",
                tests.stream()
                        .map(a -> Objects.requireNonNullElse(a.column(), ""))
                        .toList());
        p.put(
                "assertionSeverity",
                tests.stream()
                        .map(a -> Objects.requireNonNullElse(a.severity(), ""))
                        .toList());
        p.put("passed", tests.stream().filter(DatasetQuality.Assertion::success).count());
        p.put("failed", tests.stream().filter(a -> !a.success()).count());
        List<DatasetQuality.ColumnMetrics> columns = quality.columns();
        p.put(
                "metricColumns",
                columns.stream().map(DatasetQuality.ColumnMetrics::column).toList());
        p.put("nullCounts", metric(columns, DatasetQuality.ColumnMetrics::nullCount));
        p.put("distinctCounts", metric(columns, DatasetQuality.ColumnMetrics::distinctCount));
        p.put("counts", metric(columns, DatasetQuality.ColumnMetrics::count));
        p.put("sums", metric(columns, DatasetQuality.ColumnMetrics::sum));
        p.put("mins", metric(columns, DatasetQuality.ColumnMetrics::min));
        p.put("maxes", metric(columns, DatasetQuality.ColumnMetrics::max));
        return p;
    }

    /** The result the properties hold, as the {@code dataset-quality} statement returns them. */
    static DatasetQuality read(Map<String, Object> row) {
        List<String> names = strings(row.get("assertions"));
        List<?> success = list(row.get("assertionSuccess"));
        List<String> columns = strings(row.get("assertionColumns"));
        List<String> severity = strings(row.get("assertionSeverity"));
        List<DatasetQuality.Assertion> tests = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            tests.add(new DatasetQuality.Assertion(
                    names.get(i),
                    Boolean.TRUE.equals(success.get(i)),
                    blankToNull(columns.get(i)),
                    blankToNull(severity.get(i))));
        }
        List<String> metricColumns = strings(row.get("metricColumns"));
        List<DatasetQuality.ColumnMetrics> metrics = new ArrayList<>();
        for (int i = 0; i < metricColumns.size(); i++) {
            metrics.add(new DatasetQuality.ColumnMetrics(
                    metricColumns.get(i),
                    at(row, "nullCounts", i),
                    at(row, "distinctCounts", i),
                    at(row, "counts", i),
                    at(row, "sums", i),
                    at(row, "mins", i),
                    at(row, "maxes", i)));
        }
        return new DatasetQuality(number(row.get("rowCount")), number(row.get("bytes")), tests, metrics);
    }

    private static List<Double> metric(
            List<DatasetQuality.ColumnMetrics> columns,
            Function<DatasetQuality.ColumnMetrics, @Nullable Double> metric) {
        return columns.stream()
                .map(c -> Objects.requireNonNullElse(metric.apply(c), Double.NaN))
                .toList();
    }

    private static @Nullable Double at(Map<String, Object> row, String key, int i) {
        List<?> values = list(row.get(key));
        return i < values.size() ? number(values.get(i)) : null;
    }

    private static @Nullable Double number(@Nullable Object value) {
        return value instanceof Number n && !Double.isNaN(n.doubleValue()) ? n.doubleValue() : null;
    }

    private static List<?> list(@Nullable Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static List<String> strings(@Nullable Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }

    private static @Nullable String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
