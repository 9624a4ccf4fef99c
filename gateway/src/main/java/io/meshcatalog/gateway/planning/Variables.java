package io.meshcatalog.gateway.planning;

import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Document;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Variable values as the plan sees them: what the client sent, plus the operation's default values
 * for what it did not send. {@link PlanNode.Condition}s are decided on these.
 */
public final class Variables {

    private Variables() {}

    /** The client's values completed with the defaults of the operation that runs. */
    public static Map<String, @Nullable Object> withDefaults(
            Document document, @Nullable String operationName, Map<String, @Nullable Object> provided) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>(provided);
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            if (operationName != null && !operationName.equals(operation.getName())) {
                continue;
            }
            for (VariableDefinition definition : operation.getVariableDefinitions()) {
                if (!values.containsKey(definition.getName()) && definition.getDefaultValue() != null) {
                    values.put(definition.getName(), toJava(definition.getDefaultValue(), values));
                }
            }
        }
        return values;
    }

    /** A GraphQL literal as JSON-like Java values. */
    public static @Nullable Object toJava(Value<?> value, Map<String, @Nullable Object> variables) {
        if (value instanceof StringValue v) {
            return v.getValue();
        }
        if (value instanceof IntValue v) {
            return v.getValue();
        }
        if (value instanceof FloatValue v) {
            return v.getValue();
        }
        if (value instanceof BooleanValue v) {
            return v.isValue();
        }
        if (value instanceof EnumValue v) {
            return v.getName();
        }
        if (value instanceof VariableReference v) {
            return variables.get(v.getName());
        }
        if (value instanceof ArrayValue v) {
            List<@Nullable Object> list = new ArrayList<>();
            v.getValues().forEach(item -> list.add(toJava(item, variables)));
            return list;
        }
        if (value instanceof ObjectValue v) {
            Map<String, @Nullable Object> map = new LinkedHashMap<>();
            v.getObjectFields().forEach(f -> map.put(f.getName(), toJava(f.getValue(), variables)));
            return map;
        }
        if (value instanceof NullValue) {
            return null;
        }
        return null;
    }
}
