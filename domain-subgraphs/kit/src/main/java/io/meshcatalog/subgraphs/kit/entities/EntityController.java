package io.meshcatalog.subgraphs.kit.entities;

import graphql.schema.DataFetchingEnvironment;
import io.meshcatalog.graph.vocabulary.CatalogDataset;
import io.meshcatalog.graph.vocabulary.CatalogIndex;
import io.meshcatalog.graph.vocabulary.CatalogProduct;
import io.meshcatalog.subgraphs.kit.access.SubgraphCaller;
import io.meshcatalog.subgraphs.kit.catalog.OwnProduct;
import io.meshcatalog.subgraphs.kit.catalog.ProductEntity;
import io.meshcatalog.subgraphs.kit.catalog.ProductReference;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.stereotype.Controller;

/**
 * Resolves {@code _entities} representations of {@code DataProduct} and {@code Dataset} by their key {@code id}.
 * One representation at a time, so each one gets its own answer at its own index: an unknown id is null (this
 * subgraph has nothing to say about it, which is not an error), a representation without a usable key is an error.
 * A product the caller may not see, or a dataset of one, is null exactly like an unknown id; another domain's
 * product is answered only to a request the gateway vouched for.
 */
@Controller
public class EntityController {

    static final String KEY = "id";

    private final CatalogIndex index;
    private final ForeignProducts foreign;

    public EntityController(CatalogIndex index, ForeignProducts foreign) {
        this.index = index;
        this.foreign = foreign;
    }

    @EntityMapping("DataProduct")
    public @Nullable ProductEntity dataProduct(Map<String, Object> representation, DataFetchingEnvironment env) {
        String id = key(representation);
        SubgraphCaller caller = SubgraphCaller.of(env);
        Optional<CatalogProduct> own = index.product(id);
        if (own.isPresent()) {
            return caller.sees(own.get()) ? new OwnProduct(own.get()) : null;
        }
        return caller.vouched() && foreign.knows(id) ? reference(id, representation) : null;
    }

    @EntityMapping("Dataset")
    public @Nullable CatalogDataset dataset(Map<String, Object> representation, DataFetchingEnvironment env) {
        SubgraphCaller caller = SubgraphCaller.of(env);
        return index.dataset(key(representation))
                .filter(dataset ->
                        index.product(dataset.productId()).filter(caller::sees).isPresent())
                .orElse(null);
    }

    private static ProductReference reference(String id, Map<String, Object> representation) {
        Map<String, Object> supplied = new HashMap<>();
        representation.forEach((name, value) -> {
            if (value != null && !name.equals("__typename") && !name.equals(KEY)) {
                supplied.put(name, value);
            }
        });
        return new ProductReference(id, supplied);
    }

    private static String key(Map<String, Object> representation) {
        Object id = representation.get(KEY);
        if (id == null) {
            throw new BadRepresentationException("missing key field '" + KEY + "'");
        }
        if (!(id instanceof String value) || value.isBlank()) {
            throw new BadRepresentationException("key field '" + KEY + "' must be a non-empty string, not " + id);
        }
        return value;
    }
}
