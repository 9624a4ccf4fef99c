package io.meshcatalog.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.execution.ValuesResolver;
import graphql.introspection.Introspection;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLModifiedType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Measures operations of one schema for {@link LimitSettings}. Each fragment is measured once per type it is spread
 * in (and per list size handed down to it), never once per spread: a document whose fragments each spread the next
 * one twice has a million leaf spreads in under a kilobyte, and is measured in a few hundred steps. Measures are kept
 * per parsed document while the document is (weakly) held, unless they depend on variable values.
 */
public final class OperationMeasurer {

    private static final Set<String> INTROSPECTION_LISTS =
            Set.of("fields", "inputFields", "interfaces", "possibleTypes");
    private static final double MUTATION_COST = 10;

    private final GraphQLSchema schema;
    private final CostModel costs;
    private final int listSize;
    private final Cache<Document, Map<String, OperationMeasures>> known;

    /**
     * @param schema the schema operations are validated against
     * @param costs its cost directives
     * @param listSize the size assumed for list fields without {@code @listSize}
     */
    public OperationMeasurer(GraphQLSchema schema, CostModel costs, int listSize) {
        this.schema = schema;
        this.costs = costs;
        this.listSize = listSize;
        // keyed by the parsed document itself (identity): the document cache holds it while it is in use
        this.known = Caffeine.newBuilder().weakKeys().maximumSize(2_000).build();
    }

    /** The measures of one operation of a validated document, with these variable values. */
    public OperationMeasures measure(
            Document document, OperationDefinition operation, Map<String, ? extends @Nullable Object> variables) {
        String key = operation.getName() == null ? "" : operation.getName();
        Map<String, OperationMeasures> measured = known.getIfPresent(document);
        OperationMeasures earlier = measured == null ? null : measured.get(key);
        if (earlier != null) {
            return earlier;
        }
        Walk walk = new Walk(document, variables);
        Tally tally = walk.operation(operation);
        OperationMeasures measures = new OperationMeasures(
                tally.depth, tally.height, tally.width, tally.aliases, tally.cost, tally.introspection);
        if (!walk.readVariables) {
            known.get(document, d -> new ConcurrentHashMap<>()).put(key, measures);
        }
        return measures;
    }

    /** What a selection set (or a field with its selections) adds up to. */
    private record Tally(long depth, long height, long width, long aliases, double cost, long introspection) {

        static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0);

        /** Side by side in one selection set: the deeper one's depth, the sum of the rest. */
        Tally plus(Tally other) {
            return new Tally(
                    Math.max(depth, other.depth),
                    add(height, other.height),
                    add(width, other.width),
                    add(aliases, other.aliases),
                    cost + other.cost,
                    Math.max(introspection, other.introspection));
        }

