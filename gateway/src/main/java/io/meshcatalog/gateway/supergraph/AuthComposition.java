package io.meshcatalog.gateway.supergraph;

import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Apollo's authorization directives composed as {@code @apollo/composition} (2.12) composes them: each subgraph's
 * {@code @authenticated}, {@code @requiresScopes} and {@code @policy} (imported from federation v2.5, v2.6 for
 * {@code @policy}, under any name) are written on the same types and fields of the supergraph, which links the
 * specs {@code for: SECURITY} under that name. Requirements on one element from several sources are combined with
 * AND: identical applications stay as written, different ones become the conjunction of their scope or policy
 * groups (in disjunctive normal form, subsumed groups dropped). An interface gets the requirements of its
 * implementations (types and fields), and a field an {@code @interfaceObject} declares gives its requirements to
 * that field of every implementation. As in Apollo's composition, the directives may not be applied on interfaces,
 * interface fields or interface objects themselves, nor on unions, input types, arguments or enum values.
 */
final class AuthComposition {

    private static final String FEDERATION = "https://specs.apollo.dev/federation";
    private static final String LOCATIONS = "on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM";

    /** The three directives: their name in their spec, the federation version that has them, their spec. */
    private enum Spec {
        AUTHENTICATED("authenticated", 5, AuthDirectives.AUTHENTICATED),
        REQUIRES_SCOPES("requiresScopes", 5, AuthDirectives.REQUIRES_SCOPES),
        POLICY("policy", 6, AuthDirectives.POLICY);

        final String name;
        final int minor;
        final String url;

        Spec(String name, int minor, String url) {
            this.name = name;
            this.minor = minor;
            this.url = url;
        }
    }

    private final List<String> errors;
    /** Each directive's name in the supergraph: as the first subgraph that applies it names it. */
    private final Map<Spec, String> names = new EnumMap<>(Spec.class);
    /** Which subgraph imports a directive under which name, to refuse two names for one directive. */
    private final Map<Spec, Map<String, String>> imports = new EnumMap<>(Spec.class);
    /** The applications on a type ({@code T}) or field ({@code T.f}), one per subgraph, then propagated ones. */
    private final Map<String, List<AuthRequirements>> sources = new LinkedHashMap<>();
    /** Object types with the interfaces they implement in any subgraph. */
    private final Map<String, Set<String>> interfacesOf = new LinkedHashMap<>();
    /** Interfaces (and interface objects) with the fields any subgraph gives them. */
    private final Map<String, Set<String>> interfaceFields = new LinkedHashMap<>();
    /** Fields an {@code @interfaceObject} declares with requirements: {@code T.f} to them. */
    private final Map<String, List<AuthRequirements>> interfaceObjectFields = new LinkedHashMap<>();

    private final Map<String, AuthRequirements> merged = new LinkedHashMap<>();

    /** @param errors where composition errors go, naming subgraph, type and field */
    AuthComposition(List<String> errors) {
        this.errors = errors;
    }

    /** Reads one subgraph's applications. */
    void read(String subgraph, Document document) {
        Links.Link federation;
        try {
            federation = Links.of(document).get(FEDERATION).orElse(null);
        } catch (IllegalArgumentException e) {
            errors.add("subgraph \"" + subgraph + "\": " + e.getMessage());
            return;
        }
        if (federation == null) {
            return;
        }
        Map<Spec, String> local = new EnumMap<>(Spec.class);
        for (Spec spec : Spec.values()) {
            String name = name(subgraph, federation, spec);
            if (name != null) {
                local.put(spec, name);
            }
        }
        Subgraph reading = new Subgraph(
                subgraph,
                federation,
                local,
                AuthDirectives.named(
                        local.get(Spec.AUTHENTICATED), local.get(Spec.REQUIRES_SCOPES), local.get(Spec.POLICY)));
        String interfaceObject = federation.directive("interfaceObject");
        try {
            reading.directives().checkPlacement(document);
            for (TypeDefinition<?> type : document.getDefinitionsOfType(TypeDefinition.class)) {
                readType(reading, type, Directives.has(type, interfaceObject));
            }
        } catch (SupergraphException e) {
            errors.add("subgraph \"" + subgraph + "\": " + e.getMessage());
        }
    }

    /** The name a subgraph gives a directive, if its federation version has it; records the name it imports it as. */
    private @Nullable String name(String subgraph, Links.Link federation, Spec spec) {
        String local = federation.directive(spec.name);
        int[] version = federation.versionNumbers();
        boolean known = version[0] > 2 || (version[0] == 2 && version[1] >= spec.minor);
        if (federation.imports().containsKey("@" + spec.name)) {
            if (!known) {
                errors.add("subgraph \"" + subgraph + "\": @" + spec.name + " needs federation v2." + spec.minor
                        + " or later, and the subgraph links " + federation.version());
                return null;
            }
            imports.computeIfAbsent(spec, s -> new LinkedHashMap<>()).put(subgraph, local);
        }
        return known ? local : null;
    }

