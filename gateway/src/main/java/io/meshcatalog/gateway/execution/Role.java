package io.meshcatalog.gateway.execution;

/**
 * What a caller may do beyond reading what it may see. A {@link #DOMAIN_MEMBER} acts for the domains its teams
 * own: it triggers their harvests, posts lineage in its namespaces and decides access to their products.
 */
public enum Role {
    READER,
    DOMAIN_MEMBER,
    ADMIN
}
