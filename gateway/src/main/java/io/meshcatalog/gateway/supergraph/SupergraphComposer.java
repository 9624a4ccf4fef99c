package io.meshcatalog.gateway.supergraph;

import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.SchemaExtensionDefinition;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Composes Federation v2 subgraph SDLs into a supergraph SDL in the {@code join__} v0.5 format, the
 * same the gateway reads with {@code --supergraph}. A deliberately small composer: it merges types,
 * writes {@code @join__*} for keys, requires, provides, external, override, interface objects,
 * union members, enum values and contextual arguments ({@code @context}/{@code @fromContext}), and refuses what Apollo's composition refuses most often (kind
 * mismatches, non-shareable fields resolved by several subgraphs, bad field sets), naming the
 * subgraph, type and field. Subgraphs without {@code @link} are read with Federation 1 rules
 * (every field shareable, {@code @external} key fields are not external).
 */
public final class SupergraphComposer {

    private static final Set<String> MACHINERY_TYPES = Set.of(
            "_Service",
            "_Any",
            "_Entity",
            "FieldSet",
            "_FieldSet",
            "link__Import",
            "link__Purpose",
            "federation__FieldSet",
            "federation__Scope",
            "federation__Policy",
            "federation__ContextFieldValue");

    /** {@code $context selection} of {@code @fromContext(field:)}: the context's name, then what is read. */
    private static final java.util.regex.Pattern CONTEXT_FIELD =
            java.util.regex.Pattern.compile("^\\s*\\$(\\w+)(.*)$", java.util.regex.Pattern.DOTALL);

    private static final String HEADER = """
      directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE

      directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean, overrideLabel: String, contextArguments: [join__ContextArgument!]) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION

      directive @join__graph(name: String!, url: String!) on ENUM_VALUE

      directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE

      directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR

      directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION

      directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA

      input join__ContextArgument {
        name: String!
        type: String!
        context: String!
        selection: join__FieldValue!
      }

      scalar join__FieldSet

      scalar join__FieldValue

      scalar link__Import

      enum link__Purpose {
        SECURITY
        EXECUTION
      }
      """;

    /** Composes subgraphs, in the order given (the order of {@code join__Graph}). */
    public String compose(List<SubgraphSdl> subgraphs) {
        List<String> errors = new ArrayList<>();
        Map<String, Map<String, LocalType>> types = new TreeMap<>();
        Applied applied = new Applied(new AuthComposition(errors), new CostComposition(errors));
        for (SubgraphSdl subgraph : subgraphs) {
            read(subgraph, types, errors, applied);
        }
        applied.auth().merge();
        boolean inaccessible =
                types.values().stream().flatMap(m -> m.values().stream()).anyMatch(LocalType::usesInaccessible);
        boolean contexts = types.values().stream()
                .flatMap(m -> m.values().stream())
                .anyMatch(l -> !l.contexts().isEmpty());
        StringBuilder out = new StringBuilder("schema\n  @link(url: \"https://specs.apollo.dev/link/v1.0\")\n"
                + "  @link(url: \"https://specs.apollo.dev/join/v0.5\", for: EXECUTION)\n");
        if (inaccessible) {
            out.append("  @link(url: \"https://specs.apollo.dev/inaccessible/v0.2\", for: SECURITY)\n");
        }
        if (contexts) {
            out.append("  @link(url: \"https://specs.apollo.dev/context/v0.1\", for: SECURITY)\n");
        }
        out.append(applied.auth().links()).append(applied.costs().links());
        out.append("{\n  query: Query\n");
        if (types.containsKey("Mutation")) {
            out.append("  mutation: Mutation\n");
        }
        out.append("}\n\n");
        if (inaccessible) {
            out.append(
                    "directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | "
                            + "SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION\n\n");
        }
        if (contexts) {
            out.append("directive @context(name: String!) repeatable on INTERFACE | OBJECT | UNION\n\n");
        }
        out.append(applied.auth().definitions()).append(applied.costs().definitions());
        out.append(HEADER).append("\nenum join__Graph {\n");
        for (SubgraphSdl subgraph : subgraphs) {
            out.append("  ")
                    .append(enumValue(subgraph.name()))
                    .append(" @join__graph(name: \"")
                    .append(subgraph.name())
                    .append("\", url: \"")
                    .append(subgraph.url())
                    .append("\")\n");
        }
        out.append("}\n");
        if (!types.containsKey("Query")) {
            errors.add("no subgraph defines a Query type with at least one field");
        }
        for (Map.Entry<String, Map<String, LocalType>> entry : types.entrySet()) {
            out.append('\n');
            type(entry.getKey(), entry.getValue(), types, out, errors, applied);
        }
        if (!errors.isEmpty()) {
            throw new CompositionException(errors);
        }
        return out.toString();
    }

