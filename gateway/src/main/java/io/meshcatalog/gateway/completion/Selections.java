package io.meshcatalog.gateway.completion;

import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The merged selection sets of one response key (or of an operation's root): what they select on each concrete type,
 * by response key in selection order as graphql-java collects them, worked out the first time a value of that type
 * comes by. This is where a plain completion decides {@code @skip} and {@code @include}, with the operation's values
 * of the variables they read.
 */
public final class Selections {

    private final GraphQLSchema schema;
    private final Reading reading;
    private final List<SelectionSet> sets;
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Boolean> conditions;
    private final Map<String, Shape> byType = new ConcurrentHashMap<>();

    /**
     * @param sets the selection sets merged under one response key
     * @param conditions the boolean value of each variable a {@code @skip} or {@code @include} reads
     */
    public Selections(
            GraphQLSchema schema,
            Reading reading,
            List<SelectionSet> sets,
            Map<String, FragmentDefinition> fragments,
            Map<String, Boolean> conditions) {
        this.schema = schema;
        this.reading = reading;
        this.sets = sets;
        this.fragments = fragments;
        this.conditions = conditions;
    }

    GraphQLSchema schema() {
        return schema;
    }

    /** What is selected on this type; {@link Shape#plain()} is false when graphql-java must complete it. */
    Shape of(GraphQLObjectType type) {
        Shape shape = byType.get(type.getName());
        return shape != null ? shape : byType.computeIfAbsent(type.getName(), name -> collect(type));
    }

    private Shape collect(GraphQLObjectType type) {
        Map<String, List<Field>> byKey = new LinkedHashMap<>();
        if (!sets.stream().allMatch(set -> collect(type, set, byKey))) {
            return Shape.NOT_PLAIN;
        }
        List<FieldShape> fields = new ArrayList<>();
        for (Map.Entry<String, List<Field>> entry : byKey.entrySet()) {
            Field first = entry.getValue().get(0);
            if (first.getName().equals("__typename")) {
                fields.add(new FieldShape(entry.getKey(), entry.getKey(), null, null));
                continue;
            }
            GraphQLFieldDefinition definition = type.getFieldDefinition(first.getName());
            String key = definition == null ? null : reading.key(type, definition, first);
            if (key == null) {
                return Shape.NOT_PLAIN;
            }
            List<SelectionSet> subSets = entry.getValue().stream()
                    .map(Field::getSelectionSet)
                    .filter(Objects::nonNull)
                    .toList();
            fields.add(new FieldShape(
                    entry.getKey(),
                    key,
                    definition.getType(),
                    subSets.isEmpty() ? null : new Selections(schema, reading, subSets, fragments, conditions)));
        }
        return new Shape(type.getName(), fields, true);
    }

    /** Adds the fields selected on this type; false when a selection has a directive a plain completion cannot apply. */
    private boolean collect(GraphQLObjectType type, SelectionSet set, Map<String, List<Field>> byKey) {
        for (Selection<?> selection : set.getSelections()) {
            Boolean included = selection instanceof DirectivesContainer<?> directed
                    ? included(directed.getDirectives())
                    : Boolean.TRUE;
            if (included == null) {
                return false;
            }
            if (!included) {
                continue;
            }
            boolean collected = true;
            if (selection instanceof Field field) {
                byKey.computeIfAbsent(field.getResultKey(), key -> new ArrayList<>())
                        .add(field);
            } else if (selection instanceof InlineFragment inline) {
                collected = inline.getTypeCondition() != null
                                && !applies(inline.getTypeCondition().getName(), type)
                        || collect(type, inline.getSelectionSet(), byKey);
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                collected = fragment != null
                        && fragment.getDirectives().isEmpty()
                        && (!applies(fragment.getTypeCondition().getName(), type)
                                || collect(type, fragment.getSelectionSet(), byKey));
            }
            if (!collected) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a selection with these directives is included; null when one is neither {@code @skip} nor
     * {@code @include}, or reads a variable without a boolean value.
     */
    private @Nullable Boolean included(List<Directive> directives) {
        boolean included = true;
        for (Directive directive : directives) {
            boolean skip = directive.getName().equals("skip");
            if (!skip && !directive.getName().equals("include") || directive.getArgument("if") == null) {
                return null;
            }
            Value<?> condition = directive.getArgument("if").getValue();
            Boolean value = condition instanceof BooleanValue literal
                    ? Boolean.valueOf(literal.isValue())
                    : condition instanceof VariableReference variable ? conditions.get(variable.getName()) : null;
            if (value == null) {
                return null;
            }
            included &= skip != value;
        }
        return included;
    }

    private boolean applies(String condition, GraphQLObjectType type) {
        return condition.equals(type.getName())
                || (schema.getType(condition) instanceof GraphQLNamedOutputType named
                        && !(named instanceof GraphQLObjectType)
                        && schema.isPossibleType(named, type));
    }

    /** The fields selected on one concrete type; not plain when graphql-java must complete a value of it. */
    record Shape(String typeName, List<FieldShape> fields, boolean plain) {

        static final Shape NOT_PLAIN = new Shape("", List.of(), false);
    }

    /**
     * One response key: {@code __typename} (no type), or a field read from its parent's map under {@code sourceKey},
     * with what is selected below it.
     */
    record FieldShape(
            String responseKey,
            String sourceKey,
            @Nullable GraphQLOutputType type,
            @Nullable Selections selections) {}
}
