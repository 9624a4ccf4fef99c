package io.meshcatalog.gateway.execution;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.cache.CaffeineStatsCounter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
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
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import io.meshcatalog.gateway.planning.Operations;
import io.meshcatalog.gateway.planning.PlanningException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Shapes merged subgraph data over an operation without graphql-java's execution, for the common case: an
 * operation without schema introspection and without directives other than {@code @skip} and {@code @include}
 * (applied with the request's variables), over data where every value already is what the API schema says it is. graphql-java's execution costs more per request than the rest of the gateway's own work,
 * while for such data it only copies values, in selection order, under their response keys.
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

  /** Marks data the shaper leaves to graphql-java; never escapes this class. */
  private static final Object CANNOT = new Object();

  private final GraphQLSchema schema;
  private final Cache<Key, Optional<Operation>> operations;

  /** @param maxEntries how many operations it keeps compiled; the least recently used goes first */
  ResponseShaper(GraphQLSchema schema, int maxEntries) {
    this.schema = schema;
    this.operations = Caffeine.newBuilder().maximumSize(maxEntries)
        .recordStats(() -> new CaffeineStatsCounter(Metrics.globalRegistry, "shapes")).build();
  }

  /**
   * The {@code data} of the response, or null when graphql-java must shape it.
   *
   * @param query the document's text, its cache key with the operation name
   * @param document the parsed, validated document
   * @param variables the request's variables with their defaults, for {@code @skip} and {@code @include}
   * @param root the merged data of the plan's fetches; null when there is none
   */
  @Nullable Map<String, @Nullable Object> shape(String query, Document document, @Nullable String operationName,
      Map<String, @Nullable Object> variables, @Nullable Map<String, @Nullable Object> root) {
    if (root == null) {
      return null;
    }
    Optional<Operation> operation = operations.get(new Key(query, operationName),
        key -> Optional.ofNullable(compile(document, operationName)));
    Selections selections = operation.isEmpty() ? null : operation.get().selections(variables);
    if (selections == null) {
      return null;
    }
    Object shaped = object(selections.of(operation.get().rootType), root);
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> data = shaped == CANNOT ? null : (Map<String, @Nullable Object>) shaped;
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
    if (rootType == null || !operation.getDirectives().isEmpty()
        || !plain(operation.getSelectionSet(), fragments, conditionVariables)) {
      return null;
    }
    return new Operation(rootType, operation.getSelectionSet(), fragments, List.copyOf(conditionVariables));
  }

  /**
   * Whether a selection set and the fragments it uses have no schema introspection and no directives but
   * {@code @skip} and {@code @include}; adds the variables those read to {@code conditionVariables}.
   */
  private static boolean plain(SelectionSet set, Map<String, FragmentDefinition> fragments,
      java.util.Set<String> conditionVariables) {
    return set.getSelections().stream().allMatch(selection -> plain(selection, fragments, conditionVariables));
  }

  private static boolean plain(Selection<?> selection, Map<String, FragmentDefinition> fragments,
      java.util.Set<String> conditionVariables) {
    if (selection instanceof Field field) {
      return conditionsOnly(field.getDirectives(), conditionVariables) && !field.getName().equals("__schema")
          && !field.getName().equals("__type")
          && (field.getSelectionSet() == null || plain(field.getSelectionSet(), fragments, conditionVariables));
    }
    if (selection instanceof InlineFragment inline) {
      return conditionsOnly(inline.getDirectives(), conditionVariables)
          && plain(inline.getSelectionSet(), fragments, conditionVariables);
    }
    if (selection instanceof FragmentSpread spread) {
      FragmentDefinition fragment = fragments.get(spread.getName());
      return conditionsOnly(spread.getDirectives(), conditionVariables) && fragment != null
          && fragment.getDirectives().isEmpty() && plain(fragment.getSelectionSet(), fragments, conditionVariables);
    }
    return false;
  }

  /**
   * Whether these directives are only {@code @skip} and {@code @include}, each on a literal or a variable; adds
   * the variables they read to {@code conditionVariables}.
   */
  private static boolean conditionsOnly(List<Directive> directives, java.util.Set<String> conditionVariables) {
    for (Directive directive : directives) {
      Value<?> condition = directive.getArgument("if") == null ? null : directive.getArgument("if").getValue();
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

  /** Whether a selection with these directives is included, with these values of the condition variables. */
  private static boolean included(List<Directive> directives, Map<String, Boolean> conditions) {
    for (Directive directive : directives) {
      Value<?> condition = directive.getArgument("if").getValue();
      boolean value = condition instanceof BooleanValue literal ? literal.isValue()
          : conditions.get(((VariableReference) condition).getName());
      if (directive.getName().equals("skip") == value) {
        return false;
      }
    }
    return true;
  }

  private Object object(ObjectShape shape, Map<?, ?> source) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>(shape.fields.size() * 2);
    for (FieldShape field : shape.fields) {
      if (field.typename) {
        out.put(field.responseKey, shape.typeName);
        continue;
      }
      Object value = value(field.type, source.get(field.responseKey), field.selections);
      if (value == CANNOT) {
        return CANNOT;
      }
      out.put(field.responseKey, value);
    }
    return out;
  }

  private @Nullable Object value(GraphQLOutputType type, @Nullable Object value, @Nullable Selections selections) {
    if (type instanceof GraphQLNonNull nonNull) {
      Object inner = value((GraphQLOutputType) nonNull.getWrappedType(), value, selections);
      return inner == null ? CANNOT : inner;
    }
    if (value == null) {
      return null;
    }
    if (type instanceof GraphQLList list) {
      if (!(value instanceof List<?> items)) {
        return CANNOT;
      }
      List<@Nullable Object> out = new ArrayList<>(items.size());
      for (Object item : items) {
        Object shaped = value((GraphQLOutputType) list.getWrappedType(), item, selections);
        if (shaped == CANNOT) {
          return CANNOT;
        }
        out.add(shaped);
      }
      return out;
    }
    if (type instanceof GraphQLScalarType scalar) {
      return scalar(scalar.getName(), value);
    }
    if (type instanceof GraphQLEnumType enumType) {
      return value instanceof String name && enumType.getValue(name) != null ? name : CANNOT;
    }
    if (!(value instanceof Map<?, ?> source) || selections == null) {
      return CANNOT;
    }
    if (type instanceof GraphQLObjectType objectType) {
      return object(selections.of(objectType), source);
    }
    // An interface or a union: the concrete type the subgraph named, if the API has it there.
    if (source.get("__typename") instanceof String typename && schema.getType(typename) instanceof GraphQLObjectType concrete
        && schema.isPossibleType((GraphQLNamedOutputType) type, concrete)) {
      return object(selections.of(concrete), source);
    }
    return CANNOT;
  }

  /** A built-in scalar as graphql-java serialises it, when that needs no judgement; custom scalars pass through. */
  private static Object scalar(String name, Object value) {
    return switch (name) {
      case "String" -> value instanceof String ? value : CANNOT;
      case "Boolean" -> value instanceof Boolean ? value : CANNOT;
      case "Int" -> value instanceof Integer ? value : CANNOT;
      case "Float" -> value instanceof Double d ? (Double.isFinite(d) ? d : CANNOT)
          : wholeNumber(value, (Number n) -> n.doubleValue());
      case "ID" -> value instanceof String ? value : wholeNumber(value, Number::toString);
      default -> value;
    };
  }

  private static Object wholeNumber(Object value, java.util.function.Function<Number, Object> convert) {
    return value instanceof Integer || value instanceof Long ? convert.apply((Number) value) : CANNOT;
  }

  private record Key(String query, @Nullable String operationName) {
  }

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

    Operation(GraphQLObjectType rootType, SelectionSet selectionSet, Map<String, FragmentDefinition> fragments,
        List<String> conditionVariables) {
      this.rootType = rootType;
      this.selectionSet = selectionSet;
      this.fragments = fragments;
      this.conditionVariables = conditionVariables;
    }

    /** The selections with these variables; null when a condition variable has no boolean value. */
    @Nullable Selections selections(Map<String, @Nullable Object> variables) {
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
      Selections made = new Selections(ResponseShaper.this, List.of(selectionSet), fragments, Map.copyOf(conditions));
      // n condition variables make up to 2^n combinations: a few are kept, the rest are collected per request.
      if (byConditions.size() < MAX_CONDITION_COMBINATIONS) {
        byConditions.putIfAbsent(key.toString(), made);
      }
      return made;
    }
  }

  /**
   * The merged selection sets of one response key (or of the operation): what they select on each concrete type,
   * collected the first time data of that type comes by.
   */
  private static final class Selections {

    private final ResponseShaper shaper;
    private final List<SelectionSet> sets;
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Boolean> conditions;
    private final Map<String, ObjectShape> byType = new ConcurrentHashMap<>();

    Selections(ResponseShaper shaper, List<SelectionSet> sets, Map<String, FragmentDefinition> fragments,
        Map<String, Boolean> conditions) {
      this.shaper = shaper;
      this.sets = sets;
      this.fragments = fragments;
      this.conditions = conditions;
    }

    ObjectShape of(GraphQLObjectType type) {
      ObjectShape shape = byType.get(type.getName());
      return shape != null ? shape : byType.computeIfAbsent(type.getName(), name -> collect(type));
    }

    /** The fields selected on this type, by response key in selection order, as graphql-java collects them. */
    private ObjectShape collect(GraphQLObjectType type) {
      Map<String, List<Field>> byKey = new LinkedHashMap<>();
      sets.forEach(set -> collect(type, set, byKey));
      List<FieldShape> fields = new ArrayList<>();
      byKey.forEach((key, merged) -> {
        Field first = merged.get(0);
        if (first.getName().equals("__typename")) {
          fields.add(new FieldShape(key, true, type, null));
          return;
        }
        GraphQLOutputType fieldType = type.getFieldDefinition(first.getName()).getType();
        List<SelectionSet> subSets = merged.stream().map(Field::getSelectionSet)
            .filter(java.util.Objects::nonNull).toList();
        fields.add(new FieldShape(key, false, fieldType,
            subSets.isEmpty() ? null : new Selections(shaper, subSets, fragments, conditions)));
      });
      return new ObjectShape(type.getName(), fields);
    }

    private void collect(GraphQLObjectType type, SelectionSet set, Map<String, List<Field>> byKey) {
      for (Selection<?> selection : set.getSelections()) {
        if (selection instanceof DirectivesContainer<?> directed && !included(directed.getDirectives(), conditions)) {
          continue;
        }
        if (selection instanceof Field field) {
          byKey.computeIfAbsent(field.getResultKey(), key -> new ArrayList<>()).add(field);
        } else if (selection instanceof InlineFragment inline) {
          if (inline.getTypeCondition() == null || applies(inline.getTypeCondition().getName(), type)) {
            collect(type, inline.getSelectionSet(), byKey);
          }
        } else if (selection instanceof FragmentSpread spread) {
          FragmentDefinition fragment = fragments.get(spread.getName());
          if (applies(fragment.getTypeCondition().getName(), type)) {
            collect(type, fragment.getSelectionSet(), byKey);
          }
        }
      }
    }

    private boolean applies(String condition, GraphQLObjectType type) {
      return condition.equals(type.getName())
          || (shaper.schema.getType(condition) instanceof GraphQLNamedOutputType named
              && !(named instanceof GraphQLObjectType) && shaper.schema.isPossibleType(named, type));
    }
  }

  private record ObjectShape(String typeName, List<FieldShape> fields) {
  }

  /** One response key: {@code __typename}, or a field of this type with what is selected below it. */
  private record FieldShape(String responseKey, boolean typename, GraphQLOutputType type,
      @Nullable Selections selections) {
  }
}
