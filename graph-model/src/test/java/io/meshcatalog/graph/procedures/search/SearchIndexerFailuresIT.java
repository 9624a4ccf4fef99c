package io.meshcatalog.graph.procedures.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * What the search index does when its own writes fail: a search that cannot open a new searcher goes to the full-text
 * index and has the index built again once, however many searches fail meanwhile; a batch of changes that cannot be
 * applied has it built again, with the change in it; failures in a row leave it failed, searches going to the
 * full-text index at once, and the graph's writes untouched. The index is made to fail by a {@link SearchIndex} whose
 * writes or searchers fail on demand, over a real embedded Neo4j whose commits tell the indexer as the extension's do.
 */
class SearchIndexerFailuresIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path home;

    private DatabaseManagementService service;
    private GraphDatabaseService database;
    private final FaultyIndex index = new FaultyIndex();
    private final List<String> said = new CopyOnWriteArrayList<>();
    private SearchIndexer indexer;
    private SearchIndexListener listener;

    /**
     * Its searchers cannot be opened on one thread; its next {@code failingPuts} documents cannot be put; while {@code
     * puts} is closed, a put waits for it (having said so on {@code putWaiting}).
     */
    static final class FaultyIndex extends SearchIndex {
        volatile @Nullable Thread refreshFailsOn;
        final AtomicInteger failingPuts = new AtomicInteger();
        volatile @Nullable CountDownLatch puts;
        final CountDownLatch putWaiting = new CountDownLatch(1);

        @Override
        void refresh() throws IOException {
            if (Thread.currentThread() == refreshFailsOn) {
                throw new IOException("injected: no new searcher");
            }
            super.refresh();
        }

        @Override
        void put(SearchDocument document) throws IOException {
            CountDownLatch closed = puts;
            if (closed != null) {
                putWaiting.countDown();
                try {
                    closed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failingPuts.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw new IOException("injected: the document cannot be put");
            }
            super.put(document);
        }
    }

    @BeforeEach
    void start() {
        service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 32L << 20)
                .build();
        database = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        indexer = new SearchIndexer(database, "faulty", said::add, index);
        listener = new SearchIndexListener(indexer);
        service.registerTransactionEventListener(GraphDatabaseSettings.DEFAULT_DATABASE_NAME, listener);
        indexer.start();
        product("p0", "Platypus counts");
        long first = indexer.told();
        waitUntil("the index is built, with the first product", () -> awaitQuietly(first));
    }

    @AfterEach
    void stop() throws IOException {
        service.unregisterTransactionEventListener(GraphDatabaseSettings.DEFAULT_DATABASE_NAME, listener);
        indexer.close();
        service.shutdown();
    }

    @Test
    void searchesThatCannotOpenASearcherFallBackAndTheIndexIsBuiltAgainOnce() throws Exception {
        product("p1", "Quokka sightings");
        long written = indexer.told();
        waitUntil("the change is applied", () -> indexer.describe().contains(written + " transactions applied"));
        // the indexer busy with the next change, so the failing searches all come before it hears of them
        CountDownLatch busy = new CountDownLatch(1);
        index.puts = busy;
        product("p2", "Wombat burrows");
        assertThat(index.putWaiting.await(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .isTrue();

        index.refreshFailsOn = Thread.currentThread();
        for (int i = 0; i < 3; i++) {
            assertThat(indexer.await(written, Duration.ofSeconds(2)))
                    .as("search %d", i)
                    .isFalse();
        }
        index.refreshFailsOn = null;
        index.puts = null;
        busy.countDown();

        long last = indexer.told();
        waitUntil("a search is answered by the index again", () -> awaitQuietly(last));
        assertThat(said)
                .filteredOn(line -> line.contains("a new searcher could not be opened"))
                .hasSize(1);
        assertThat(said)
                .filteredOn(line -> line.startsWith("search index built"))
                .hasSize(2);
        assertThat(indexer.state()).isEqualTo(SearchIndexer.State.READY);
        assertThat(found("quokka")).isEqualTo(1);
        assertThat(found("wombat")).isEqualTo(1);
    }

    @Test
    void aChangeThatCannotBeAppliedHasTheIndexBuiltAgainWithIt() throws Exception {
        index.failingPuts.set(1);
        product("p1", "Quokka sightings");
        long written = indexer.told();

        waitUntil("a search sees the change", () -> awaitQuietly(written));
        assertThat(said)
                .filteredOn(line -> line.startsWith("search index failed (java.io.IOException: injected"))
                .hasSize(1);
        assertThat(indexer.describe()).startsWith("ready: 2 documents");
        assertThat(found("quokka")).isEqualTo(1);
        assertThat(found("platypus")).isEqualTo(1);
    }

    @Test
    void failuresInARowLeaveItFailedAndSearchesGoToTheFullTextIndexAtOnce() throws Exception {
        index.failingPuts.set(Integer.MAX_VALUE);
        product("p1", "Quokka sightings");

        waitUntil("the index gives up", () -> indexer.state() == SearchIndexer.State.FAILED);
        assertThat(indexer.describe()).startsWith("failed: java.io.IOException: injected");
        assertThat(said)
                .filteredOn(line -> line.startsWith("search index failed ("))
                .hasSize(SearchIndexer.ATTEMPTS - 1);
        product("p2", "Wombat burrows");
        assertThat(indexer.await(indexer.told(), Duration.ZERO)).isFalse();
        // the graph keeps every write the index could not take in
        long products =
                database.executeTransactionally("MATCH (p:DataProduct) RETURN count(p) AS n", Map.of(), result ->
                        (Long) result.next().get("n"));
        assertThat(products).isEqualTo(3);
    }

    private void product(String id, String name) {
        database.executeTransactionally(
                "CREATE (:DataProduct {id: $id, name: $name, status: 'active'})", Map.of("id", id, "name", name));
    }

    /** How many documents a search of {@code text} matches. */
    private long found(String text) throws Exception {
        SearchRequest request = new SearchRequest(
                text, Set.copyOf(SearchIndex.KINDS), null, null, null, null, null, null, null, Instant.now(), 0, 10);
        return index.search(request, 0).total();
    }

    private boolean awaitQuietly(long sequence) {
        try {
            return indexer.await(sequence, Duration.ofMillis(100));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits (at most {@link #PATIENCE}, a bound for a stuck indexer, not a timing) until {@code done} holds. */
    private static void waitUntil(String what, Callable<Boolean> done) {
        await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(done);
    }
}
