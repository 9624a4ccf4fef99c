package io.meshcatalog.gateway.execution;

import java.util.Set;

/**
 * Decides which of the policies named by {@code @policy} a caller satisfies: the gateway's counterpart of the
 * coprocessor or script Apollo's router asks. It is asked once per request about the policy names the operation
 * needs (never about others), on the request's thread: an implementation that looks anything up must answer from
 * memory. A policy it does not satisfy, or does not know, is denied.
 */
public interface PolicyHook {

    /** Denies every policy. */
    PolicyHook DENY_ALL = (context, policies) -> Set.of();

    /** The names among {@code policies} that the caller of {@code context} satisfies. */
    Set<String> satisfied(RequestContext context, Set<String> policies);

    /** The names among {@code policies} it has no rule for: denied to every caller, logged when a supergraph uses them. */
    default Set<String> undefined(Set<String> policies) {
        return policies;
    }
}
