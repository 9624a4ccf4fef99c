package io.meshcatalog.graph.procedures;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.kernel.extension.ExtensionFactory;
import org.neo4j.kernel.extension.ExtensionType;
import org.neo4j.kernel.extension.context.ExtensionContext;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.kernel.lifecycle.Lifecycle;
import org.neo4j.kernel.lifecycle.LifecycleAdapter;
import org.neo4j.logging.internal.LogService;

/**
 * Gives each database of a standalone Neo4j (the embedded one, or a server with the plugin jar) an {@link OwnerCache}
 * and the listener that keeps it true. Neo4j finds it as it finds extensions, as a service of the jar. A database of a
 * cluster gets none: its secondaries apply transactions that no listener of theirs sees. {@code
 * -Dmeshcatalog.owner-cache=false} turns it off; walks then read every owner from the store.
 */
public final class OwnerCacheExtension extends ExtensionFactory<OwnerCacheExtension.Dependencies> {

    /** The JVM system property that turns the cache off ({@code false}). */
    public static final String SWITCH = "meshcatalog.owner-cache";

    /** What Neo4j hands the extension. */
    public interface Dependencies {
        GraphDatabaseAPI graphDatabaseAPI();

        DatabaseManagementService databaseManagementService();

        LogService log();
    }

    public OwnerCacheExtension() {
        super(ExtensionType.DATABASE, "meshcatalog-owner-cache");
    }

    @Override
    public Lifecycle newInstance(ExtensionContext context, Dependencies dependencies) {
        GraphDatabaseAPI database = dependencies.graphDatabaseAPI();
        String name = database.databaseName();
        return new LifecycleAdapter() {
            private OwnerCache cache;
            private OwnerCacheListener listener;

            @Override
            public void start() {
                if (!StandaloneDatabase.keeps(
                        database, SWITCH, dependencies.log().getUserLog(OwnerCacheExtension.class), "owner cache")) {
                    return;
                }
                cache = OwnerCache.track(database.databaseId());
                listener = new OwnerCacheListener(cache);
                dependencies.databaseManagementService().registerTransactionEventListener(name, listener);
            }

            @Override
            public void stop() {
                if (cache != null) {
                    dependencies.databaseManagementService().unregisterTransactionEventListener(name, listener);
                    OwnerCache.forget(database.databaseId(), cache);
                    cache = null;
                }
            }
        };
    }
}
