package io.meshcatalog.gateway.supergraph;

import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectValue;
import graphql.language.OperationTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.StringValue;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.language.Value;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Turns a supergraph SDL in Apollo's {@code join__} format (join v0.3+, as written by {@code rover
 * supergraph compose} and {@code @apollo/composition}) into a {@link Supergraph}. Refuses a bad
 * supergraph with a message naming the type and field, so the gateway fails at start-up rather
 * than at the first query.
 */
public final class SupergraphParser {

    private static final ParserOptions OPTIONS = ParserOptions.newParserOptions()
            .maxTokens(Integer.MAX_VALUE)
            .maxCharacters(Integer.MAX_VALUE)
            .maxWhitespaceTokens(Integer.MAX_VALUE)
            .maxRuleDepth(Integer.MAX_VALUE)
            .build();

    /** Parses and checks a supergraph. */
    public Supergraph parse(String sdl) {
        Document document;
        try {
            document = Parser.parse(graphql.parser.ParserEnvironment.newParserEnvironment()
                    .document(sdl)
                    .parserOptions(OPTIONS)
                    .build());
        } catch (InvalidSyntaxException e) {
            throw new SupergraphException("supergraph SDL is not valid GraphQL: " + e.getMessage(), e);
        }
        List<Subgraph> subgraphs = subgraphs(document);
        AuthDirectives auth = AuthDirectives.of(document);
        auth.checkPlacement(document);
        Map<String, String> graphByEnum = new LinkedHashMap<>();
        subgraphs.forEach(s -> graphByEnum.put(s.enumValue(), s.name()));
        Map<String, TypeDef> types = new LinkedHashMap<>();
        for (String scalar : List.of("String", "Int", "Float", "Boolean", "ID")) {
            types.put(
                    scalar,
                    new TypeDef(
                            scalar,
                            TypeKind.SCALAR,
                            List.of(),
                            Map.of(),
                            Map.of(),
                            Map.of(),
                            false,
                            Set.of(),
                            AuthRequirements.NONE));
        }
        Map<String, String> contextVariables = contextVariables(document, graphByEnum, subgraphs);
        for (TypeDefinition<?> definition : document.getDefinitionsOfType(TypeDefinition.class)) {
            if (ApiSchemaBuilder.isMachinery(definition.getName())
                    || auth.typeNames().contains(definition.getName())) {
                continue;
            }
            types.put(definition.getName(), type(definition, graphByEnum, contextVariables, auth));
        }
        String queryType = "Query";
        String mutationType = types.containsKey("Mutation") ? "Mutation" : null;
        for (SchemaDefinition schema : document.getDefinitionsOfType(SchemaDefinition.class)) {
            for (OperationTypeDefinition op : schema.getOperationTypeDefinitions()) {
                if (op.getName().equals("query")) {
                    queryType = op.getTypeName().getName();
                } else if (op.getName().equals("mutation")) {
                    mutationType = op.getTypeName().getName();
                }
            }
        }
        if (!types.containsKey(queryType)) {
            throw new SupergraphException("supergraph has no query root type '" + queryType + "'");
        }
        checkFieldSets(types);
        checkContexts(types);
        return new Supergraph(
                subgraphs,
                types,
                queryType,
                mutationType,
                new ApiSchemaBuilder(auth.directiveNames(), auth.typeNames()).build(document),
                sdl);
    }

    private static List<Subgraph> subgraphs(Document document) {
        EnumTypeDefinition graphs = document.getDefinitionsOfType(EnumTypeDefinition.class).stream()
                .filter(e -> e.getName().equals("join__Graph"))
                .findFirst()
                .orElseThrow(() -> new SupergraphException(
                        "not a supergraph: no enum join__Graph; compose one with rover or @apollo/composition"));
        List<Subgraph> result = new ArrayList<>();
        for (EnumValueDefinition value : graphs.getEnumValueDefinitions()) {
            Directive graph = Directives.named(value, "join__graph").stream()
                    .findFirst()
                    .orElseThrow(() -> new SupergraphException(
                            "join__Graph." + value.getName() + " has no @join__graph(name:, url:)"));
            String name = Directives.string(graph, "name");
            String url = Directives.string(graph, "url");
            result.add(new Subgraph(
                    name == null ? value.getName().toLowerCase(java.util.Locale.ROOT) : name,
                    value.getName(),
                    url == null ? "" : url));
        }
        return result;
    }

