package io.meshcatalog.gateway.supergraph;

import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.StringValue;
import graphql.language.TypeDefinition;
import graphql.language.UnionTypeDefinition;
import graphql.language.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Apollo's authorization directives in a supergraph, under the names its {@code @link}s give them:
 * {@code @authenticated} ({@code https://specs.apollo.dev/authenticated/v0.1}), {@code @requiresScopes}
 * ({@code …/requiresScopes/v0.1}) and {@code @policy} ({@code …/policy/v0.1}), on objects, interfaces, scalars,
 * enums and their fields. A use the router would not accept (another place, a malformed argument, a directive of a
 * spec the supergraph does not link, a version it does not know) fails the supergraph with its coordinate: a
 * requirement read wrongly would show data to callers who may not see it.
 */
final class AuthDirectives {

    static final String AUTHENTICATED = "https://specs.apollo.dev/authenticated";
    static final String REQUIRES_SCOPES = "https://specs.apollo.dev/requiresScopes";
    static final String POLICY = "https://specs.apollo.dev/policy";
    private static final String VERSION = "v0.1";

    private final @Nullable String authenticated;
    private final @Nullable String requiresScopes;
    private final @Nullable String policy;
    private final Set<String> types = new LinkedHashSet<>();

    private AuthDirectives(Links links) {
        authenticated = name(links, AUTHENTICATED, "authenticated", null);
        requiresScopes = name(links, REQUIRES_SCOPES, "requiresScopes", "Scope");
        policy = name(links, POLICY, "policy", "Policy");
    }

    private AuthDirectives(@Nullable String authenticated, @Nullable String requiresScopes, @Nullable String policy) {
        this.authenticated = authenticated;
        this.requiresScopes = requiresScopes;
        this.policy = policy;
    }

    /** The directives under these names (null: not in use), as a subgraph imports them; for {@link #read}. */
    static AuthDirectives named(
            @Nullable String authenticated, @Nullable String requiresScopes, @Nullable String policy) {
        return new AuthDirectives(authenticated, requiresScopes, policy);
    }

    /** The directives as a supergraph links them; refuses a malformed {@code @link} or a version it cannot read. */
    static AuthDirectives of(Document supergraph) {
        try {
            return new AuthDirectives(Links.of(supergraph));
        } catch (IllegalArgumentException e) {
            throw new SupergraphException("supergraph: " + e.getMessage(), e);
        }
    }

    private @Nullable String name(Links links, String identity, String directive, @Nullable String type) {
        Links.Link link = links.get(identity).orElse(null);
        if (link == null) {
            return null;
        }
        if (!link.version().equals(VERSION)) {
            throw new SupergraphException(
                    "supergraph: @link(url: \"" + identity + "/" + link.version() + "\") is a version "
                            + "of @" + directive + " this gateway cannot read (it reads " + VERSION
                            + "); recompose with a composition "
                            + "that writes " + identity + "/" + VERSION);
        }
        if (type != null) {
            types.add(link.type(type));
        }
        return link.directive(directive);
    }

    /** The names of the directives, as applied in this supergraph: machinery the API schema leaves out. */
    Set<String> directiveNames() {
        Set<String> names = new LinkedHashSet<>();
        for (String name : new String[] {authenticated, requiresScopes, policy}) {
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    /** The spec types ({@code requiresScopes__Scope}, {@code policy__Policy}) as named here, also machinery. */
    Set<String> typeNames() {
        return Set.copyOf(types);
    }

    /**
     * The requirements the directives on a type or field state.
     *
     * @param where the element as errors name it: {@code type Customer}, {@code field Customer.email}
     */
    AuthRequirements read(DirectivesContainer<?> element, String where) {
        boolean needsAuthentication =
                authenticated != null && !applied(element, authenticated, where).isEmpty();
        List<List<String>> scopes = groups(element, requiresScopes, "scopes", where);
        List<List<String>> policies = groups(element, policy, "policies", where);
        return needsAuthentication || !scopes.isEmpty() || !policies.isEmpty()
                ? new AuthRequirements(needsAuthentication, scopes, policies)
                : AuthRequirements.NONE;
    }

    /**
     * Refuses the directives where Apollo's definitions do not allow them (unions, input types, arguments, input
     * fields, enum values) and under their default names when the supergraph does not link their spec.
     */
    void checkPlacement(Document supergraph) {
        for (TypeDefinition<?> type : supergraph.getDefinitionsOfType(TypeDefinition.class)) {
            String name = type.getName();
            if (type instanceof UnionTypeDefinition || type instanceof InputObjectTypeDefinition) {
                refuse(type, "type " + name, type instanceof UnionTypeDefinition ? "unions" : "input types");
            }
            if (type instanceof InputObjectTypeDefinition input) {
                input.getInputValueDefinitions()
                        .forEach(v -> refuse(v, "input field " + name + "." + v.getName(), "input fields"));
            }
            if (type instanceof EnumTypeDefinition enumType) {
                enumType.getEnumValueDefinitions()
                        .forEach(v -> refuse(v, "enum value " + name + "." + v.getName(), "enum values"));
            }
            if (type instanceof ImplementingTypeDefinition<?> implementing) {
                for (FieldDefinition field : implementing.getFieldDefinitions()) {
                    field.getInputValueDefinitions()
                            .forEach(a -> refuse(
                                    a,
                                    "argument " + name + "." + field.getName() + "(" + a.getName() + ":)",
                                    "arguments"));
                    unlinked(field, "field " + name + "." + field.getName());
                }
            }
            unlinked(type, "type " + name);
        }
    }

    private void refuse(DirectivesContainer<?> element, String where, String places) {
        for (String name : directiveNames()) {
            if (Directives.has(element, name)) {
                throw new SupergraphException(where + ": @" + name + " may not be used on " + places
                        + "; put it on the object, interface, scalar or enum type, or on the fields that return them");
            }
        }
    }

    /** A default name of a spec the supergraph does not link would be ignored by the router: refuse it instead. */
    private void unlinked(DirectivesContainer<?> element, String where) {
        String[][] specs = {
            {"authenticated", AUTHENTICATED, authenticated, "2.5"},
            {"requiresScopes", REQUIRES_SCOPES, requiresScopes, "2.5"},
            {"policy", POLICY, policy, "2.6"}
        };
        for (String[] spec : specs) {
            if (spec[2] == null && Directives.has(element, spec[0])) {
                throw new SupergraphException(
                        where + ": @" + spec[0] + " is applied but not linked: a subgraph imports it "
                                + "from federation v" + spec[3]
                                + " or later (@link(url: \"https://specs.apollo.dev/federation/v" + spec[3]
                                + "\", import: [\"@" + spec[0] + "\"])), a supergraph links " + spec[1] + "/" + VERSION
                                + " (as Apollo's composition and this gateway's --subgraphs write it)");
            }
        }
    }

    private static List<Directive> applied(DirectivesContainer<?> element, String name, String where) {
        List<Directive> applied = Directives.named(element, name);
        if (applied.size() > 1) {
            throw new SupergraphException(where + ": @" + name + " is applied " + applied.size() + " times; it is not "
                    + "repeatable (composition merges the subgraphs' requirements into one)");
        }
        return applied;
    }

    private static List<List<String>> groups(
            DirectivesContainer<?> element, @Nullable String name, String argument, String where) {
        if (name == null) {
            return List.of();
        }
        List<Directive> applied = applied(element, name, where);
        if (applied.isEmpty()) {
            return List.of();
        }
        String usage = where + ": @" + name + "(" + argument + ":) must be a list of lists of names, "
                + "e.g. [[\"read:a\", \"read:b\"], [\"admin\"]] (a and b, or admin)";
        Value<?> value = Directives.value(applied.get(0), argument);
        if (!(value instanceof ArrayValue outer)) {
            throw new SupergraphException(usage);
        }
        List<List<String>> groups = new ArrayList<>();
        for (Value<?> group : outer.getValues()) {
            if (!(group instanceof ArrayValue inner)) {
                throw new SupergraphException(usage);
            }
            List<String> names = new ArrayList<>();
            for (Value<?> item : inner.getValues()) {
                if (!(item instanceof StringValue text) || text.getValue().isBlank()) {
                    throw new SupergraphException(usage);
                }
                names.add(text.getValue());
            }
            groups.add(names);
        }
        return groups;
    }
}
