package io.meshcatalog.gateway.execution;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import io.meshcatalog.gateway.planning.Operations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The merged data of a filtered operation's plan, reduced to what the filtered operation selects. The response is
 * then shaped over the client's own operation, so a field the authorization filter removed reads as null (with null
 * propagation), as Apollo's router answers it, and never as a value the planner fetched for itself: a protected key
 * field still joins entities, and its value stays out of the answer. {@code __typename} is kept wherever the data has
 * it, for the shaping to place abstract types; conditions ({@code @skip}, {@code @include}) are left to the shaping.
 */
final class FilteredData {

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments;

    private FilteredData(GraphQLSchema schema, Map<String, FragmentDefinition> fragments) {
        this.schema = schema;
        this.fragments = fragments;
    }

    /**
     * The data with only what the operation selects.
     *
     * @param filtered the filtered document
     * @param rootType the operation's root type in the API schema
     */
    static @Nullable Map<String, @Nullable Object> of(
            GraphQLSchema schema,
            Document filtered,
            @Nullable String operationName,
            GraphQLObjectType rootType,
            @Nullable Map<String, @Nullable Object> data) {
        if (data == null) {
            return null;
        }
        FilteredData reduction = new FilteredData(schema, Operations.fragments(filtered));
        Selections root = new Selections(
                List.of(Operations.select(filtered, operationName).getSelectionSet()));
        return reduction.object(root, rootType, data);
    }

    private Map<String, @Nullable Object> object(
            Selections selections, GraphQLCompositeType staticType, Map<?, ?> source) {
        GraphQLCompositeType type = staticType;
        if (source.get("__typename") instanceof String typename
                && schema.getType(typename) instanceof GraphQLObjectType object) {
            type = object;
        }
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        if (source.containsKey("__typename")) {
            out.put("__typename", source.get("__typename"));
        }
        for (Map.Entry<String, Selected> entry : selections.of(type, this).entrySet()) {
            String key = entry.getKey();
            if (source.containsKey(key)) {
                Selected selected = entry.getValue();
                out.put(
                        key,
                        selected.below == null
                                ? source.get(key)
                                : value(selected.type, source.get(key), selected.below));
            }
        }
        return out;
    }

    private @Nullable Object value(GraphQLOutputType type, @Nullable Object value, Selections below) {
        if (value instanceof List<?> items) {
            List<@Nullable Object> out = new ArrayList<>(items.size());
            GraphQLOutputType itemType = GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type))
                    ? (GraphQLOutputType) GraphQLTypeUtil.unwrapOne(GraphQLTypeUtil.unwrapNonNull(type))
                    : type;
            items.forEach(item -> out.add(value(itemType, item, below)));
            return out;
        }
        if (value instanceof Map<?, ?> object
                && GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLCompositeType composite) {
            return object(below, composite, object);
        }
        return value;
    }

    /** A selected response key: the field's output type and what is selected below it (null for a leaf). */
    private record Selected(
            GraphQLOutputType type, @Nullable Selections below) {}

    /** The merged selection sets of one response key, collected per concrete type as data of that type comes by. */
    private static final class Selections {

        private final List<SelectionSet> sets;
        private final Map<String, Map<String, Selected>> byType = new HashMap<>();

        Selections(List<SelectionSet> sets) {
            this.sets = sets;
        }

        Map<String, Selected> of(GraphQLCompositeType type, FilteredData data) {
            Map<String, Selected> collected = byType.get(type.getName());
            if (collected == null) {
                collected = collect(type, data);
                byType.put(type.getName(), collected);
            }
            return collected;
        }

        private Map<String, Selected> collect(GraphQLCompositeType type, FilteredData data) {
            Map<String, List<Field>> byKey = new LinkedHashMap<>();
            Set<String> spread = new HashSet<>();
            sets.forEach(set -> collect(type, set, byKey, spread, data));
            Map<String, Selected> selected = new LinkedHashMap<>();
            byKey.forEach((key, fields) -> {
                GraphQLFieldDefinition definition = type instanceof GraphQLFieldsContainer container
                        ? container.getFieldDefinition(fields.get(0).getName())
                        : null;
                if (definition == null) {
                    return;
                }
                List<SelectionSet> below = fields.stream()
                        .map(Field::getSelectionSet)
                        .filter(java.util.Objects::nonNull)
                        .toList();
                selected.put(key, new Selected(definition.getType(), below.isEmpty() ? null : new Selections(below)));
            });
            return selected;
        }

        /** Fields by response key, as a field collector finds them (each fragment once per collection). */
        private static void collect(
                GraphQLCompositeType type,
                SelectionSet set,
                Map<String, List<Field>> byKey,
                Set<String> spread,
                FilteredData data) {
            for (Selection<?> selection : set.getSelections()) {
                if (selection instanceof Field field) {
                    byKey.computeIfAbsent(field.getResultKey(), k -> new ArrayList<>())
                            .add(field);
                } else if (selection instanceof InlineFragment inline) {
                    if (inline.getTypeCondition() == null
                            || data.applies(inline.getTypeCondition().getName(), type)) {
                        collect(type, inline.getSelectionSet(), byKey, spread, data);
                    }
                } else if (selection instanceof FragmentSpread fragmentSpread && spread.add(fragmentSpread.getName())) {
                    FragmentDefinition fragment = data.fragments.get(fragmentSpread.getName());
                    if (fragment != null
                            && data.applies(fragment.getTypeCondition().getName(), type)) {
                        collect(type, fragment.getSelectionSet(), byKey, spread, data);
                    }
                }
            }
        }
    }

    private boolean applies(String condition, GraphQLCompositeType type) {
        return condition.equals(type.getName())
                || (type instanceof GraphQLObjectType object
                        && schema.getType(condition) instanceof GraphQLNamedOutputType named
                        && !(named instanceof GraphQLObjectType)
                        && schema.isPossibleType(named, object));
    }
}