    private static TypeDef type(
            TypeDefinition<?> definition,
            Map<String, String> graphByEnum,
            Map<String, String> contextVariables,
            AuthDirectives auth) {
        String name = definition.getName();
        List<TypeJoin> joins = new ArrayList<>();
        for (Directive d : Directives.named(definition, "join__type")) {
            String graph = graph(d, graphByEnum, name);
            String key = Directives.string(d, "key");
            FieldSet keySet = null;
            if (key != null) {
                try {
                    keySet = FieldSet.parse(key);
                } catch (IllegalArgumentException e) {
                    throw new SupergraphException(
                            "type " + name + ": @join__type(graph: " + graph + ") has an " + e.getMessage(), e);
                }
            }
            joins.add(new TypeJoin(
                    graph,
                    keySet,
                    Directives.bool(d, "extension", false),
                    Directives.bool(d, "resolvable", true),
                    Directives.bool(d, "isInterfaceObject", false)));
        }
        boolean inaccessible = Directives.has(definition, "inaccessible");
        Map<String, Set<String>> implementsByGraph = new LinkedHashMap<>();
        Map<String, Set<String>> membersByGraph = new LinkedHashMap<>();
        Map<String, FieldDef> fields = new LinkedHashMap<>();
        TypeKind kind;
        if (definition instanceof ObjectTypeDefinition || definition instanceof InterfaceTypeDefinition) {
            kind = definition instanceof ObjectTypeDefinition ? TypeKind.OBJECT : TypeKind.INTERFACE;
            ImplementingTypeDefinition<?> implementing = (ImplementingTypeDefinition<?>) definition;
            for (FieldDefinition field : implementing.getFieldDefinitions()) {
                fields.put(field.getName(), field(name, field, graphByEnum, contextVariables, auth));
            }
            for (Directive d : Directives.named(definition, "join__implements")) {
                String iface = Directives.string(d, "interface");
                if (iface != null) {
                    implementsByGraph
                            .computeIfAbsent(graph(d, graphByEnum, name), g -> new LinkedHashSet<>())
                            .add(iface);
                }
            }
            if (implementsByGraph.isEmpty() && !implementing.getImplements().isEmpty()) {
                // Supergraphs that predate join__implements: every graph with the type implements them all.
                Set<String> all = new LinkedHashSet<>();
                implementing.getImplements().forEach(t -> all.add(((TypeName) t).getName()));
                joins.forEach(j -> implementsByGraph.put(j.graph(), all));
            }
        } else if (definition instanceof UnionTypeDefinition union) {
            kind = TypeKind.UNION;
            for (Directive d : Directives.named(definition, "join__unionMember")) {
                String member = Directives.string(d, "member");
                if (member != null) {
                    membersByGraph
                            .computeIfAbsent(graph(d, graphByEnum, name), g -> new LinkedHashSet<>())
                            .add(member);
                }
            }
            if (membersByGraph.isEmpty()) {
                Set<String> all = new LinkedHashSet<>();
                union.getMemberTypes().forEach(t -> all.add(((TypeName) t).getName()));
                joins.forEach(j -> membersByGraph.put(j.graph(), all));
            }
        } else if (definition instanceof EnumTypeDefinition) {
            kind = TypeKind.ENUM;
        } else if (definition instanceof InputObjectTypeDefinition) {
            kind = TypeKind.INPUT_OBJECT;
        } else if (definition instanceof ScalarTypeDefinition) {
            kind = TypeKind.SCALAR;
        } else {
            throw new SupergraphException("type " + name + ": unsupported definition "
                    + definition.getClass().getSimpleName());
        }
        return new TypeDef(
                name,
                kind,
                joins,
                fields,
                implementsByGraph,
                membersByGraph,
                inaccessible,
                contexts(definition),
                auth.read(definition, "type " + name));
    }

    /** The contexts a type sets: {@code @context(name:)} of the context spec, one per setting subgraph. */
    private static Set<String> contexts(TypeDefinition<?> definition) {
        Set<String> contexts = new LinkedHashSet<>();
        for (Directive d : Directives.named(definition, "context")) {
            String context = Directives.string(d, "name");
            if (context == null || context.isBlank()) {
                throw new SupergraphException("type " + definition.getName() + ": @context has no name");
            }
            contexts.add(context);
        }
        return contexts;
    }

    private static FieldDef field(
            String typeName,
            FieldDefinition field,
            Map<String, String> graphByEnum,
            Map<String, String> contextVariables,
            AuthDirectives auth) {
        String coordinate = typeName + "." + field.getName();
        List<FieldJoin> joins = new ArrayList<>();
        boolean inNoGraph = false;
        for (Directive d : Directives.named(field, "join__field")) {
            if (Directives.value(d, "graph") == null) {
                // Composition writes a bare @join__field on fields that no subgraph resolves on this type,
                // such as fields an @interfaceObject adds to every implementation.
                inNoGraph = true;
                continue;
            }
            String graph = graph(d, graphByEnum, coordinate);
            joins.add(new FieldJoin(
                    graph,
                    fieldSet(d, "requires", coordinate, graph),
                    fieldSet(d, "provides", coordinate, graph),
                    Directives.string(d, "type"),
                    Directives.bool(d, "external", false),
                    Directives.string(d, "override"),
                    Directives.bool(d, "usedOverridden", false),
                    Directives.string(d, "overrideLabel"),
                    contextArguments(d, coordinate, graph, contextVariables)));
        }
        String typeText = graphql.language.AstPrinter.printAst(field.getType());
        return new FieldDef(
                field.getName(),
                TypeRef.parse(typeText),
                joins,
                Directives.has(field, "inaccessible"),
                inNoGraph && joins.isEmpty(),
                auth.read(field, "field " + coordinate));
    }

