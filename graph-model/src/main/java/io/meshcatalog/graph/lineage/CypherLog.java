package io.meshcatalog.graph.lineage;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.Driver;
import org.neo4j.driver.EagerResult;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Result;
import org.neo4j.driver.RoutingControl;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs named statements with bound parameters and logs each under its own category
 * ({@code io.meshcatalog.graph.cypher}), so the Cypher can be watched without the rest of the app.
 */
final class CypherLog {

    private static final Logger log = LoggerFactory.getLogger("io.meshcatalog.graph.cypher");

    Result run(TransactionContext tx, String name, Map<String, Object> parameters) {
        log.debug("{} {}", name, parameters.keySet());
        return tx.run(Cypher.named(name), parameters);
    }

    /**
     * A read outside any explicit transaction, routed to readers in a cluster; logged with its rows, its
     * time here and the server's own times, so that transfer can be told from work.
     */
    EagerResult read(Driver driver, String name, Map<String, Object> parameters) {
        long started = System.nanoTime();
        EagerResult result = driver.executableQuery(Cypher.named(name)).withParameters(parameters)
                .withConfig(QueryConfig.builder().withRouting(RoutingControl.READ).build()).execute();
        if (log.isDebugEnabled()) {
            log.debug("{} {}: {} rows in {} ms (the server's first row after {} ms, last after {} ms more)", name,
                    parameters.keySet(), result.records().size(), (System.nanoTime() - started) / 1_000_000,
                    result.summary().resultAvailableAfter(TimeUnit.MILLISECONDS),
                    result.summary().resultConsumedAfter(TimeUnit.MILLISECONDS));
        }
        return result;
    }
}
