package io.meshcatalog.subgraphs.kit.entities;

/**
 * The other domains' products a subgraph contributes fields to. Without it a subgraph resolves only its own
 * products; finance, which prices every product in the mesh, declares the ones its cost ledger knows.
 */
@FunctionalInterface
public interface ForeignProducts {

    /** Knows no product of another domain. */
    ForeignProducts NONE = productId -> false;

    boolean knows(String productId);
}
