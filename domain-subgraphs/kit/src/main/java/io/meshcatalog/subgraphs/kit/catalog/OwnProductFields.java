package io.meshcatalog.subgraphs.kit.catalog;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.PropertyDataFetcherHelper;
import org.jspecify.annotations.Nullable;

/**
 * The default fetcher of {@code DataProduct} fields no resolver claims: reads the vocabulary view of an
 * {@link OwnProduct}, and the source itself otherwise (a {@link ProductReference} has only its key).
 */
public final class OwnProductFields implements DataFetcher<@Nullable Object> {

    @Override
    public @Nullable Object get(DataFetchingEnvironment env) {
        Object source = env.getSource();
        Object target = source instanceof OwnProduct own ? own.view() : source;
        return target == null
                ? null
                : PropertyDataFetcherHelper.getPropertyValue(
                        env.getFieldDefinition().getName(), target, env.getFieldType(), () -> env);
    }
}
