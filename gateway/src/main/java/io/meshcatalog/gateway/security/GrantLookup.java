package io.meshcatalog.gateway.security;

import io.meshcatalog.gateway.execution.Caller;
import java.util.Set;

/**
 * The private products a caller was granted access to (approved and unexpired), for the caller assertion each
 * subgraph fetch carries. None until the catalog supplies grants.
 */
@FunctionalInterface
public interface GrantLookup {

    GrantLookup NONE = caller -> Set.of();

    Set<String> grantedProducts(Caller caller);
}