        private static long add(long a, long b) {
            long sum = a + b;
            return sum < 0 ? Long.MAX_VALUE : sum;
        }
    }

    /** A fragment as measured in one type with the list sizes handed down to its fields. */
    private record SpreadKey(String fragment, String type, Map<String, Long> sized) {}

    /** One measurement: the fragments measured so far, and whether a variable's value was read. */
    private final class Walk {

        private final Map<String, FragmentDefinition> fragments = new HashMap<>();
        private final Map<String, ? extends @Nullable Object> variables;
        private final Map<SpreadKey, Tally> measured = new HashMap<>();
        private final Set<SpreadKey> measuring = new HashSet<>();
        boolean readVariables;

        Walk(Document document, Map<String, ? extends @Nullable Object> variables) {
            document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.putIfAbsent(f.getName(), f));
            this.variables = variables;
        }

        Tally operation(OperationDefinition operation) {
            GraphQLObjectType root = switch (operation.getOperation()) {
                case QUERY -> schema.getQueryType();
                case MUTATION -> schema.getMutationType();
                case SUBSCRIPTION -> schema.getSubscriptionType();
            };
            if (root == null) {
                return Tally.ZERO;
            }
            Tally tally = selections(operation.getSelectionSet(), root, Map.of());
            return operation.getOperation() == OperationDefinition.Operation.MUTATION
                    ? new Tally(
                            tally.depth,
                            tally.height,
                            tally.width,
                            tally.aliases,
                            tally.cost + MUTATION_COST,
                            tally.introspection)
                    : tally;
        }

        private Tally selections(@Nullable SelectionSet set, GraphQLCompositeType parent, Map<String, Long> sized) {
            if (set == null) {
                return Tally.ZERO;
            }
            Tally total = Tally.ZERO;
            Set<String> names = new HashSet<>();
            for (Selection<?> selection : set.getSelections()) {
                if (selection instanceof Field field) {
                    Tally measured = field(field, parent, sized);
                    // Apollo Router's height: a response name once per selection set, whatever its aliases' arguments
                    long fresh = names.add(field.getResultKey()) ? 1 : 0;
                    total = total.plus(new Tally(
                            measured.depth,
                            Tally.add(measured.height, fresh),
                            fresh,
                            measured.aliases,
                            measured.cost,
                            measured.introspection));
                } else if (selection instanceof InlineFragment inline) {
                    total = total.plus(
                            selections(inline.getSelectionSet(), narrow(parent, inline.getTypeCondition()), sized));
                } else if (selection instanceof FragmentSpread spread) {
                    total = total.plus(spread(spread, parent, sized));
                }
            }
            return total;
        }

        private Tally spread(FragmentSpread spread, GraphQLCompositeType parent, Map<String, Long> sized) {
            FragmentDefinition fragment = fragments.get(spread.getName());
            if (fragment == null) {
                return Tally.ZERO;
            }
            GraphQLCompositeType type = narrow(parent, fragment.getTypeCondition());
            SpreadKey key = new SpreadKey(fragment.getName(), type.getName(), sized);
            Tally done = measured.get(key);
            if (done != null) {
                return done;
            }
            if (!measuring.add(key)) {
                // a fragment that spreads itself: validation refuses the document, nothing to measure
                return Tally.ZERO;
            }
            Tally tally = selections(fragment.getSelectionSet(), type, sized);
            measuring.remove(key);
            measured.put(key, tally);
            return tally;
        }

        private Tally field(Field field, GraphQLCompositeType parent, Map<String, Long> sized) {
            long alias = field.getAlias() == null ? 0 : 1;
            GraphQLFieldDefinition definition = definition(parent, field.getName());
            if (definition == null) {
                return new Tally(1, 0, 0, alias, 0, 0);
            }
            boolean introspection =
                    field.getName().startsWith("__") || parent.getName().startsWith("__");
            CostModel.ListSize declared = introspection ? null : costs.listSize(parent.getName(), field.getName());
            boolean list = isList(definition.getType());
            Map<String, Long> handedDown = Map.of();
            long multiplier = 1;
            if (declared != null && !declared.sizedFields().isEmpty()) {
                long size = size(field, definition, declared);
                Map<String, Long> sizes = new HashMap<>();
                declared.sizedFields().forEach(name -> sizes.put(name, size));
                handedDown = Map.copyOf(sizes);
            } else if (list) {
                Long fromParent = sized.get(field.getName());
                multiplier = fromParent != null ? fromParent : size(field, definition, declared);
            }
            GraphQLNamedType type = GraphQLTypeUtil.unwrapAll(definition.getType());
            Tally below = type instanceof GraphQLCompositeType composite
                    ? selections(field.getSelectionSet(), composite, handedDown)
                    : Tally.ZERO;
            double cost = introspection
                    ? 0
                    : multiplier * (ownCost(parent, field.getName(), type) + below.cost) + argumentsCost(field, parent);
            long lists = parent.getName().equals("__Type") && INTROSPECTION_LISTS.contains(field.getName()) ? 1 : 0;
            return new Tally(
                    Tally.add(below.depth, 1),
                    below.height,
                    0,
                    Tally.add(below.aliases, alias),
                    cost,
                    below.introspection + lists);
        }

        /** Apollo's type costs: a field's {@code @cost}, else its type's, else 1 for objects, interfaces and unions. */
        private double ownCost(GraphQLCompositeType parent, String field, GraphQLNamedType type) {
            Double weight = costs.fieldWeight(parent.getName(), field);
            if (weight == null) {
                weight = costs.typeWeight(type.getName());
            }
            return weight != null ? weight : type instanceof GraphQLCompositeType ? 1 : 0;
        }

        private double argumentsCost(Field field, GraphQLCompositeType parent) {
            double cost = 0;
            for (Argument argument : field.getArguments()) {
                Double weight = costs.argumentWeight(parent.getName(), field.getName(), argument.getName());
                if (weight != null) {
                    cost += weight;
                }
            }
            return cost;
        }

        /** The largest slicing argument given, else the declared assumed size, else the configured one. */
        private long size(Field field, GraphQLFieldDefinition definition, CostModel.@Nullable ListSize declared) {
            if (declared == null) {
                return listSize;
            }
            Long sliced = null;
            for (String name : declared.slicingArguments()) {
                Long value = integer(field, definition.getArgument(name), name);
                if (value != null) {
                    sliced = sliced == null ? value : Math.max(sliced, value);
                }
            }
            if (sliced != null) {
                return Math.max(0, sliced);
            }
            return declared.assumedSize() != null ? declared.assumedSize() : listSize;
        }

        private @Nullable Long integer(Field field, @Nullable GraphQLArgument definition, String name) {
            Argument given = field.getArguments().stream()
                    .filter(a -> a.getName().equals(name))
                    .findFirst()
                    .orElse(null);
            Object value = null;
            if (given != null && given.getValue() instanceof IntValue literal) {
                value = literal.getValue().longValue();
            } else if (given != null && given.getValue() instanceof VariableReference variable) {
                readVariables = true;
                value = variables.get(variable.getName());
            } else if (given == null && definition != null && definition.hasSetDefaultValue()) {
                value = defaultValue(definition);
            }
            return value instanceof Number number ? number.longValue() : null;
        }

        private static @Nullable Object defaultValue(GraphQLArgument definition) {
            try {
                return ValuesResolver.valueToInternalValue(
                        definition.getArgumentDefaultValue(),
                        definition.getType(),
                        graphql.GraphQLContext.getDefault(),
                        java.util.Locale.ROOT);
            } catch (RuntimeException e) {
                // a default the schema cannot coerce sizes nothing: the assumed size applies
                return null;
            }
        }

        /** A fragment's fields are looked up on the object type it is spread in when that type is one of its own. */
        private GraphQLCompositeType narrow(GraphQLCompositeType parent, @Nullable TypeName condition) {
            if (condition == null) {
                return parent;
            }
            if (!(schema.getType(condition.getName()) instanceof GraphQLCompositeType type)) {
                return parent;
            }
            if (parent instanceof GraphQLObjectType object
                    && !(type instanceof GraphQLObjectType)
                    && schema.isPossibleType((GraphQLNamedType) type, object)) {
                return parent;
            }
            return type;
        }

        private @Nullable GraphQLFieldDefinition definition(GraphQLCompositeType parent, String name) {
            if (name.equals("__typename")) {
                return Introspection.TypeNameMetaFieldDef;
            }
            if (name.equals("__schema") || name.equals("__type")) {
                boolean root = parent == schema.getQueryType();
                return !root
                        ? null
                        : name.equals("__schema") ? Introspection.SchemaMetaFieldDef : Introspection.TypeMetaFieldDef;
            }
            return parent instanceof GraphQLFieldsContainer container ? container.getFieldDefinition(name) : null;
        }
    }

    private static boolean isList(GraphQLType type) {
        for (GraphQLType t = type; t instanceof GraphQLModifiedType modified; t = modified.getWrappedType()) {
            if (t instanceof GraphQLList) {
                return true;
            }
        }
        return false;
    }
}