    /** The directives the supergraph carries from the subgraphs onto its elements: authorization and cost. */
    private record Applied(AuthComposition auth, CostComposition costs) {

        String onType(String type) {
            return auth.onType(type) + costs.onType(type);
        }

        String onField(String type, String field) {
            return auth.onField(type, field) + costs.onField(type, field);
        }
    }

    /** One subgraph's view of one type, extensions merged. */
    private static final class LocalType {
        final String subgraph;
        final boolean fed1;
        String kind;
        final List<Directive> directives = new ArrayList<>();
        final Map<String, FieldDefinition> fields = new LinkedHashMap<>();
        final Map<String, InputValueDefinition> inputs = new LinkedHashMap<>();
        final Set<String> implementz = new LinkedHashSet<>();
        final Set<String> members = new LinkedHashSet<>();
        final Map<String, EnumValueDefinition> values = new LinkedHashMap<>();
        boolean extension;

        @Nullable
        String description;

        LocalType(String subgraph, boolean fed1, String kind) {
            this.subgraph = subgraph;
            this.fed1 = fed1;
            this.kind = kind;
        }

        boolean has(String directive) {
            return directives.stream().anyMatch(d -> d.getName().equals(directive));
        }

        boolean interfaceObject() {
            return has("interfaceObject");
        }

        /** The contexts the type sets here ({@code @context(name:)}), as the supergraph names them. */
        List<String> contexts() {
            return directives.stream()
                    .filter(d -> isFederation(d, "context"))
                    .map(d -> Directives.string(d, "name"))
                    .filter(java.util.Objects::nonNull)
                    .map(name -> subgraph + "__" + name)
                    .toList();
        }

        List<String> keys() {
            return directives.stream()
                    .filter(d -> d.getName().equals("key"))
                    .map(d -> Directives.string(d, "fields"))
                    .filter(java.util.Objects::nonNull)
                    .toList();
        }

        Set<String> keyFieldNames() {
            Set<String> names = new LinkedHashSet<>();
            for (String key : keys()) {
                try {
                    FieldSet.parse(key).selectionSet().getSelections().forEach(s -> {
                        if (s instanceof graphql.language.Field f) {
                            names.add(f.getName());
                        }
                    });
                } catch (IllegalArgumentException e) {
                    // Reported where keys are written.
                }
            }
            return names;
        }

        boolean usesInaccessible() {
            return has("inaccessible")
                    || fields.values().stream()
                            .anyMatch(f -> Directives.has(f, "inaccessible")
                                    || f.getInputValueDefinitions().stream()
                                            .anyMatch(a -> Directives.has(a, "inaccessible")))
                    || values.values().stream().anyMatch(v -> Directives.has(v, "inaccessible"))
                    || inputs.values().stream().anyMatch(v -> Directives.has(v, "inaccessible"));
        }
    }

