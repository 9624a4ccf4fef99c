package io.meshcatalog.graph.lineage;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * Sessions whose transactions share the driver's bookmarks with its reads ({@link Driver#executableQuery}, which
 * {@link CypherLog#read} routes to readers): on a Neo4j cluster, a read sent to a secondary after a write of this
 * process waits until that secondary has the write, so what this gateway wrote it reads back. On a single server the
 * bookmarks are already met, and cost nothing.
 */
final class CausalSessions {

    private CausalSessions() {}

    static Session open(Driver driver) {
        return driver.session(SessionConfig.builder()
                .withBookmarkManager(driver.executableQueryBookmarkManager())
                .build());
    }
}
