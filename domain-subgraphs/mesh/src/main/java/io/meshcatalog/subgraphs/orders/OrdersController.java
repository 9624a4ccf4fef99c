package io.meshcatalog.subgraphs.orders;

import io.meshcatalog.graph.vocabulary.CatalogDataset;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Resolves {@code Dataset.rowsPerDay}, which only the orders domain knows for its tables. */
@Controller
public class OrdersController {

    /** 28-day averages from the order store's statistics (demo figures). */
    private static final Map<String, Integer> ROWS_PER_DAY = Map.of("orders.orders", 1850, "orders.returns", 96);

    @SchemaMapping(typeName = "Dataset")
    public @Nullable Integer rowsPerDay(CatalogDataset dataset) {
        return ROWS_PER_DAY.get(dataset.id());
    }
}