    private static void read(
            SubgraphSdl subgraph, Map<String, Map<String, LocalType>> types, List<String> errors, Applied applied) {
        Document document;
        try {
            document = Parser.parse(subgraph.sdl());
        } catch (InvalidSyntaxException e) {
            errors.add("subgraph \"" + subgraph.name() + "\": SDL is not valid GraphQL: " + e.getMessage());
            return;
        }
        applied.auth().read(subgraph.name(), document);
        applied.costs().read(subgraph.name(), document);
        boolean fed1 = document.getDefinitions().stream()
                .noneMatch(d -> (d instanceof SchemaDefinition s && Directives.has(s, "link"))
                        || (d instanceof SchemaExtensionDefinition e && Directives.has(e, "link")));
        for (Definition<?> definition : document.getDefinitions()) {
            if (!(definition instanceof TypeDefinition<?> type)
                    || MACHINERY_TYPES.contains(type.getName())
                    || type.getName().startsWith("federation__")
                    || type.getName().startsWith("link__")) {
                continue;
            }
            String kind = kind(type);
            if (definition instanceof ObjectTypeDefinition object && Directives.has(object, "interfaceObject")) {
                kind = "interface";
            }
            String finalKind = kind;
            LocalType local = types.computeIfAbsent(type.getName(), n -> new LinkedHashMap<>())
                    .computeIfAbsent(subgraph.name(), n -> new LocalType(subgraph.name(), fed1, finalKind));
            if (!local.kind.equals(kind)) {
                errors.add("type " + type.getName() + " in subgraph \"" + subgraph.name() + "\" is both " + local.kind
                        + " and " + kind);
            }
            local.directives.addAll(type.getDirectives());
            local.extension |=
                    definition.getClass().getSimpleName().contains("Extension") || Directives.has(type, "extends");
            if (type instanceof ImplementingTypeDefinition<?> implementing) {
                for (FieldDefinition field : implementing.getFieldDefinitions()) {
                    if (!(type.getName().equals("Query") && field.getName().startsWith("_"))) {
                        local.fields.put(field.getName(), field);
                    }
                }
                implementing.getImplements().forEach(t -> local.implementz.add(((TypeName) t).getName()));
            } else if (type instanceof UnionTypeDefinition union) {
                union.getMemberTypes().forEach(t -> local.members.add(((TypeName) t).getName()));
            } else if (type instanceof EnumTypeDefinition enumType) {
                enumType.getEnumValueDefinitions().forEach(v -> local.values.put(v.getName(), v));
            } else if (type instanceof InputObjectTypeDefinition input) {
                input.getInputValueDefinitions().forEach(v -> local.inputs.put(v.getName(), v));
            }
        }
        // Types left without fields (only federation fields on Query) are not part of the subgraph's API.
        types.values()
                .forEach(byGraph -> byGraph.values()
                        .removeIf(l -> l.subgraph.equals(subgraph.name())
                                && (l.kind.equals("object") || l.kind.equals("interface"))
                                && l.fields.isEmpty()));
        types.values().removeIf(Map::isEmpty);
    }

    private static String kind(TypeDefinition<?> type) {
        if (type instanceof ObjectTypeDefinition) {
            return "object";
        }
        if (type instanceof InterfaceTypeDefinition) {
            return "interface";
        }
        if (type instanceof UnionTypeDefinition) {
            return "union";
        }
        if (type instanceof EnumTypeDefinition) {
            return "enum";
        }
        if (type instanceof InputObjectTypeDefinition) {
            return "input";
        }
        if (type instanceof ScalarTypeDefinition) {
            return "scalar";
        }
        return type.getClass().getSimpleName();
    }

    private static void type(
            String name,
            Map<String, LocalType> byGraph,
            Map<String, Map<String, LocalType>> types,
            StringBuilder out,
            List<String> errors,
            Applied applied) {
        LocalType first = byGraph.values().iterator().next();
        String kind = first.kind;
        for (LocalType local : byGraph.values()) {
            if (!local.kind.equals(kind)) {
                errors.add("type " + name + " is " + kind + " in subgraph \"" + first.subgraph + "\" but " + local.kind
                        + " in subgraph \"" + local.subgraph + "\"");
                return;
            }
        }
        String keyword = switch (kind) {
            case "object" -> "type";
            case "interface" -> "interface";
            case "union" -> "union";
            case "enum" -> "enum";
            case "input" -> "input";
            default -> "scalar";
        };
        Set<String> interfaces = new LinkedHashSet<>();
        byGraph.values().forEach(l -> interfaces.addAll(l.implementz));
        out.append(keyword).append(' ').append(name);
        if (!interfaces.isEmpty()) {
            out.append(" implements ").append(String.join(" & ", interfaces));
        }
        out.append('\n');
        for (LocalType local : byGraph.values()) {
            String graph = enumValue(local.subgraph);
            List<String> keys = local.keys();
            String flags = (local.extension && local.fed1 ? ", extension: true" : "")
                    + (local.interfaceObject() ? ", isInterfaceObject: true" : "");
            if (keys.isEmpty()) {
                out.append("  @join__type(graph: ").append(graph).append(flags).append(")\n");
            }
            for (Directive key : local.directives.stream()
                    .filter(d -> d.getName().equals("key"))
                    .toList()) {
                String fields = Directives.string(key, "fields");
                checkFieldSet(fields, name, local.subgraph, "@key", errors);
                out.append("  @join__type(graph: ")
                        .append(graph)
                        .append(", key: ")
                        .append(quote(fields))
                        .append(flags)
                        .append(Directives.bool(key, "resolvable", true) ? "" : ", resolvable: false")
                        .append(")\n");
            }
            for (String iface : local.implementz) {
                out.append("  @join__implements(graph: ")
                        .append(graph)
                        .append(", interface: ")
                        .append(quote(iface))
                        .append(")\n");
            }
            for (String member : local.members) {
                out.append("  @join__unionMember(graph: ")
                        .append(graph)
                        .append(", member: ")
                        .append(quote(member))
                        .append(")\n");
            }
        }
        for (LocalType local : byGraph.values()) {
            local.contexts()
                    .forEach(context -> out.append("  @context(name: ")
                            .append(quote(context))
                            .append(")\n"));
        }
        if (byGraph.values().stream().anyMatch(l -> l.has("inaccessible"))) {
            out.append("  @inaccessible\n");
        }
        out.append(applied.onType(name));
        switch (kind) {
            case "union" -> {
                Set<String> members = new LinkedHashSet<>();
                byGraph.values().forEach(l -> members.addAll(l.members));
                out.append(" = ").append(String.join(" | ", members)).append('\n');
            }
            case "enum" -> enumValues(byGraph, out);
            case "input" -> inputFields(name, byGraph, out);
            case "scalar" -> out.append('\n');
            default -> fields(name, kind, byGraph, types, out, errors, applied);
        }
    }

