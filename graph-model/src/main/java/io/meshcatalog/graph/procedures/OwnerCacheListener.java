package io.meshcatalog.graph.procedures;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListener;

/**
 * Starts a new generation of its database's {@link OwnerCache} after each committed transaction that could alter an
 * owner: one that changes a product, a team or a person (a property or the label itself, deleting one included), an
 * ownership ({@code OWNED_BY}), a product's domain ({@code IN_DOMAIN}) or a membership ({@code HAS_MEMBER}, its role
 * included, and a domain's label). Judged before the commit, while the changed nodes can still be read; the cache
 * drops what it holds then, keeps what walks read to themselves while the change is written, and drops it again once
 * the change committed or rolled back. Lineage writes (datasets, fields, runs, jobs, FEEDS) touch none of these and
 * keep the cache.
 */
final class OwnerCacheListener implements TransactionEventListener<Boolean> {

    /** Labels whose nodes' properties the cache holds. */
    static final Set<String> OWNER_LABELS = Set.of("DataProduct", "Team", "Person");
    /** Labels the walk requires along the way to an owner: gaining or losing one changes who owns what. */
    static final Set<String> WAY_LABELS = Set.of("DataProduct", "Team", "Person", "Domain");
    /** The properties the cache holds: a product's id, name and domain, a team's name and description, a person's. */
    static final Set<String> OWNER_PROPERTIES = Set.of("id", "name", "domain", "description", "username");

    static final Set<String> OWNER_RELATIONSHIPS = Set.of("OWNED_BY", "IN_DOMAIN", "HAS_MEMBER");

    private final OwnerCache cache;

    OwnerCacheListener(OwnerCache cache) {
        this.cache = cache;
    }

    @Override
    public Boolean beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService database) {
        if (!altersOwners(data)) {
            return null;
        }
        cache.committing();
        return Boolean.TRUE;
    }

    @Override
    public void afterCommit(TransactionData data, Boolean alters, GraphDatabaseService database) {
        if (alters != null) {
            cache.committed();
        }
    }

    @Override
    public void afterRollback(TransactionData data, Boolean alters, GraphDatabaseService database) {
        if (alters != null) {
            cache.committed();
        }
    }

    static boolean altersOwners(TransactionData data) {
        Set<Node> checked = new HashSet<>();
        // a deleted node's labels are among the removed ones, so its properties need no look of their own
        return any(data.createdRelationships(), relationship -> ownership(relationship.getType()))
                || any(data.deletedRelationships(), relationship -> ownership(relationship.getType()))
                || any(
                        data.assignedRelationshipProperties(),
                        entry -> ownership(entry.entity().getType()))
                || any(
                        data.removedRelationshipProperties(),
                        entry -> ownership(entry.entity().getType()))
                || any(
                        data.assignedLabels(),
                        entry -> WAY_LABELS.contains(entry.label().name()))
                || any(
                        data.removedLabels(),
                        entry -> WAY_LABELS.contains(entry.label().name()))
                || any(data.assignedNodeProperties(), entry -> ownerProperty(data, entry, checked))
                || any(data.removedNodeProperties(), entry -> ownerProperty(data, entry, checked));
    }

    private static <T> boolean any(Iterable<T> items, Predicate<T> test) {
        for (T item : items) {
            if (test.test(item)) {
                return true;
            }
        }
        return false;
    }

    /** A property the cache holds, of a live node with an owner's label (each node looked at once). */
    private static boolean ownerProperty(TransactionData data, PropertyEntry<Node> entry, Set<Node> checked) {
        Node node = entry.entity();
        return OWNER_PROPERTIES.contains(entry.key()) && !data.isDeleted(node) && checked.add(node) && owner(node);
    }

    private static boolean owner(Node node) {
        for (Label label : node.getLabels()) {
            if (OWNER_LABELS.contains(label.name())) {
                return true;
            }
        }
        return false;
    }

    private static boolean ownership(RelationshipType type) {
        return OWNER_RELATIONSHIPS.contains(type.name());
    }
}
