package io.meshcatalog.gateway.supergraph;

import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.TypeDefinition;
import graphql.language.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Apollo's demand-control directives composed as {@code @apollo/composition} composes them: {@code @cost} and
 * {@code @listSize}, imported from federation v2.9 or linked from {@code specs.apollo.dev/cost/v0.1} under any name,
 * are written on the same types, fields and arguments of the supergraph, which links the cost spec importing both. So
 * the gateway estimates an operation's cost from what each domain declares, before it plans. Applications on one
 * element from several subgraphs merge as Apollo merges them: the largest weight; for {@code @listSize} the largest
 * assumed size, the union of slicing arguments and of sized fields, and one slicing argument required only when every
 * subgraph requires it.
 */
final class CostComposition {

    static final String SPEC = "https://specs.apollo.dev/cost/v0.1";
    private static final String FEDERATION = "https://specs.apollo.dev/federation";
    private static final String COST_SPEC = "https://specs.apollo.dev/cost";

    /** One element's {@code @listSize}, merged. */
    private record ListSize(
            @Nullable BigInteger assumedSize,
            Set<String> slicingArguments,
            Set<String> sizedFields,
            boolean requireOneSlicingArgument) {

        ListSize merge(ListSize other) {
            BigInteger size = assumedSize == null
                    ? other.assumedSize
                    : other.assumedSize == null ? assumedSize : assumedSize.max(other.assumedSize);
            Set<String> slicing = new LinkedHashSet<>(slicingArguments);
            slicing.addAll(other.slicingArguments);
            Set<String> sized = new LinkedHashSet<>(sizedFields);
            sized.addAll(other.sizedFields);
            return new ListSize(size, slicing, sized, requireOneSlicingArgument && other.requireOneSlicingArgument);
        }

        String print() {
            List<String> arguments = new ArrayList<>();
            if (assumedSize != null) {
                arguments.add("assumedSize: " + assumedSize);
            }
            if (!slicingArguments.isEmpty()) {
                arguments.add("slicingArguments: " + strings(slicingArguments));
            }
            if (!sizedFields.isEmpty()) {
                arguments.add("sizedFields: " + strings(sizedFields));
            }
            if (!requireOneSlicingArgument) {
                arguments.add("requireOneSlicingArgument: false");
            }
            return "@listSize" + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")");
        }

        private static String strings(Set<String> values) {
            return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"));
        }
    }

    private final List<String> errors;
    /** The largest weight on a type ({@code T}), field ({@code T.f}) or argument ({@code T.f(a:)}). */
    private final Map<String, BigInteger> weights = new LinkedHashMap<>();

    private final Map<String, ListSize> listSizes = new LinkedHashMap<>();

    /** @param errors where composition errors go, naming subgraph and element */
    CostComposition(List<String> errors) {
        this.errors = errors;
    }

    /** Reads one subgraph's applications. */
    void read(String subgraph, Document document) {
        Links links;
        try {
            links = Links.of(document);
        } catch (IllegalArgumentException e) {
            return; // AuthComposition reports a malformed @link once
        }
        String cost = null;
        String listSize = null;
        Links.Link spec = links.get(COST_SPEC).orElse(null);
        Links.Link federation = links.get(FEDERATION).orElse(null);
        if (spec != null) {
            cost = spec.directive("cost");
            listSize = spec.directive("listSize");
        } else if (federation != null) {
            int[] version = federation.versionNumbers();
            if (version[0] > 2 || (version[0] == 2 && version[1] >= 9)) {
                cost = federation.directive("cost");
                listSize = federation.directive("listSize");
            } else if (federation.imports().containsKey("@cost")
                    || federation.imports().containsKey("@listSize")) {
                errors.add("subgraph \"" + subgraph + "\": @cost and @listSize need federation v2.9 or later, and the "
                        + "subgraph links " + federation.version());
            }
        }
        if (cost == null) {
            return;
        }
        for (TypeDefinition<?> type : document.getDefinitionsOfType(TypeDefinition.class)) {
            String where = "subgraph \"" + subgraph + "\", ";
            weight(type, cost, type.getName(), where);
            if (!(type instanceof ImplementingTypeDefinition<?> implementing)) {
                continue;
            }
            for (FieldDefinition field : implementing.getFieldDefinitions()) {
                String coordinate = type.getName() + "." + field.getName();
                weight(field, cost, coordinate, where);
                for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                    weight(argument, cost, coordinate + "(" + argument.getName() + ":)", where);
                }
                for (Directive directive : Directives.named(field, listSize)) {
                    ListSize read = listSize(directive, coordinate, where);
                    if (read != null) {
                        listSizes.merge(coordinate, read, ListSize::merge);
                    }
                }
            }
        }
    }

    private void weight(DirectivesContainer<?> element, String name, String coordinate, String where) {
        for (Directive directive : Directives.named(element, name)) {
            Value<?> weight = Directives.value(directive, "weight");
            if (weight instanceof IntValue i && i.getValue().signum() >= 0) {
                weights.merge(coordinate, i.getValue(), BigInteger::max);
            } else {
                errors.add(where + coordinate + ": @" + name + " needs a weight that is an Int of 0 or more");
            }
        }
    }

    private @Nullable ListSize listSize(Directive directive, String coordinate, String where) {
        Value<?> size = Directives.value(directive, "assumedSize");
        if (size != null && !(size instanceof IntValue i && i.getValue().signum() >= 0)) {
            errors.add(where + coordinate + ": @" + directive.getName()
                    + " needs an assumedSize that is an Int of 0 or more");
            return null;
        }
        return new ListSize(
                size instanceof IntValue i ? i.getValue() : null,
                strings(directive, "slicingArguments"),
                strings(directive, "sizedFields"),
                Directives.bool(directive, "requireOneSlicingArgument", true));
    }

    private static Set<String> strings(Directive directive, String argument) {
        Set<String> out = new LinkedHashSet<>();
        Value<?> value = Directives.value(directive, argument);
        List<?> values =
                value instanceof ArrayValue array ? array.getValues() : value == null ? List.of() : List.of(value);
        for (Object item : values) {
            if (item instanceof StringValue s) {
                out.add(s.getValue());
            }
        }
        return out;
    }

    /** The cost spec's {@code @link}, when any subgraph applies its directives. */
    String links() {
        return used() ? "  @link(url: \"" + SPEC + "\", import: [\"@cost\", \"@listSize\"])\n" : "";
    }

    /** The definitions of the two directives, when used. */
    String definitions() {
        return used() ? """
        directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION \
        | OBJECT | SCALAR

        directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], \
        requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION

        """ : "";
    }

    /** The {@code @cost} on a type, on a line of its own as the supergraph writes a type's directives. */
    String onType(String type) {
        BigInteger weight = weights.get(type);
        return weight == null ? "" : "  @cost(weight: " + weight + ")\n";
    }

    /** The directives on a field, each after a space. */
    String onField(String type, String field) {
        String coordinate = type + "." + field;
        BigInteger weight = weights.get(coordinate);
        ListSize size = listSizes.get(coordinate);
        return (weight == null ? "" : " @cost(weight: " + weight + ")") + (size == null ? "" : " " + size.print());
    }

    /** The {@code @cost} on an argument, after a space. */
    String onArgument(String type, String field, String argument) {
        BigInteger weight = weights.get(type + "." + field + "(" + argument + ":)");
        return weight == null ? "" : " @cost(weight: " + weight + ")";
    }

    private boolean used() {
        return !weights.isEmpty() || !listSizes.isEmpty();
    }
}
