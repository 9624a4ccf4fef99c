package io.meshcatalog.graph.procedures;

import org.neo4j.dbms.systemgraph.TopologyGraphDbmsModel.HostedOnMode;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.InternalLog;

/**
 * Where Mesh Catalog keeps something in memory beside a database, kept true by a transaction listener (the owner cache,
 * the search index): a standalone user database, never the system database nor a cluster's (whose secondaries apply
 * transactions no listener of theirs sees), and only while its JVM switch is not {@code false}.
 */
public final class StandaloneDatabase {

    private StandaloneDatabase() {}

    /** Whether {@code what} is kept for the database; a switch turned off is logged as such. */
    public static boolean keeps(GraphDatabaseAPI database, String switchProperty, InternalLog log, String what) {
        String name = database.databaseName();
        if (name.equals("system") || database.mode() != HostedOnMode.SINGLE) {
            return false;
        }
        if (!Boolean.parseBoolean(System.getProperty(switchProperty, "true"))) {
            log.info("Mesh Catalog's %s of %s is off (-D%s=false)", what, name, switchProperty);
            return false;
        }
        return true;
    }
}
