package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.model.ProductStatus;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Where a product, dataset or field is in its life: its product's status, or RETIRED when its product retired or
 * dropped it, then with when ({@code retiredAt}) and what retired it ({@code retiredBy}, such as the harvest of a
 * subgraph by a caller). {@code sunset} is the day a deprecated product goes away, when it names one.
 */
public record Lifecycle(
        ProductStatus status,
        @Nullable Instant retiredAt,
        @Nullable String retiredBy,
        @Nullable LocalDate sunset) {

    public boolean retired() {
        return status == ProductStatus.RETIRED;
    }
}
