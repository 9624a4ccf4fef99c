package io.meshcatalog.gateway.limits;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.FloatValue;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.IntValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.TypeDefinition;
import graphql.language.Value;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The cost directives of a schema, as Apollo's demand control reads them: {@code @cost(weight:)} on types, fields and
 * arguments, and {@code @listSize(assumedSize:, slicingArguments:, sizedFields:)} on list fields. The names are the
 * ones the schema's {@code @link} gives them (a supergraph imports them from {@code specs.apollo.dev/cost}, a subgraph
 * from federation 2.9+), renamed imports included.
 */
public final class CostModel {

    /** A schema without cost directives: every weight is the default. */
    public static final CostModel NONE = new CostModel(Map.of(), Map.of(), Map.of(), Map.of());

    private static final ParserOptions SDL = ParserOptions.newParserOptions()
            .maxTokens(Integer.MAX_VALUE)
            .maxCharacters(Integer.MAX_VALUE)
            .maxWhitespaceTokens(Integer.MAX_VALUE)
            .maxRuleDepth(Integer.MAX_VALUE)
            .build();

    /**
     * How big a list field's answer is assumed to be.
     *
     * @param assumedSize the size when no slicing argument is given, or null for the configured default
     * @param slicingArguments arguments whose value is the size (the largest given wins)
     * @param sizedFields when the field returns a connection, the fields of it the size applies to instead
     */
    public record ListSize(@Nullable Integer assumedSize, List<String> slicingArguments, List<String> sizedFields) {

        public ListSize {
            slicingArguments = List.copyOf(slicingArguments);
            sizedFields = List.copyOf(sizedFields);
        }
    }

    private final Map<String, Double> typeWeights;
    private final Map<String, Double> fieldWeights;
    private final Map<String, Double> argumentWeights;
    private final Map<String, ListSize> listSizes;

    private CostModel(
            Map<String, Double> typeWeights,
            Map<String, Double> fieldWeights,
            Map<String, Double> argumentWeights,
            Map<String, ListSize> listSizes) {
        this.typeWeights = Map.copyOf(typeWeights);
        this.fieldWeights = Map.copyOf(fieldWeights);
        this.argumentWeights = Map.copyOf(argumentWeights);
        this.listSizes = Map.copyOf(listSizes);
    }

