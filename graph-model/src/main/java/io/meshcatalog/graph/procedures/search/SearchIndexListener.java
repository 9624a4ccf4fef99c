package io.meshcatalog.graph.procedures.search;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListener;

/**
 * Tells the {@link SearchIndexer} what each committed transaction changed. The changes are read before the commit,
 * while the changed nodes can still be read, and told after it, before the commit returns to its caller.
 */
final class SearchIndexListener implements TransactionEventListener<SearchChanges> {

    private final SearchIndexer indexer;

    SearchIndexListener(SearchIndexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public SearchChanges beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService database) {
        SearchChanges changes = SearchChanges.of(data);
        return changes.isEmpty() ? null : changes;
    }

    @Override
    public void afterCommit(TransactionData data, SearchChanges changes, GraphDatabaseService database) {
        if (changes != null) {
            indexer.committed(changes);
        }
    }

    @Override
    public void afterRollback(TransactionData data, SearchChanges changes, GraphDatabaseService database) {
        // nothing was written
    }
}
