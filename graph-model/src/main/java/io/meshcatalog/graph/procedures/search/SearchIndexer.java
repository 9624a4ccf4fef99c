package io.meshcatalog.graph.procedures.search;

import static io.meshcatalog.graph.procedures.search.SearchDocuments.CONSUMER;
import static io.meshcatalog.graph.procedures.search.SearchDocuments.DATASET;
import static io.meshcatalog.graph.procedures.search.SearchDocuments.FEEDS;
import static io.meshcatalog.graph.procedures.search.SearchDocuments.FIELD;
import static io.meshcatalog.graph.procedures.search.SearchDocuments.HAS_FIELD;
import static io.meshcatalog.graph.procedures.search.SearchDocuments.IN_DOMAIN;
import static io.meshcatalog.graph.procedures.search.SearchDocuments.OWNED_BY;
import static io.meshcatalog.graph.procedures.search.SearchDocuments.PRODUCED;
import static io.meshcatalog.graph.procedures.search.SearchDocuments.PRODUCES;
import static io.meshcatalog.graph.procedures.search.SearchDocuments.PRODUCT;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.NotFoundException;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;

/**
 * Keeps one database's {@link SearchIndex} true, on a thread of its own: first it reads every catalog node, then, for
 * each committed transaction in the order they were told ({@link #committed}), it reads again the nodes that changed
 * and the documents that read them: a product's datasets, their fields and the consumers they feed; the products a
 * team owns, itself or through a domain; the product that publishes a dataset. A search waits ({@link #await}) until
 * every transaction committed before it began is in the index, so it finds what its caller just wrote.
 *
 * <p>What a transaction changed is made visible to searches by the first search that needs it, not after each
 * transaction: a searcher is opened over a flush of what was put since, so opening one per transaction, under a stream of
 * OpenLineage events, wrote one tiny segment each and kept Lucene merging them, on the cores the writes needed.
 */
final class SearchIndexer implements AutoCloseable {

    enum State {
        BUILDING,
        READY,
        FAILED,
        STOPPED
    }

    private final GraphDatabaseService database;
    private final Consumer<String> log;
    private final SearchIndex index;
    private final LinkedBlockingQueue<Told> queue = new LinkedBlockingQueue<>();
    private final Object progress = new Object();
    /** Held while a searcher is opened, and while the index is taken out of service to be built again. */
    private final Object refreshing = new Object();

    private final Thread thread;
    private long told;
    private volatile long indexed;
    /** Every transaction up to this one is visible to searches. */
    private volatile long visible;
    /** A search failed to open a searcher and the thread was told; set under {@code refreshing}, cleared by a rebuild. */
    private volatile boolean rebuildAsked;

    private volatile State state = State.BUILDING;
    private volatile @Nullable String failure;

    private record Told(long sequence, SearchChanges changes) {}

    /** Tells the thread to stop (it is never interrupted: it may be reading the store). */
    private static final Told STOP = new Told(-1, new SearchChanges(Set.of(), Set.of()));

    /** Tells the thread a search could not open a new searcher: the index is built again. */
    private static final Told REFRESH_FAILED = new Told(-2, new SearchChanges(Set.of(), Set.of()));

    /** Failures in a row after which the index gives up. */
    static final int ATTEMPTS = 3;

    SearchIndexer(GraphDatabaseService database, String name, Consumer<String> log) {
        this(database, name, log, new SearchIndex());
    }

    /** An indexer keeping {@code index}, which tests make fail. */
    SearchIndexer(GraphDatabaseService database, String name, Consumer<String> log, SearchIndex index) {
        this.database = database;
        this.log = log;
        this.index = index;
        this.thread = new Thread(this::run, "meshcatalog-search-index-" + name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    SearchIndex index() {
        return index;
    }

    State state() {
        return state;
    }

    /** The sequence number of the last transaction told. */
    long told() {
        synchronized (queue) {
            return told;
        }
    }

    /**
     * Counts a committed transaction and queues its changes (in the order of the count); a failed or stopped index
     * takes in nothing more.
     */
    void committed(SearchChanges changes) {
        synchronized (queue) {
            told++;
            if (state == State.BUILDING || state == State.READY) {
                queue.add(new Told(told, changes));
            }
        }
    }

    /**
     * Whether the index is ready and searches see every transaction up to {@code sequence}, waiting up to {@code timeout}
     * for it to take them in, then opening a new searcher if the current one does not see them all (the searches
     * waiting for the same one share it); an index being built, or one whose new searcher could not be opened, answers
     * that it is not, and the caller searches the full-text index. A searcher may also show part of a transaction
     * after {@code sequence} (its documents are put one by one), each document as the graph held it once committed.
     */
    boolean await(long sequence, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (state == State.READY && indexed < sequence) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progress.wait(Math.max(1, left / 1_000_000));
            }
        }
        return state == State.READY && indexed >= sequence && visibleUpTo(sequence);
    }