    /**
     * The cost directives of a schema's SDL (a supergraph's or a subgraph's).
     *
     * @throws IllegalArgumentException when a weight or a size is not a number, naming where
     */
    public static CostModel of(String sdl) {
        // Most schemas use neither directive: no second parse of a large supergraph for them. A schema that does always
        // names one of these words (in the directive, its definition or its @link).
        if (!sdl.contains("cost") && !sdl.contains("listSize")) {
            return NONE;
        }
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment()
                    .document(sdl)
                    .parserOptions(SDL)
                    .build());
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("the schema is not valid GraphQL: " + e.getMessage(), e);
        }
        DirectiveNames names = DirectiveNames.of(document);
        Map<String, Double> types = new HashMap<>();
        Map<String, Double> fields = new HashMap<>();
        Map<String, Double> arguments = new HashMap<>();
        Map<String, ListSize> lists = new HashMap<>();
        for (TypeDefinition<?> type : document.getDefinitionsOfType(TypeDefinition.class)) {
            weight(type, names.cost(), type.getName()).ifPresent(w -> types.put(type.getName(), w));
            if (!(type instanceof ImplementingTypeDefinition<?> implementing)) {
                continue;
            }
            for (FieldDefinition field : implementing.getFieldDefinitions()) {
                String coordinate = type.getName() + "." + field.getName();
                weight(field, names.cost(), coordinate).ifPresent(w -> fields.put(coordinate, w));
                for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                    String at = coordinate + "(" + argument.getName() + ":)";
                    weight(argument, names.cost(), at).ifPresent(w -> arguments.put(at, w));
                }
                for (Directive listSize : field.getDirectives(names.listSize())) {
                    lists.put(coordinate, listSize(listSize, coordinate));
                }
            }
        }
        return new CostModel(types, fields, arguments, lists);
    }

    /** The {@code @cost} weight of a named type, or null. */
    @Nullable
    Double typeWeight(String type) {
        return typeWeights.get(type);
    }

    /** The {@code @cost} weight of {@code Type.field}, or null. */
    @Nullable
    Double fieldWeight(String type, String field) {
        return fieldWeights.isEmpty() ? null : fieldWeights.get(type + "." + field);
    }

    /** The {@code @cost} weight of an argument of {@code Type.field}, or null. */
    @Nullable
    Double argumentWeight(String type, String field, String argument) {
        return argumentWeights.isEmpty() ? null : argumentWeights.get(type + "." + field + "(" + argument + ":)");
    }

    /** The {@code @listSize} of {@code Type.field}, or null. */
    @Nullable
    ListSize listSize(String type, String field) {
        return listSizes.isEmpty() ? null : listSizes.get(type + "." + field);
    }

    private static java.util.Optional<Double> weight(DirectivesContainer<?> element, String name, String coordinate) {
        List<Directive> cost = element.getDirectives(name);
        if (cost.isEmpty()) {
            return java.util.Optional.empty();
        }
        Value<?> weight = argument(cost.get(0), "weight");
        Double value = number(weight);
        if (value == null || value < 0) {
            throw new IllegalArgumentException("@" + name + " on " + coordinate + " needs a weight of 0 or more, not "
                    + (weight == null ? "none" : graphql.language.AstPrinter.printAst(weight)));
        }
        return java.util.Optional.of(value);
    }

    private static ListSize listSize(Directive directive, String coordinate) {
        Value<?> assumed = argument(directive, "assumedSize");
        Double size = number(assumed);
        if (assumed != null && (size == null || size < 0)) {
            throw new IllegalArgumentException("@" + directive.getName() + " on " + coordinate
                    + " needs an assumedSize of 0 or more, not " + graphql.language.AstPrinter.printAst(assumed));
        }
        return new ListSize(
                size == null ? null : (int) Math.min(Integer.MAX_VALUE, size.longValue()),
                strings(argument(directive, "slicingArguments")),
                strings(argument(directive, "sizedFields")));
    }

    private static @Nullable Value<?> argument(Directive directive, String name) {
        Argument argument = directive.getArgument(name);
        return argument == null ? null : argument.getValue();
    }

    /** Apollo's weights are Int, the IBM specification's are String ("5.0"): both are read. */
    private static @Nullable Double number(@Nullable Value<?> value) {
        try {
            if (value instanceof IntValue i) {
                return i.getValue().doubleValue();
            }
            if (value instanceof FloatValue f) {
                return f.getValue().doubleValue();
            }
            if (value instanceof StringValue s) {
                return Double.valueOf(s.getValue());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static List<String> strings(@Nullable Value<?> value) {
        List<String> out = new ArrayList<>();
        if (value instanceof ArrayValue array) {
            array.getValues().forEach(v -> {
                if (v instanceof StringValue s) {
                    out.add(s.getValue());
                }
            });
        } else if (value instanceof StringValue s) {
            out.add(s.getValue());
        }
        return out;
    }

    /** What the schema's {@code @link}s call the two directives. */
    private record DirectiveNames(String cost, String listSize) {

        static DirectiveNames of(Document document) {
            String cost = "cost";
            String listSize = "listSize";
            // extend schema @link(…) is a SchemaExtensionDefinition, which is a SchemaDefinition too
            for (graphql.language.SchemaDefinition schema :
                    document.getDefinitionsOfType(graphql.language.SchemaDefinition.class)) {
                for (Directive link : schema.getDirectives("link")) {
                    String url = argument(link, "url") instanceof StringValue s ? s.getValue() : "";
                    String namespace = argument(link, "as") instanceof StringValue s
                            ? s.getValue().replace("@", "")
                            : null;
                    Map<String, String> imports = imports(argument(link, "import"));
                    if (url.contains("specs.apollo.dev/cost/")) {
                        String prefix = namespace == null ? "cost" : namespace;
                        cost = imports.getOrDefault("cost", prefix);
                        listSize = imports.getOrDefault("listSize", prefix + "__listSize");
                    } else if (url.contains("specs.apollo.dev/listSize/")) {
                        listSize = imports.getOrDefault("listSize", namespace == null ? "listSize" : namespace);
                    } else if (url.contains("specs.apollo.dev/federation/")) {
                        String prefix = (namespace == null ? "federation" : namespace) + "__";
                        cost = imports.getOrDefault("cost", prefix + "cost");
                        listSize = imports.getOrDefault("listSize", prefix + "listSize");
                    }
                }
            }
            return new DirectiveNames(cost, listSize);
        }

        /** Imported directive names: {@code "@x"} as itself, {@code {name: "@x", as: "@y"}} as {@code y}. */
        private static Map<String, String> imports(@Nullable Value<?> value) {
            Map<String, String> out = new HashMap<>();
            if (!(value instanceof ArrayValue array)) {
                return out;
            }
            for (Value<?> item : array.getValues()) {
                if (item instanceof StringValue s && s.getValue().startsWith("@")) {
                    out.put(s.getValue().substring(1), s.getValue().substring(1));
                } else if (item instanceof ObjectValue object) {
                    String name = null;
                    String as = null;
                    for (ObjectField field : object.getObjectFields()) {
                        if (field.getValue() instanceof StringValue s
                                && field.getName().equals("name")) {
                            name = s.getValue();
                        } else if (field.getValue() instanceof StringValue s
                                && field.getName().equals("as")) {
                            as = s.getValue();
                        }
                    }
                    if (name != null && name.startsWith("@")) {
                        out.put(name.substring(1), (as == null ? name : as).replace("@", ""));
                    }
                }
            }
            return out;
        }
    }
}
