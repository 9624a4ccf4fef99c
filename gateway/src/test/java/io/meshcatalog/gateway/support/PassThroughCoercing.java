package io.meshcatalog.gateway.support;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import java.util.Locale;

/** Custom scalars in test subgraphs: values pass through untouched. */
final class PassThroughCoercing implements Coercing<Object, Object> {

    @Override
    public Object serialize(Object dataFetcherResult, GraphQLContext context, Locale locale) {
        return dataFetcherResult;
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
        return input;
    }

    @Override
    public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        return input instanceof StringValue s ? s.getValue() : input.toString();
    }
}