    private boolean visibleUpTo(long sequence) {
        if (visible >= sequence) {
            return true;
        }
        synchronized (refreshing) {
            if (state != State.READY) {
                return false;
            }
            if (visible < sequence) {
                long applied = indexed;
                try {
                    index.refresh();
                } catch (java.io.IOException | RuntimeException e) {
                    if (!rebuildAsked) {
                        // told once: every search failing until the rebuild is one failure, not one each
                        rebuildAsked = true;
                        log.accept("search index: a new searcher could not be opened (" + e + "); building it again");
                        queue.add(REFRESH_FAILED);
                    }
                    return false;
                }
                visible = applied;
            }
            return true;
        }
    }

    String describe() {
        return switch (state) {
            case READY -> "ready: " + index.size() + " documents, " + indexed + " transactions applied";
            case BUILDING -> "building";
            case FAILED -> "failed: " + failure;
            case STOPPED -> "stopped";
        };
    }

    /**
     * Builds the index, then takes in what each transaction changed. A failure (a transaction timed out, a value it
     * cannot read) has it built again from the graph, searches going to the full-text index meanwhile; after {@link
     * #ATTEMPTS} failures in a row, or an error of the JVM, it stays failed and takes in nothing more.
     */
    private void run() {
        int failures = 0;
        try {
            while (!database.isAvailable(Duration.ofSeconds(1).toMillis())) {
                if (state == State.STOPPED) {
                    return;
                }
            }
            while (state != State.STOPPED) {
                try {
                    long began = System.nanoTime();
                    // every transaction told so far has committed, so the graph read next holds it (a failed batch too)
                    long upTo = told();
                    changed(State.BUILDING, indexed);
                    rebuild();
                    visible = upTo;
                    rebuildAsked = false;
                    log.accept("search index built: " + index.size() + " documents in "
                            + Duration.ofNanos(System.nanoTime() - began).toMillis() + " ms");
                    changed(State.READY, upTo);
                    while (state == State.READY) {
                        List<Told> batch = new ArrayList<>();
                        batch.add(queue.take());
                        queue.drainTo(batch);
                        batch.remove(STOP);
                        boolean refreshFailed = batch.remove(REFRESH_FAILED);
                        if (!batch.isEmpty()) {
                            apply(batch);
                        }
                        if (refreshFailed) {
                            throw new java.io.IOException("a search could not open a new searcher over the index");
                        }
                        failures = 0;
                    }
                } catch (RuntimeException | java.io.IOException e) {
                    if (state == State.STOPPED) {
                        return;
                    }
                    if (++failures >= ATTEMPTS) {
                        throw e;
                    }
                    log.accept("search index failed (" + e + "); building it again from the graph");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            if (state != State.STOPPED) {
                failure = e.toString();
                log.accept("search index failed, searches go to the full-text index: " + e);
                changed(State.FAILED, indexed);
                queue.clear();
            }
        }
    }

    /**
     * Moves to {@code next}, every transaction up to {@code sequence} applied. Leaving READY waits for a searcher being
     * opened, so none is opened over an index being built again; staying READY does not wait for one.
     */
    private void changed(State next, long sequence) {
        if (next == State.READY) {
            update(next, sequence);
        } else {
            synchronized (refreshing) {
                update(next, sequence);
            }
        }
    }

    private void update(State next, long sequence) {
        synchronized (progress) {
            if (state != State.STOPPED) {
                state = next;
            }
            indexed = Math.max(indexed, sequence);
            progress.notifyAll();
        }
    }

    private void rebuild() throws java.io.IOException {
        index.clear();
        for (Label label : SearchDocuments.CATALOG) {
            try (Transaction tx = database.beginTx();
                    ResourceIterator<Node> nodes = tx.findNodes(label)) {
                while (nodes.hasNext() && state != State.STOPPED) {
                    put(nodes.next());
                }
            }
        }
        index.refresh();
    }

    private void apply(List<Told> batch) throws java.io.IOException {
        Set<Long> seeds = new HashSet<>();
        for (Told one : batch) {
            for (long node : one.changes().deleted()) {
                index.remove(node);
            }
            seeds.addAll(one.changes().seeds());
        }
        try (Transaction tx = database.beginTx()) {
            Set<Long> affected = new HashSet<>();
            for (long seed : seeds) {
                Node node = node(tx, seed);
                try {
                    if (node != null) {
                        dependants(node, affected);
                    }
                } catch (NotFoundException deletedMeanwhile) {
                    node = null; // its deletion is queued behind this read
                }
                if (node == null) {
                    index.remove(seed);
                }
            }
            for (long id : affected) {
                Node node = node(tx, id);
                if (node == null) {
                    index.remove(id);
                } else {
                    put(node);
                }
            }
        }
        changed(State.READY, batch.get(batch.size() - 1).sequence());
    }

    @SuppressWarnings("removal")
    private static @Nullable Node node(Transaction tx, long id) {
        try {
            return tx.getNodeById(id);
        } catch (NotFoundException e) {
            return null;
        }
    }

    @SuppressWarnings("removal")
    private void put(Node node) throws java.io.IOException {
        SearchDocument document;
        try {
            document = SearchDocuments.read(node);
        } catch (NotFoundException deletedMeanwhile) {
            document = null; // its deletion is queued behind this read
        }
        if (document == null) {
            index.remove(node.getId());
        } else {
            index.put(document);
        }
    }

    /** The node and every node whose document reads it, whatever its labels are now. */
    @SuppressWarnings("removal")
    private static void dependants(Node node, Set<Long> into) {
        for (Node owned : SearchDocuments.others(node, Direction.INCOMING, PRODUCT, OWNED_BY, IN_DOMAIN)) {
            product(owned, into);
        }
        for (Node domain : SearchDocuments.others(node, Direction.INCOMING, SearchDocuments.DOMAIN, OWNED_BY)) {
            for (Node product : SearchDocuments.others(domain, Direction.INCOMING, PRODUCT, IN_DOMAIN)) {
                product(product, into);
            }
        }
        for (Node product : SearchDocuments.others(node, Direction.INCOMING, PRODUCT, PRODUCES)) {
            into.add(product.getId());
        }
        // the node itself, with what hangs off it as off a product and as off a dataset
        product(node, into);
        dataset(node, into);
    }

    @SuppressWarnings("removal")
    private static void product(Node product, Set<Long> into) {
        into.add(product.getId());
        for (Node dataset : SearchDocuments.others(product, Direction.OUTGOING, DATASET, PRODUCES, PRODUCED)) {
            dataset(dataset, into);
        }
    }

    /**
     * A dataset's own, its fields', the fed consumers' and the fed datasets' that no product publishes (whose product is
     * the feeding dataset's: hit-product.cypher) documents.
     */
    @SuppressWarnings("removal")
    private static void dataset(Node dataset, Set<Long> into) {
        into.add(dataset.getId());
        for (Node field : SearchDocuments.others(dataset, Direction.OUTGOING, FIELD, HAS_FIELD)) {
            into.add(field.getId());
        }
        for (Node consumer : SearchDocuments.others(dataset, Direction.OUTGOING, CONSUMER, FEEDS)) {
            into.add(consumer.getId());
        }
        for (Node fed : SearchDocuments.others(dataset, Direction.OUTGOING, DATASET, FEEDS)) {
            if (SearchDocuments.unpublished(fed)) {
                into.add(fed.getId());
            }
        }
    }

    @Override
    public void close() throws java.io.IOException {
        changed(State.STOPPED, indexed);
        queue.add(STOP);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        index.close();
    }
}
