package io.meshcatalog.gateway.completion;

import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldValueInfo;
import graphql.execution.MergedField;
import graphql.execution.NonNullableFieldWasNullException;
import graphql.language.Field;
import graphql.language.SelectionSet;
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

  /** Where each request keeps the selections it worked out, per merged field: the items of a list share them. */
  private record PerRequest() {
  }

  private static final PerRequest KEY = new PerRequest();

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
      Selections selections = selections(context, parameters.getField());
      Object completed = new PlainCompletion(reading(context)).complete(type, value, selections);
      if (completed != PlainCompletion.CANNOT) {
        return new FieldValueInfo(isList(type) ? FieldValueInfo.CompleteValueType.LIST
            : FieldValueInfo.CompleteValueType.OBJECT, completed);
      }
    }
    return super.completeValue(context, parameters);
  }

  private static boolean isList(GraphQLType type) {
    return GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList;
  }

  private static Reading reading(ExecutionContext context) {
    return Reading.resolverFree(context.getGraphQLSchema().getCodeRegistry(), context.getValueUnboxer(),
        context.getGraphQLContext(), context.getLocale());
  }

  /** The field's selections, worked out once per request: a list's items, completed one by one, ask again. */
  private static Selections selections(ExecutionContext context, MergedField field) {
    Map<MergedField, Selections> made = context.getGraphQLContext()
        .computeIfAbsent(KEY, key -> Collections.synchronizedMap(new IdentityHashMap<MergedField, Selections>()));
    return Objects.requireNonNull(made).computeIfAbsent(field, merged -> {
      Map<String, Boolean> conditions = new java.util.HashMap<>();
      context.getCoercedVariables().toMap().forEach((name, value) -> {
        if (value instanceof Boolean condition) {
          conditions.put(name, condition);
        }
      });
      List<SelectionSet> sets = merged.getFields().stream().map(Field::getSelectionSet).filter(Objects::nonNull)
          .toList();
      return new Selections(context.getGraphQLSchema(), reading(context), sets, context.getFragmentsByName(),
          conditions);
    });
  }
}
