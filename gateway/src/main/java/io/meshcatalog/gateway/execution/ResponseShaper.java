package io.meshcatalog.gateway.execution;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.meshcatalog.gateway.completion.PlainCompletion;
import io.meshcatalog.gateway.completion.Reading;
import io.meshcatalog.gateway.completion.Selections;
import io.meshcatalog.gateway.planning.Operations;
import io.meshcatalog.gateway.planning.PlanningException;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.cache.CaffeineStatsCounter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Shapes merged subgraph data over an operation with a {@link PlainCompletion} (a copy) instead of graphql-java's
 * execution, for the common case: an operation without schema introspection and without directives other than
 * {@code @skip} and {@code @include} (applied with the request's variables), over data where every value already is
 * what the API schema says it is. graphql-java's execution costs more per request than the rest of the gateway's own
 * work, while for such data it only copies values, in selection order, under their response keys.
 *
 * <p>Anything else is left to graphql-java, which stays the reference: the shaper answers null (and does no
 * harm) for an operation with any other directive, for {@code __schema} and
 * {@code __type}, and for data with a null in a non-null position (which needs null propagation and its error),
 * a {@code __typename} that is not a possible type (an {@code @interfaceObject} stand-in, an inaccessible type), an
 * enum value the API schema does not have, or a built-in scalar in a form that needs coercion other than a
 * whole number for a {@code Float} or an {@code ID}.
 */
final class ResponseShaper {

    /** Combinations of {@code @skip}/{@code @include} variable values kept compiled per operation. */
    private static final int MAX_CONDITION_COMBINATIONS = 16;

    private static final PlainCompletion COMPLETION = new PlainCompletion(Reading.MERGED_DATA);

    private final GraphQLSchema schema;
    private final Cache<Key, Optional<Operation>> operations;

    /** @param maxEntries how many operations it keeps compiled; the least recently used goes first */
    ResponseShaper(GraphQLSchema schema, int maxEntries) {
        this.schema = schema;
        this.operations = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .recordStats(() -> new CaffeineStatsCounter(Metrics.globalRegistry, "shapes"))
                .build();
    }

    /**
     * The {@code data} of the response, or null when graphql-java must shape it.
     *
     * @param query the document's text, its cache key with the operation name
     * @param document the parsed, validated document
     * @param variables the request's variables with their defaults, for {@code @skip} and {@code @include}
     * @param root the merged data of the plan's fetches; null when there is none
     */
    @Nullable
    Map<String, @Nullable Object> shape(
            String query,
            Document document,
            @Nullable String operationName,
            Map<String, @Nullable Object> variables,
            @Nullable Map<String, @Nullable Object> root) {
        if (root == null) {
            return null;
        }
        Optional<Operation> operation = operations.get(
                new Key(query, operationName), key -> Optional.ofNullable(compile(document, operationName)));
        Selections selections = operation.isEmpty() ? null : operation.get().selections(variables);
        if (selections == null) {
            return null;
        }
        Object shaped = COMPLETION.complete(operation.get().rootType, root, selections);
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> data =
                shaped == PlainCompletion.CANNOT ? null : (Map<String, @Nullable Object>) shaped;
        return data;
    }

    private @Nullable Operation compile(Document document, @Nullable String operationName) {
        OperationDefinition operation;
        try {
            operation = Operations.select(document, operationName);
        } catch (PlanningException e) {
            return null;
        }
        GraphQLObjectType rootType = switch (operation.getOperation()) {
            case QUERY -> schema.getQueryType();
            case MUTATION -> schema.getMutationType();
            default -> null;
        };
        Map<String, FragmentDefinition> fragments = Operations.fragments(document);
        java.util.SortedSet<String> conditionVariables = new java.util.TreeSet<>();
        if (rootType == null
                || !operation.getDirectives().isEmpty()
                || !plain(operation.getSelectionSet(), fragments, conditionVariables)) {
            return null;
        }
        return new Operation(rootType, operation.getSelectionSet(), fragments, List.copyOf(conditionVariables));
    }

    /**
     * Whether a selection set and the fragments it uses have no schema introspection and no directives but
     * {@code @skip} and {@code @include}; adds the variables those read to {@code conditionVariables}.
     */
    private static boolean plain(
            SelectionSet set, Map<String, FragmentDefinition> fragments, java.util.Set<String> conditionVariables) {
        return set.getSelections().stream().allMatch(selection -> plain(selection, fragments, conditionVariables));
    }

    private static boolean plain(
            Selection<?> selection,
            Map<String, FragmentDefinition> fragments,
            java.util.Set<String> conditionVariables) {
        if (selection instanceof Field field) {
            return conditionsOnly(field.getDirectives(), conditionVariables)
                    && !field.getName().equals("__schema")
                    && !field.getName().equals("__type")
                    && (field.getSelectionSet() == null
                            || plain(field.getSelectionSet(), fragments, conditionVariables));
        }
        if (selection instanceof InlineFragment inline) {
            return conditionsOnly(inline.getDirectives(), conditionVariables)
                    && plain(inline.getSelectionSet(), fragments, conditionVariables);
        }
        if (selection instanceof FragmentSpread spread) {
            FragmentDefinition fragment = fragments.get(spread.getName());
            return conditionsOnly(spread.getDirectives(), conditionVariables)
                    && fragment != null
                    && fragment.getDirectives().isEmpty()
                    && plain(fragment.getSelectionSet(), fragments, conditionVariables);
        }
        return false;
    }

    /**
     * Whether these directives are only {@code @skip} and {@code @include}, each on a literal or a variable; adds
     * the variables they read to {@code conditionVariables}.
     */
    private static boolean conditionsOnly(List<Directive> directives, java.util.Set<String> conditionVariables) {
        for (Directive directive : directives) {
            Value<?> condition = directive.getArgument("if") == null
                    ? null
                    : directive.getArgument("if").getValue();
            if (!(directive.getName().equals("skip") || directive.getName().equals("include"))
                    || !(condition instanceof BooleanValue || condition instanceof VariableReference)) {
                return false;
            }
            if (condition instanceof VariableReference variable) {
                conditionVariables.add(variable.getName());
            }
        }
        return true;
    }

    private record Key(String query, @Nullable String operationName) {}

    /**
     * A compiled operation: its selections per combination of the values of the variables its {@code @skip} and
     * {@code @include} read (one combination when it reads none).
     */
    private final class Operation {

        private final GraphQLObjectType rootType;
        private final SelectionSet selectionSet;
        private final Map<String, FragmentDefinition> fragments;
        private final List<String> conditionVariables;
        private final Map<String, Selections> byConditions = new ConcurrentHashMap<>();

        Operation(
                GraphQLObjectType rootType,
                SelectionSet selectionSet,
                Map<String, FragmentDefinition> fragments,
                List<String> conditionVariables) {
            this.rootType = rootType;
            this.selectionSet = selectionSet;
            this.fragments = fragments;
            this.conditionVariables = conditionVariables;
        }

        /** The selections with these variables; null when a condition variable has no boolean value. */
        @Nullable
        Selections selections(Map<String, @Nullable Object> variables) {
            Map<String, Boolean> conditions = new java.util.HashMap<>();
            StringBuilder key = new StringBuilder();
            for (String name : conditionVariables) {
                if (!(variables.get(name) instanceof Boolean value)) {
                    return null;
                }
                conditions.put(name, value);
                key.append(value ? 't' : 'f');
            }
            Selections cached = byConditions.get(key.toString());
            if (cached != null) {
                return cached;
            }
            Selections made = new Selections(
                    schema, Reading.MERGED_DATA, List.of(selectionSet), fragments, Map.copyOf(conditions));
            // n condition variables make up to 2^n combinations: a few are kept, the rest are collected per request.
            if (byConditions.size() < MAX_CONDITION_COMBINATIONS) {
                byConditions.putIfAbsent(key.toString(), made);
            }
            return made;
        }
    }
}