    private static void enumValues(Map<String, LocalType> byGraph, StringBuilder out) {
        Map<String, List<String>> graphsByValue = new LinkedHashMap<>();
        Map<String, EnumValueDefinition> definitions = new LinkedHashMap<>();
        for (LocalType local : byGraph.values()) {
            local.values.forEach((value, definition) -> {
                graphsByValue.computeIfAbsent(value, v -> new ArrayList<>()).add(local.subgraph);
                definitions.putIfAbsent(value, definition);
                if (Directives.has(definition, "inaccessible")) {
                    definitions.put(value, definition);
                }
            });
        }
        out.append("{\n");
        graphsByValue.forEach((value, graphs) -> {
            out.append("  ").append(value);
            graphs.forEach(g ->
                    out.append(" @join__enumValue(graph: ").append(enumValue(g)).append(')'));
            EnumValueDefinition definition = definitions.get(value);
            if (Directives.has(definition, "inaccessible")) {
                out.append(" @inaccessible");
            }
            out.append(keptDirectives(definition.getDirectives())).append('\n');
        });
        out.append("}\n");
    }

    private static void inputFields(String name, Map<String, LocalType> byGraph, StringBuilder out) {
        out.append("{\n");
        LocalType first = byGraph.values().iterator().next();
        for (InputValueDefinition field : first.inputs.values()) {
            // Input fields compose by intersection: a client may only send what every subgraph accepts.
            if (byGraph.values().stream().allMatch(l -> l.inputs.containsKey(field.getName()))) {
                out.append("  ").append(inputValue(field)).append('\n');
            }
        }
        out.append("}\n");
    }