    /** One subgraph as read: its federation link and the names it gives the directives. */
    private record Subgraph(String name, Links.Link federation, Map<Spec, String> local, AuthDirectives directives) {}

    private void readType(Subgraph subgraph, TypeDefinition<?> type, boolean interfaceObject) {
        String name = type.getName();
        boolean isInterface = type instanceof InterfaceTypeDefinition || interfaceObject;
        AuthRequirements onType = subgraph.directives().read(type, "type " + name);
        if (!onType.isNone() && isInterface) {
            refuseOnInterface(subgraph, onType, "interface \"" + name + "\"");
        }
        record(subgraph, name, onType);
        if (!(type instanceof ImplementingTypeDefinition<?> implementing)) {
            return;
        }
        String external = subgraph.federation().directive("external");
        for (FieldDefinition field : implementing.getFieldDefinitions()) {
            String coordinate = name + "." + field.getName();
            AuthRequirements onField = subgraph.directives().read(field, "field " + coordinate);
            if (isInterface) {
                interfaceFields
                        .computeIfAbsent(name, n -> new LinkedHashSet<>())
                        .add(field.getName());
            }
            if (onField.isNone() || Directives.has(field, external)) {
                continue;
            }
            if (type instanceof InterfaceTypeDefinition) {
                refuseOnInterface(subgraph, onField, "interface field \"" + coordinate + "\"");
            } else if (interfaceObject) {
                interfaceObjectFields
                        .computeIfAbsent(coordinate, c -> new ArrayList<>())
                        .add(onField);
            }
            record(subgraph, coordinate, onField);
        }
        if (type instanceof ObjectTypeDefinition object && !interfaceObject) {
            object.getImplements()
                    .forEach(t -> interfacesOf
                            .computeIfAbsent(name, n -> new LinkedHashSet<>())
                            .add(((TypeName) t).getName()));
        }
    }

    private static void refuseOnInterface(Subgraph subgraph, AuthRequirements applied, String what) {
        Spec spec = applied.authenticated()
                ? Spec.AUTHENTICATED
                : !applied.scopes().isEmpty() ? Spec.REQUIRES_SCOPES : Spec.POLICY;
        throw new SupergraphException("invalid use of @" + subgraph.local().get(spec) + " on " + what
                + ": authorization directives cannot be applied on interfaces, interface fields and interface objects; "
                + "put them on the implementations, whose requirements the interface gets");
    }

    private void record(Subgraph subgraph, String coordinate, AuthRequirements requirements) {
        if (requirements.isNone()) {
            return;
        }
        sources.computeIfAbsent(coordinate, c -> new ArrayList<>()).add(requirements);
        if (requirements.authenticated()) {
            names.putIfAbsent(Spec.AUTHENTICATED, subgraph.local().get(Spec.AUTHENTICATED));
        }
        if (!requirements.scopes().isEmpty()) {
            names.putIfAbsent(Spec.REQUIRES_SCOPES, subgraph.local().get(Spec.REQUIRES_SCOPES));
        }
        if (!requirements.policies().isEmpty()) {
            names.putIfAbsent(Spec.POLICY, subgraph.local().get(Spec.POLICY));
        }
    }

    /** Combines the applications of every element, with the interfaces' inherited ones; refuses two names for one. */
    void merge() {
        imports.forEach((spec, bySubgraph) -> {
            if (new LinkedHashSet<>(bySubgraph.values()).size() > 1) {
                errors.add("the \"@" + spec.name
                        + "\" directive (from https://specs.apollo.dev/federation) is imported with "
                        + "mismatched names between subgraphs: "
                        + bySubgraph.entrySet().stream()
                                .map(e -> "\"@" + e.getValue() + "\" in subgraph \"" + e.getKey() + "\"")
                                .collect(Collectors.joining(", ")));
            } else if (!bySubgraph.isEmpty()) {
                names.put(spec, bySubgraph.values().iterator().next());
            }
        });
        Map<String, List<AuthRequirements>> all = new LinkedHashMap<>();
        sources.forEach((coordinate, list) -> all.put(coordinate, new ArrayList<>(list)));
        interfacesOf.forEach((object, interfaces) -> {
            for (String interfaceName : interfaces) {
                inherit(all, object, interfaceName);
                for (String field : interfaceFields.getOrDefault(interfaceName, Set.of())) {
                    inherit(all, object + "." + field, interfaceName + "." + field);
                }
            }
        });
        interfaceObjectFields.forEach((coordinate, requirements) -> {
            String interfaceName = coordinate.substring(0, coordinate.indexOf('.'));
            String field = coordinate.substring(coordinate.indexOf('.') + 1);
            interfacesOf.forEach((object, interfaces) -> {
                if (interfaces.contains(interfaceName)) {
                    all.computeIfAbsent(object + "." + field, c -> new ArrayList<>())
                            .addAll(requirements);
                    interfaces.stream()
                            .filter(i -> !i.equals(interfaceName))
                            .forEach(other -> all.computeIfAbsent(other + "." + field, c -> new ArrayList<>())
                                    .addAll(requirements));
                }
            });
        });
        all.forEach((coordinate, list) -> merged.put(coordinate, combine(list)));
    }