    /**
     * The variable of every contextual argument, keyed {@code graph|Type.field(argument:)}, named as Apollo's
     * planner names them: {@code contextualArgument_<n>_<i>}, {@code n} the subgraph's position among all
     * subgraph names sorted (from 1; Apollo numbers its name-ordered subgraphs, whatever the order of
     * {@code join__Graph}), {@code i} the argument's position among that subgraph's contextual arguments sorted
     * by coordinate.
     */
    private static Map<String, String> contextVariables(
            Document document, Map<String, String> graphByEnum, List<Subgraph> subgraphs) {
        Map<String, SortedSet<String>> coordinates = new LinkedHashMap<>();
        for (ImplementingTypeDefinition<?> type : document.getDefinitionsOfType(ImplementingTypeDefinition.class)) {
            for (FieldDefinition field : type.getFieldDefinitions()) {
                for (Directive d : Directives.named(field, "join__field")) {
                    String graph = graphByEnum.get(String.valueOf(Directives.string(d, "graph")));
                    for (ObjectValue entry : contextEntries(Directives.value(d, "contextArguments"))) {
                        if (graph != null && entryString(entry, "name") != null) {
                            coordinates
                                    .computeIfAbsent(graph, g -> new TreeSet<>())
                                    .add(type.getName() + "." + field.getName() + "(" + entryString(entry, "name")
                                            + ":)");
                        }
                    }
                }
            }
        }
        List<String> names = subgraphs.stream().map(Subgraph::name).sorted().toList();
        Map<String, String> variables = new LinkedHashMap<>();
        coordinates.forEach((graph, sorted) -> {
            int i = 0;
            for (String coordinate : sorted) {
                variables.put(graph + "|" + coordinate, "contextualArgument_" + (names.indexOf(graph) + 1) + "_" + i++);
            }
        });
        return variables;
    }