    private static void fields(
            String typeName,
            String kind,
            Map<String, LocalType> byGraph,
            Map<String, Map<String, LocalType>> types,
            StringBuilder out,
            List<String> errors,
            Applied applied) {
        Map<String, List<LocalType>> definedIn = new LinkedHashMap<>();
        for (LocalType local : byGraph.values()) {
            local.fields
                    .keySet()
                    .forEach(f ->
                            definedIn.computeIfAbsent(f, n -> new ArrayList<>()).add(local));
        }
        out.append("{\n");
        for (Map.Entry<String, List<LocalType>> entry : definedIn.entrySet()) {
            String fieldName = entry.getKey();
            List<LocalType> locals = entry.getValue();
            FieldDefinition reference = locals.stream()
                    .map(l -> l.fields.get(fieldName))
                    .filter(f -> !Directives.has(f, "external"))
                    .findFirst()
                    .orElse(locals.get(0).fields.get(fieldName));
            // Output types compose to the most general one: nullable where any subgraph is nullable.
            String type = locals.stream()
                    .map(l -> AstPrinter.printAst(l.fields.get(fieldName).getType()))
                    .min(java.util.Comparator.comparingLong(
                            t -> t.chars().filter(c -> c == '!').count()))
                    .orElse(AstPrinter.printAst(reference.getType()));
            // the subgraphs whose field another one overrides, with the progressive-override label if any
            Map<String, Optional<String>> overridden = new LinkedHashMap<>();
            for (LocalType local : locals) {
                Directive override = Directives.named(local.fields.get(fieldName), "override").stream()
                        .findFirst()
                        .orElse(null);
                if (override != null && Directives.string(override, "from") != null) {
                    overridden.put(
                            Directives.string(override, "from"),
                            Optional.ofNullable(Directives.string(override, "label")));
                }
            }
            List<String> joins = new ArrayList<>();
            boolean plain = locals.size() == byGraph.size() && overridden.isEmpty();
            List<String> resolvers = new ArrayList<>();
            for (LocalType local : locals) {
                FieldDefinition field = local.fields.get(fieldName);
                // Key fields of extended entities (Federation 1, or @extends) are the subgraph's own, @external or not.
                boolean external = Directives.has(field, "external")
                        && !((local.fed1 || local.extension)
                                && local.keyFieldNames().contains(fieldName));
                String requires = argument(field, "requires");
                String provides = argument(field, "provides");
                String override = argument(field, "override", "from");
                String label = override == null ? null : argument(field, "override", "label");
                String localType = AstPrinter.printAst(field.getType());
                boolean isOverridden = overridden.containsKey(local.subgraph);
                String oldOwnerLabel =
                        isOverridden ? overridden.get(local.subgraph).orElse(null) : null;
                if (oldOwnerLabel != null && !local.keyFieldNames().contains(fieldName)) {
                    // a progressive override: the old owner keeps the field while the label is off
                    joins.add("@join__field(graph: " + enumValue(local.subgraph) + ", overrideLabel: "
                            + quote(oldOwnerLabel) + ")");
                    plain = false;
                    continue;
                }
                if (isOverridden && !local.keyFieldNames().contains(fieldName)) {
                    plain = false;
                    continue;
                }
                checkFieldSet(requires, typeName, local.subgraph, "@requires on " + fieldName, errors);
                StringBuilder join = new StringBuilder("@join__field(graph: ").append(enumValue(local.subgraph));
                if (requires != null) {
                    join.append(", requires: ").append(quote(requires));
                }
                if (provides != null) {
                    join.append(", provides: ").append(quote(provides));
                }
                if (!localType.equals(type)) {
                    join.append(", type: ").append(quote(localType));
                }
                if (external) {
                    join.append(", external: true");
                }
                if (override != null) {
                    join.append(", override: ").append(quote(override));
                }
                if (label != null) {
                    join.append(", overrideLabel: ").append(quote(label));
                }
                if (isOverridden) {
                    join.append(", usedOverridden: true");
                }
                String contextArguments = contextArguments(field, local.subgraph);
                if (contextArguments != null) {
                    join.append(", contextArguments: ").append(contextArguments);
                }
                join.append(')');
                if (external
                        || requires != null
                        || provides != null
                        || override != null
                        || isOverridden
                        || !localType.equals(type)
                        || contextArguments != null) {
                    plain = false;
                }
                if (!external && !isOverridden) {
                    resolvers.add(local.subgraph);
                }
                joins.add(join.toString());
            }
            if (kind.equals("object")) {
                // Interface fields are resolved by the implementations, which are checked themselves.
                checkShareable(typeName, fieldName, locals, resolvers, errors);
            }
            out.append("  ")
                    .append(fieldName)
                    .append(arguments(typeName, reference, applied.costs()))
                    .append(": ")
                    .append(type);
            if (locals.stream().anyMatch(l -> Directives.has(l.fields.get(fieldName), "inaccessible"))) {
                out.append(" @inaccessible");
            }
            out.append(keptDirectives(reference.getDirectives()));
            if (!plain) {
                joins.forEach(j -> out.append(' ').append(j));
            }
            out.append(applied.onField(typeName, fieldName)).append('\n');
        }
        // Fields an @interfaceObject adds to an interface reach implementations through the interface.
        Set<String> interfaces = new LinkedHashSet<>();
        byGraph.values().forEach(l -> interfaces.addAll(l.implementz));
        for (String iface : interfaces) {
            for (LocalType local : types.getOrDefault(iface, Map.of()).values()) {
                if (local.interfaceObject()) {
                    for (FieldDefinition field : local.fields.values()) {
                        if (!definedIn.containsKey(field.getName())
                                && !local.keyFieldNames().contains(field.getName())) {
                            definedIn.put(field.getName(), List.of());
                            out.append("  ")
                                    .append(field.getName())
                                    .append(arguments(typeName, field, applied.costs()))
                                    .append(": ")
                                    .append(AstPrinter.printAst(field.getType()))
                                    .append(" @join__field")
                                    .append(applied.onField(typeName, field.getName()))
                                    .append('\n');
                        }
                    }
                }
            }
        }
        out.append("}\n");
    }

