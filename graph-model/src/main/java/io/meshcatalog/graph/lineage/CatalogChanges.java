package io.meshcatalog.graph.lineage;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;

/**
 * The graph's change counts, one per {@link Scope} of what gateways keep in memory: each write that changes a scope
 * counts it in its own transaction, so a gateway that reads a count different from the one it last loaded at reloads
 * that scope, whichever gateway on the graph made the change.
 */
public final class CatalogChanges {

    /** What a change is to. */
    public enum Scope {
        /** The domains' stored descriptors and the retired products' last snapshots: the catalog's vocabulary. */
        VOCABULARY,
        /** Access granted or revoked: the grants each caller holds. */
        GRANTS
    }

    private final Driver driver;
    private final CypherLog cypher = new CypherLog();

    public CatalogChanges(Driver driver) {
        this.driver = driver;
    }

    /** Counts a change to {@code scope} in {@code tx}, the transaction that makes it. */
    static void changed(CypherLog cypher, TransactionContext tx, Scope scope, OffsetDateTime at) {
        cypher.run(tx, "catalog-changed", Map.of("scope", scope.name(), "at", at));
    }

    /** Each scope's count; a scope never changed is absent. */
    public Map<Scope, Long> counts() {
        Map<Scope, Long> counts = new TreeMap<>();
        cypher.read(driver, "catalog-changes", Map.of()).records().forEach(row -> {
            for (Scope scope : Scope.values()) {
                if (scope.name().equals(row.get("scope").asString())) {
                    counts.put(scope, row.get("count").asLong());
                }
            }
        });
        return counts;
    }
}
