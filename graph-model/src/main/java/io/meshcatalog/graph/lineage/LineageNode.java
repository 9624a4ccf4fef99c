package io.meshcatalog.graph.lineage;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One node reached by a traversal: its {@code degree} is the number of lineage hops from the start,
 * and {@code path} is one shortest path of ids from the start to it (both included), where each run of nodes the
 * viewer may not see is one {@link #HIDDEN}. {@code productId} is the product publishing a dataset (a product's own id);
 * null for fields, consumers and datasets no product publishes. {@code retired}: its product was retired or dropped it
 * (its domain's descriptor no longer declares it); it is still part of the lineage.
 */
public record LineageNode(
        NodeKind kind,
        String id,
        String name,
        String domain,
        int degree,
        List<String> path,
        boolean external,
        @Nullable String productId,
        boolean retired) {

    /** What a path says in place of nodes the viewer may not see; never a catalog id. */
    public static final String HIDDEN = "(hidden)";

    public LineageNode {
        path = List.copyOf(path);
    }
}
