package io.meshcatalog.gateway.planning;

import io.meshcatalog.gateway.supergraph.AuthRequirements;
import java.util.List;
import java.util.Set;

/**
 * What Apollo's authorization directives ask of a caller: whether it authenticated, the OAuth scopes it holds and
 * the policies it satisfies (as the gateway's policy hook decided them for the policy names an operation needs).
 *
 * @param authenticated whether the caller authenticated ({@code @authenticated})
 * @param scopes its scopes ({@code @requiresScopes})
 * @param policies the policies it satisfies ({@code @policy}); any other policy is denied
 */
public record Rights(boolean authenticated, Set<String> scopes, Set<String> policies) {

    /** An anonymous caller: no scope, no policy. */
    public static final Rights ANONYMOUS = new Rights(false, Set.of(), Set.of());

    public Rights {
        scopes = Set.copyOf(scopes);
        policies = Set.copyOf(policies);
    }

    /** Whether it meets every one of these requirements: authentication, one group of scopes, one group of policies. */
    public boolean meets(AuthRequirements requirements) {
        return (authenticated || !requirements.authenticated())
                && oneGroup(requirements.scopes(), scopes)
                && oneGroup(requirements.policies(), policies);
    }

    private static boolean oneGroup(List<List<String>> groups, Set<String> held) {
        return groups.isEmpty() || groups.stream().anyMatch(held::containsAll);
    }
}
