package io.meshcatalog.gateway.completion;

import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldValueInfo;
import graphql.execution.MergedField;
import graphql.execution.NonNullableFieldWasNullException;
import graphql.language.Field;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * graphql-java's default strategy, except that a list or object whose selected fields are all entries of maps a
 * resolver returned is completed by {@link PlainCompletion} in one copy rather than field by field. Only what has no
 * data fetcher of its own is copied, so every resolver, DataLoader and error is graphql-java's as before; a value the
 * copy cannot complete (a null in a non-null position, a leaf that needs judgement) is completed by graphql-java.
 */
public final class PlainCompletionStrategy extends AsyncExecutionStrategy {

    public PlainCompletionStrategy(DataFetcherExceptionHandler exceptionHandler) {
        super(exceptionHandler);
    }

    @Override
    protected FieldValueInfo completeValue(ExecutionContext context, ExecutionStrategyParameters parameters)
            throws NonNullableFieldWasNullException {
        GraphQLOutputType type = parameters.getExecutionStepInfo().getType();
        Object value = parameters.getSource();
        if ((value instanceof Map<?, ?> || value instanceof List<?>)
                && !GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(type))) {
            Request request = context.getGraphQLContext().computeIfAbsent(Request.class, key -> new Request(context));
            Object completed = Objects.requireNonNull(request)
                    .completion
                    .complete(type, value, request.selections(parameters.getField()));
            if (completed != PlainCompletion.CANNOT) {
                return new FieldValueInfo(
                        isList(type) ? FieldValueInfo.CompleteValueType.LIST : FieldValueInfo.CompleteValueType.OBJECT,
                        completed);
            }
        }
        return super.completeValue(context, parameters);
    }

    private static boolean isList(GraphQLType type) {
        return GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList;
    }

    /**
     * What one request works out once, kept in its GraphQL context: how its values are read, the values of the
     * variables its {@code @skip} and {@code @include} may read, and each field's selections (a list's items, completed
     * one by one when the list could not be copied whole, ask for the same field again).
     */
    private static final class Request {

        private final ExecutionContext context;
        private final Reading reading;
        private final PlainCompletion completion;
        private final Map<String, Boolean> conditions = new java.util.HashMap<>();
        private final Map<MergedField, Selections> selections = Collections.synchronizedMap(new IdentityHashMap<>());

        Request(ExecutionContext context) {
            this.context = context;
            this.reading = Reading.resolverFree(
                    context.getGraphQLSchema().getCodeRegistry(),
                    context.getValueUnboxer(),
                    context.getGraphQLContext(),
                    context.getLocale());
            this.completion = new PlainCompletion(reading);
            context.getCoercedVariables().toMap().forEach((name, value) -> {
                if (value instanceof Boolean condition) {
                    conditions.put(name, condition);
                }
            });
        }

        Selections selections(MergedField field) {
            return selections.computeIfAbsent(
                    field,
                    merged -> new Selections(
                            context.getGraphQLSchema(),
                            reading,
                            merged.getFields().stream()
                                    .map(Field::getSelectionSet)
                                    .filter(Objects::nonNull)
                                    .toList(),
                            context.getFragmentsByName(),
                            conditions));
        }
    }
}
