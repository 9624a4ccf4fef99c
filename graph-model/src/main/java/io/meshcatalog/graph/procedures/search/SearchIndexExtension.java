package io.meshcatalog.graph.procedures.search;

import io.meshcatalog.graph.procedures.StandaloneDatabase;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.kernel.database.NamedDatabaseId;
import org.neo4j.kernel.extension.ExtensionFactory;
import org.neo4j.kernel.extension.ExtensionType;
import org.neo4j.kernel.extension.context.ExtensionContext;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.kernel.lifecycle.Lifecycle;
import org.neo4j.kernel.lifecycle.LifecycleAdapter;
import org.neo4j.logging.internal.LogService;

/**
 * Gives each database of a standalone Neo4j (the embedded one, or a server with the plugin jar) a search index, built
 * in memory when the database starts and kept true by a transaction listener. A database of a cluster gets none (its
 * secondaries apply transactions that no listener of theirs sees): its searches go to the full-text index. {@code
 * -Dmeshcatalog.search-index=false} turns it off.
 */
public final class SearchIndexExtension extends ExtensionFactory<SearchIndexExtension.Dependencies> {

    /** The JVM system property that turns the index off ({@code false}). */
    public static final String SWITCH = "meshcatalog.search-index";

    private static final Map<NamedDatabaseId, SearchIndexer> BY_DATABASE = new ConcurrentHashMap<>();

    /** What Neo4j hands the extension. */
    public interface Dependencies {
        GraphDatabaseAPI graphDatabaseAPI();

        DatabaseManagementService databaseManagementService();

        LogService log();
    }

    public SearchIndexExtension() {
        super(ExtensionType.DATABASE, "meshcatalog-search-index");
    }

    /** The database's indexer, or null when it has none. */
    static @Nullable SearchIndexer of(NamedDatabaseId database) {
        return BY_DATABASE.get(database);
    }

    @Override
    public Lifecycle newInstance(ExtensionContext context, Dependencies dependencies) {
        GraphDatabaseAPI database = dependencies.graphDatabaseAPI();
        String name = database.databaseName();
        var log = dependencies.log().getUserLog(SearchIndexExtension.class);
        return new LifecycleAdapter() {
            private SearchIndexer indexer;
            private SearchIndexListener listener;

            @Override
            public void start() {
                if (!StandaloneDatabase.keeps(database, SWITCH, log, "search index")) {
                    return;
                }
                indexer = new SearchIndexer(database, name, message -> log.info("%s: %s", name, message));
                listener = new SearchIndexListener(indexer);
                dependencies.databaseManagementService().registerTransactionEventListener(name, listener);
                BY_DATABASE.put(database.databaseId(), indexer);
                indexer.start();
            }

            @Override
            public void stop() throws IOException {
                if (indexer != null) {
                    dependencies.databaseManagementService().unregisterTransactionEventListener(name, listener);
                    BY_DATABASE.remove(database.databaseId(), indexer);
                    indexer.close();
                    indexer = null;
                }
            }
        };
    }
}