    private static List<ContextArgument> contextArguments(
            Directive d, String coordinate, String graph, Map<String, String> variables) {
        Value<?> value = Directives.value(d, "contextArguments");
        if (value == null) {
            return List.of();
        }
        String where = "field " + coordinate + ": @join__field(graph: " + graph + ", contextArguments:)";
        List<?> entries = value instanceof ArrayValue array ? array.getValues() : List.of(value);
        List<ContextArgument> arguments = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof ObjectValue entry)) {
                throw new SupergraphException(
                        where + " entry " + i + " is not an object {context, name, type, selection}");
            }
            String[] values = new String[4];
            String[] keys = {"name", "type", "context", "selection"};
            for (int k = 0; k < keys.length; k++) {
                values[k] = entryString(entry, keys[k]);
                if (values[k] == null || values[k].isBlank()) {
                    throw new SupergraphException(where + " entry " + i + " has no " + keys[k] + " (a string)");
                }
            }
            String name = values[0];
            FieldSet selection;
            try {
                selection = FieldSet.parse(selectionBody(values[3]));
            } catch (IllegalArgumentException e) {
                throw new SupergraphException(
                        where + " argument " + name + " reads context \"" + values[2] + "\" with an " + e.getMessage(),
                        e);
            }
            String variable = variables.get(graph + "|" + coordinate + "(" + name + ":)");
            arguments.add(new ContextArgument(name, values[1], values[2], selection, Objects.requireNonNull(variable)));
        }
        return arguments;
    }

    /** {@code { prop }} or {@code ... on A { prop } ... on B { prop }}: the selections, without outer braces. */
    private static String selectionBody(String selection) {
        String trimmed = selection.trim();
        return trimmed.startsWith("{") && trimmed.endsWith("}") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }

    private static List<ObjectValue> contextEntries(@Nullable Value<?> value) {
        if (value instanceof ArrayValue array) {
            return array.getValues().stream()
                    .filter(ObjectValue.class::isInstance)
                    .map(ObjectValue.class::cast)
                    .toList();
        }
        return value instanceof ObjectValue object ? List.of(object) : List.of();
    }

    private static @Nullable String entryString(ObjectValue entry, String key) {
        return entry.getObjectFields().stream()
                .filter(f -> f.getName().equals(key))
                .findFirst()
                .map(f -> f.getValue() instanceof StringValue s ? s.getValue() : null)
                .orElse(null);
    }

    private static @Nullable FieldSet fieldSet(Directive d, String argument, String coordinate, String graph) {
        String text = Directives.string(d, argument);
        if (text == null) {
            return null;
        }
        try {
            return FieldSet.parse(text);
        } catch (IllegalArgumentException e) {
            throw new SupergraphException(
                    "field " + coordinate + ": @join__field(graph: " + graph + ", " + argument + ":) has an "
                            + e.getMessage(),
                    e);
        }
    }

    private static String graph(Directive d, Map<String, String> graphByEnum, String coordinate) {
        String value = Directives.string(d, "graph");
        String graph = value == null ? null : graphByEnum.get(value);
        if (graph == null) {
            throw new SupergraphException(
                    coordinate + ": @" + d.getName() + "(graph: " + value + ") names no value of join__Graph");
        }
        return graph;
    }

    /** Keys, requires and provides must name fields that exist, or planning would fail later. */
    private static void checkFieldSets(Map<String, TypeDef> types) {
        for (TypeDef type : types.values()) {
            for (TypeJoin join : type.joins()) {
                if (join.key() != null) {
                    checkSelections(
                            types,
                            type.name(),
                            join.key().selectionSet(),
                            "type " + type.name() + ": @key(fields: \""
                                    + join.key().text() + "\") in subgraph " + join.graph());
                }
            }
            for (FieldDef field : type.fields().values()) {
                for (FieldJoin join : field.joins()) {
                    if (join.requires() != null) {
                        checkSelections(
                                types,
                                type.name(),
                                join.requires().selectionSet(),
                                "field " + type.name() + "." + field.name() + ": @requires(fields: \""
                                        + join.requires().text() + "\") in subgraph " + join.graph());
                    }
                    if (join.provides() != null) {
                        checkSelections(
                                types,
                                field.type().namedType(),
                                join.provides().selectionSet(),
                                "field "
                                        + type.name() + "." + field.name() + ": @provides(fields: \""
                                        + join.provides().text()
                                        + "\") in subgraph " + join.graph());
                    }
                }
            }
        }
    }

    /**
     * A contextual argument must read a context some type sets, through a selection every such type has,
     * into a type that exists; otherwise no plan could ever fill it.
     */
    private static void checkContexts(Map<String, TypeDef> types) {
        for (TypeDef type : types.values()) {
            for (FieldDef field : type.fields().values()) {
                for (FieldJoin join : field.joins()) {
                    for (ContextArgument argument : join.contextArguments()) {
                        String where = "field " + type.name() + "." + field.name() + ": @join__field(graph: "
                                + join.graph() + ") argument " + argument.name();
                        List<TypeDef> setting = types.values().stream()
                                .filter(t -> t.contexts().contains(argument.context()))
                                .toList();
                        if (setting.isEmpty()) {
                            throw new SupergraphException(where + " reads context \"" + argument.context()
                                    + "\", which no type sets with @context");
                        }
                        for (TypeDef context : setting) {
                            checkSelections(
                                    types,
                                    context.name(),
                                    argument.selection().selectionSet(),
                                    where + " reads \""
                                            + argument.selection().text().trim() + "\" from context \""
                                            + argument.context() + "\" set on " + context.name());
                        }
                        if (!types.containsKey(TypeRef.parse(argument.type()).namedType())) {
                            throw new SupergraphException(
                                    where + " has type " + argument.type() + ", which names no type of the supergraph");
                        }
                    }
                }
            }
        }
    }

    private static void checkSelections(
            Map<String, TypeDef> types, String typeName, graphql.language.SelectionSet selections, String where) {
        TypeDef type = types.get(typeName);
        if (type == null) {
            throw new SupergraphException(where + ": unknown type " + typeName);
        }
        for (graphql.language.Selection<?> selection : selections.getSelections()) {
            if (selection instanceof graphql.language.Field f) {
                if (f.getName().equals("__typename")) {
                    continue;
                }
                FieldDef field = type.fields().get(f.getName());
                if (field == null) {
                    throw new SupergraphException(where + ": type " + typeName + " has no field " + f.getName());
                }
                if (f.getSelectionSet() != null) {
                    checkSelections(types, field.type().namedType(), f.getSelectionSet(), where);
                }
            } else if (selection instanceof graphql.language.InlineFragment fragment) {
                String condition = fragment.getTypeCondition() == null
                        ? typeName
                        : fragment.getTypeCondition().getName();
                checkSelections(types, condition, fragment.getSelectionSet(), where);
            }
        }
    }
}