    private static void checkShareable(
            String typeName, String fieldName, List<LocalType> locals, List<String> resolvers, List<String> errors) {
        if (resolvers.size() < 2) {
            return;
        }
        List<String> notShareable = new ArrayList<>();
        for (LocalType local : locals) {
            if (!resolvers.contains(local.subgraph) || local.fed1) {
                continue;
            }
            FieldDefinition field = local.fields.get(fieldName);
            boolean shareable = Directives.has(field, "shareable")
                    || local.has("shareable")
                    || local.keyFieldNames().contains(fieldName);
            if (!shareable) {
                notShareable.add(local.subgraph);
            }
        }
        if (!notShareable.isEmpty()) {
            errors.add("field " + typeName + "." + fieldName + " is resolved by subgraphs "
                    + resolvers.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(" and "))
                    + " but is not @shareable in subgraph "
                    + notShareable.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(" and "))
                    + ": mark it @shareable everywhere or resolve it in one subgraph");
        }
    }

    private static void checkFieldSet(
            @Nullable String fields, String typeName, String subgraph, String where, List<String> errors) {
        if (fields == null) {
            return;
        }
        try {
            FieldSet.parse(fields);
        } catch (IllegalArgumentException e) {
            errors.add(
                    "type " + typeName + " in subgraph \"" + subgraph + "\": " + where + " has an " + e.getMessage());
        }
    }

    private static @Nullable String argument(FieldDefinition field, String directive) {
        return argument(field, directive, "fields");
    }

    private static @Nullable String argument(FieldDefinition field, String directive, String argument) {
        return Directives.named(field, directive).stream()
                .findFirst()
                .map(d -> Directives.string(d, argument))
                .orElse(null);
    }

    /** The field's arguments in the supergraph: clients never pass contextual ones. */
    private static String arguments(String typeName, FieldDefinition field, CostComposition costs) {
        List<InputValueDefinition> arguments = field.getInputValueDefinitions().stream()
                .filter(a -> fromContext(a) == null)
                .toList();
        if (arguments.isEmpty()) {
            return "";
        }
        return arguments.stream()
                .map(a -> inputValue(a) + costs.onArgument(typeName, field.getName(), a.getName()))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * {@code [{context: "<subgraph>__<name>", name: "a", type: "String", selection: " { prop }"}]} for the
     * arguments a subgraph fills from a context ({@code @fromContext(field: "$name { prop }")}), as Apollo's
     * composition writes them; null when it has none.
     */
    private static @Nullable String contextArguments(FieldDefinition field, String subgraph) {
        List<String> entries = new ArrayList<>();
        for (InputValueDefinition argument : field.getInputValueDefinitions()) {
            String value = fromContext(argument);
            if (value == null) {
                continue;
            }
            java.util.regex.Matcher matcher = CONTEXT_FIELD.matcher(value);
            if (matcher.matches()) {
                entries.add("{context: " + quote(subgraph + "__" + matcher.group(1)) + ", name: "
                        + quote(argument.getName()) + ", type: " + quote(AstPrinter.printAst(argument.getType()))
                        + ", selection: " + quote(matcher.group(2)) + "}");
            }
        }
        return entries.isEmpty() ? null : "[" + String.join(", ", entries) + "]";
    }

    /** A federation directive as a subgraph may name it: imported, or with the {@code federation__} prefix. */
    private static boolean isFederation(Directive directive, String name) {
        return directive.getName().equals(name) || directive.getName().equals("federation__" + name);
    }

    private static @Nullable String fromContext(InputValueDefinition argument) {
        return argument.getDirectives().stream()
                .filter(d -> isFederation(d, "fromContext"))
                .findFirst()
                .map(d -> Directives.string(d, "field"))
                .orElse(null);
    }

    private static String inputValue(InputValueDefinition value) {
        StringBuilder out =
                new StringBuilder(value.getName()).append(": ").append(AstPrinter.printAst(value.getType()));
        if (value.getDefaultValue() != null) {
            out.append(" = ").append(AstPrinter.printAst(value.getDefaultValue()));
        }
        if (Directives.has(value, "inaccessible")) {
            out.append(" @inaccessible");
        }
        return out.toString();
    }

    private static String keptDirectives(List<Directive> directives) {
        StringBuilder out = new StringBuilder();
        for (Directive d : directives) {
            if (d.getName().equals("deprecated") || d.getName().equals("specifiedBy")) {
                out.append(' ').append(AstPrinter.printAst(d));
            }
        }
        return out.toString();
    }

    private static String enumValue(String subgraph) {
        return subgraph.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }

    private static String quote(@Nullable String text) {
        return "\"" + String.valueOf(text).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