    private void inherit(Map<String, List<AuthRequirements>> all, String from, String to) {
        List<AuthRequirements> applied = sources.get(from);
        if (applied != null) {
            all.computeIfAbsent(to, c -> new ArrayList<>()).addAll(applied);
        }
    }

    private static AuthRequirements combine(List<AuthRequirements> applications) {
        boolean authenticated = applications.stream().anyMatch(AuthRequirements::authenticated);
        return new AuthRequirements(
                authenticated,
                DnfConjunction.of(applications.stream()
                        .map(AuthRequirements::scopes)
                        .filter(s -> !s.isEmpty())
                        .toList()),
                DnfConjunction.of(applications.stream()
                        .map(AuthRequirements::policies)
                        .filter(s -> !s.isEmpty())
                        .toList()));
    }

    /** The {@code @link}s of the specs in use, one line each, for the supergraph's schema definition. */
    String links() {
        StringBuilder out = new StringBuilder();
        for (Spec spec : used()) {
            String name = names.getOrDefault(spec, spec.name);
            out.append("  @link(url: \"").append(spec.url).append("/v0.1\", for: SECURITY");
            if (!name.equals(spec.name)) {
                out.append(", import: [{name: \"@")
                        .append(spec.name)
                        .append("\", as: \"@")
                        .append(name)
                        .append("\"}]");
            }
            out.append(")\n");
        }
        return out.toString();
    }

    /** The definitions of the directives in use and of their argument scalars. */
    String definitions() {
        StringBuilder out = new StringBuilder();
        for (Spec spec : used()) {
            String name = names.getOrDefault(spec, spec.name);
            switch (spec) {
                case AUTHENTICATED ->
                    out.append("directive @")
                            .append(name)
                            .append(' ')
                            .append(LOCATIONS)
                            .append("\n\n");
                case REQUIRES_SCOPES ->
                    out.append("directive @")
                            .append(name)
                            .append("(scopes: [[requiresScopes__Scope!]!]!) ")
                            .append(LOCATIONS)
                            .append("\n\nscalar requiresScopes__Scope\n\n");
                case POLICY ->
                    out.append("directive @")
                            .append(name)
                            .append("(policies: [[policy__Policy!]!]!) ")
                            .append(LOCATIONS)
                            .append("\n\nscalar policy__Policy\n\n");
            }
        }
        return out.toString();
    }

    /** The directives on a type, one line each, as the supergraph writes them after its joins. */
    String onType(String type) {
        return applications(merged.get(type)).stream().map(d -> "  " + d + "\n").collect(Collectors.joining());
    }

    /** The directives on a field, each after a space. */
    String onField(String type, String field) {
        return applications(merged.get(type + "." + field)).stream()
                .map(d -> " " + d)
                .collect(Collectors.joining());
    }

    private List<String> applications(@Nullable AuthRequirements requirements) {
        List<String> out = new ArrayList<>();
        if (requirements == null) {
            return out;
        }
        if (requirements.authenticated()) {
            out.add("@" + names.getOrDefault(Spec.AUTHENTICATED, Spec.AUTHENTICATED.name));
        }
        if (!requirements.scopes().isEmpty()) {
            out.add("@" + names.getOrDefault(Spec.REQUIRES_SCOPES, Spec.REQUIRES_SCOPES.name) + "(scopes: "
                    + DnfConjunction.print(requirements.scopes()) + ")");
        }
        if (!requirements.policies().isEmpty()) {
            out.add("@" + names.getOrDefault(Spec.POLICY, Spec.POLICY.name) + "(policies: "
                    + DnfConjunction.print(requirements.policies()) + ")");
        }
        return out;
    }

    private Set<Spec> used() {
        Set<Spec> used = new LinkedHashSet<>();
        for (AuthRequirements requirements : merged.values()) {
            if (requirements.authenticated()) {
                used.add(Spec.AUTHENTICATED);
            }
            if (!requirements.scopes().isEmpty()) {
                used.add(Spec.REQUIRES_SCOPES);
            }
            if (!requirements.policies().isEmpty()) {
                used.add(Spec.POLICY);
            }
        }
        return used.stream().sorted().collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
