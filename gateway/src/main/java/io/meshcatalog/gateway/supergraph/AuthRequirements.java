package io.meshcatalog.gateway.supergraph;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a caller needs to read a field, or any field returning a type, as Apollo's authorization directives say it
 * ({@code @authenticated}, {@code @requiresScopes}, {@code @policy}). All three must hold. Scopes and policies are
 * in disjunctive normal form: the caller needs every name of at least one group ({@code [["a", "b"], ["c"]]} is
 * a and b, or c); an empty list requires nothing.
 *
 * @param authenticated whether only an authenticated caller may read it
 * @param scopes the groups of OAuth scopes, any one group sufficing
 * @param policies the groups of policy names, any one group sufficing
 */
public record AuthRequirements(boolean authenticated, List<List<String>> scopes, List<List<String>> policies) {

    /** No requirement: anyone may read it. */
    public static final AuthRequirements NONE = new AuthRequirements(false, List.of(), List.of());

    public AuthRequirements {
        scopes = scopes.stream().map(List::copyOf).toList();
        policies = policies.stream().map(List::copyOf).toList();
    }

    /** Whether anyone may read it. */
    public boolean isNone() {
        return !authenticated && scopes.isEmpty() && policies.isEmpty();
    }

    /** Every policy name it mentions, in order. */
    public Set<String> policyNames() {
        Set<String> names = new LinkedHashSet<>();
        policies.forEach(names::addAll);
        return names;
    }
}
