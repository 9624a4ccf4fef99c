package io.meshcatalog.graph.openlineage;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a run found of a dataset's quality: OpenLineage's {@code dataQualityMetrics} (row count, bytes, per-column
 * metrics) and {@code dataQualityAssertions} (each test and whether it passed).
 */
public record DatasetQuality(
        @Nullable Double rowCount, @Nullable Double bytes, List<Assertion> assertions, List<ColumnMetrics> columns) {

    public DatasetQuality {
        assertions = List.copyOf(assertions);
        columns = List.copyOf(columns);
    }

    /**
     * One test and its outcome, for example {@code not_null} on column {@code id}.
     *
     * @param column the column tested; null when the test is about the whole dataset
     * @param severity as configured, such as {@code error} or {@code warn}; null when not given
     */
    public record Assertion(
            String assertion,
            boolean success,
            @Nullable String column,
            @Nullable String severity) {}

    /** One column's metrics; each null when not reported. */
    public record ColumnMetrics(
            String column,
            @Nullable Double nullCount,
            @Nullable Double distinctCount,
            @Nullable Double count,
            @Nullable Double sum,
            @Nullable Double min,
            @Nullable Double max) {}
}
