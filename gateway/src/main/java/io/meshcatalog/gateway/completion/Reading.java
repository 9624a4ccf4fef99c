package io.meshcatalog.gateway.completion;

import graphql.GraphQLContext;
import graphql.execution.ValueUnboxer;
import graphql.language.Field;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.PropertyDataFetcher;
import graphql.schema.SingletonPropertyDataFetcher;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where a plain completion finds a field's value in its parent's map, and what a leaf becomes in the response. A
 * method answering null (or false) leaves the value to graphql-java, which stays the reference.
 */
public interface Reading {

    /** The key a field's value is under in its parent's map; null when the value is not read from the map. */
    @Nullable
    String key(GraphQLObjectType parent, GraphQLFieldDefinition definition, Field field);

    /** The value itself, out of any box graphql-java would open. */
    @Nullable
    Object unbox(@Nullable Object value);

    /** A scalar as the response has it; null when graphql-java has something to judge. */
    @Nullable
    Object scalar(GraphQLScalarType type, Object value);

    /** An enum value as the response has it; null when graphql-java has something to judge. */
    @Nullable
    Object enumValue(GraphQLEnumType type, Object value);

    /**
     * Merged subgraph data: values are under their response keys and already serialised, so a built-in scalar passes
     * when it is what graphql-java would give (a whole number for a {@code Float} or an {@code ID} is converted), a
     * custom scalar passes as it is, and an enum value passes when the API schema has it.
     */
    Reading MERGED_DATA = new Reading() {
        @Override
        public String key(GraphQLObjectType parent, GraphQLFieldDefinition definition, Field field) {
            return field.getResultKey();
        }

        @Override
        public @Nullable Object unbox(@Nullable Object value) {
            return value;
        }

        @Override
        public @Nullable Object scalar(GraphQLScalarType type, Object value) {
            return switch (type.getName()) {
                case "String" -> value instanceof String ? value : null;
                case "Boolean" -> value instanceof Boolean ? value : null;
                case "Int" -> value instanceof Integer ? value : null;
                case "Float" ->
                    value instanceof Double d
                            ? (Double.isFinite(d) ? d : null)
                            : wholeNumber(value) ? ((Number) value).doubleValue() : null;
                case "ID" -> value instanceof String ? value : wholeNumber(value) ? value.toString() : null;
                default -> value;
            };
        }

        @Override
        public @Nullable Object enumValue(GraphQLEnumType type, Object value) {
            return value instanceof String name && type.getValue(name) != null ? name : null;
        }

        private static boolean wholeNumber(Object value) {
            return value instanceof Integer || value instanceof Long;
        }
    };

    /**
     * Values a resolver returned, as graphql-java's default fetcher reads them: a field without a data fetcher of its
     * own is its parent map's entry under the field's name, and leaves are serialised by their types exactly as
     * graphql-java serialises them (any problem is left to it, to report).
     *
     * @param registry which fields have data fetchers of their own
     */
    static Reading resolverFree(
            GraphQLCodeRegistry registry, ValueUnboxer unboxer, GraphQLContext context, Locale locale) {
        return new Reading() {
            @Override
            public @Nullable String key(GraphQLObjectType parent, GraphQLFieldDefinition definition, Field field) {
                FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, definition);
                if (registry.hasDataFetcher(coordinates)) {
                    return null;
                }
                DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, definition);
                boolean byName = fetcher == SingletonPropertyDataFetcher.singleton()
                        || fetcher instanceof PropertyDataFetcher<?> property
                                && property.getPropertyName().equals(definition.getName());
                return byName ? definition.getName() : null;
            }

            @Override
            public @Nullable Object unbox(@Nullable Object value) {
                return unboxer.unbox(value);
            }

            @Override
            public @Nullable Object scalar(GraphQLScalarType type, Object value) {
                try {
                    return type.getCoercing().serialize(value, context, locale);
                } catch (RuntimeException e) {
                    return null;
                }
            }

            @Override
            public @Nullable Object enumValue(GraphQLEnumType type, Object value) {
                try {
                    return type.serialize(value, context, locale);
                } catch (RuntimeException e) {
                    return null;
                }
            }
        };
    }
}
