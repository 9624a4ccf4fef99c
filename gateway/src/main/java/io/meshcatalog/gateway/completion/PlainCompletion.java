package io.meshcatalog.gateway.completion;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Completes a value over its selections by copying, without graphql-java's execution, where that execution would only
 * copy: maps and lists whose every selected field is an entry of its parent map ({@link Reading}), leaves that need no
 * judgement, no null in a non-null position. graphql-java's execution costs far more per value than a copy, which
 * matters for large answers (an impact of 20,000 nodes). Anything else is left to graphql-java, the reference, which
 * the caller then runs: {@link #complete} answers {@link #CANNOT} and has done no harm.
 */
public final class PlainCompletion {

    /** What {@link #complete} answers when graphql-java must complete the value. */
    public static final Object CANNOT = new Object();

    private final Reading reading;

    public PlainCompletion(Reading reading) {
        this.reading = reading;
    }

    /** The value completed as the response holds it, or {@link #CANNOT}. */
    public @Nullable Object complete(GraphQLOutputType type, @Nullable Object value, @Nullable Selections selections) {
        Object unboxed = reading.unbox(value);
        if (type instanceof GraphQLNonNull nonNull) {
            Object inner = complete((GraphQLOutputType) nonNull.getWrappedType(), unboxed, selections);
            return inner == null ? CANNOT : inner;
        }
        if (unboxed == null) {
            return null;
        }
        if (type instanceof GraphQLList list) {
            if (!(unboxed instanceof List<?> items)) {
                return CANNOT;
            }
            GraphQLOutputType itemType = (GraphQLOutputType) list.getWrappedType();
            List<@Nullable Object> out = new ArrayList<>(items.size());
            for (Object item : items) {
                Object completed = complete(itemType, item, selections);
                if (completed == CANNOT) {
                    return CANNOT;
                }
                out.add(completed);
            }
            return out;
        }
        if (type instanceof GraphQLScalarType scalar) {
            return orCannot(reading.scalar(scalar, unboxed));
        }
        if (type instanceof GraphQLEnumType enumType) {
            return orCannot(reading.enumValue(enumType, unboxed));
        }
        if (!(unboxed instanceof Map<?, ?> source) || selections == null) {
            return CANNOT;
        }
        if (type instanceof GraphQLObjectType objectType) {
            return object(selections.of(objectType), source);
        }
        // An interface or a union: the concrete type the value names, if the schema has it there.
        GraphQLSchema schema = selections.schema();
        if (source.get("__typename") instanceof String typename
                && schema.getType(typename) instanceof GraphQLObjectType concrete
                && schema.isPossibleType((GraphQLNamedOutputType) type, concrete)) {
            return object(selections.of(concrete), source);
        }
        return CANNOT;
    }

    private Object object(Selections.Shape shape, Map<?, ?> source) {
        if (!shape.plain()) {
            return CANNOT;
        }
        Map<String, @Nullable Object> out = new LinkedHashMap<>(shape.fields().size() * 2);
        for (Selections.FieldShape field : shape.fields()) {
            GraphQLOutputType type = field.type();
            if (type == null) {
                out.put(field.responseKey(), shape.typeName());
                continue;
            }
            Object value = complete(type, source.get(field.sourceKey()), field.selections());
            if (value == CANNOT) {
                return CANNOT;
            }
            out.put(field.responseKey(), value);
        }
        return out;
    }

    private static Object orCannot(@Nullable Object value) {
        return value == null ? CANNOT : value;
    }
}
