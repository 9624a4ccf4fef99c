package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.procedures.LineageProcedures;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the store walks lineage with Mesh Catalog's own procedures ({@link LineageProcedures}: the
 * embedded Neo4j has them) or level by level in plain Cypher (any server). Asked of the server once.
 */
final class ServerProcedures {

    private static final Logger log = LoggerFactory.getLogger(ServerProcedures.class);
    private static final List<String> NAMES = List.of(LineageProcedures.WALK);

    private final Driver driver;
    private final LineageStore.Procedures wanted;
    private volatile Boolean available;

    ServerProcedures(Driver driver, LineageStore.Procedures wanted) {
        this.driver = driver;
        this.wanted = wanted;
    }

    boolean available() {
        Boolean known = available;
        if (known == null) {
            known = wanted == LineageStore.Procedures.USE_WHEN_PRESENT && present();
            available = known;
            log.info("Lineage walks {}", describe(known));
        }
        return known;
    }

    String describe() {
        return describe(available());
    }

    private static String describe(boolean procedures) {
        return procedures
                ? "run inside Neo4j (procedure " + String.join(", ", NAMES) + ")"
                : "run in Cypher, one round trip per level";
    }

    private boolean present() {
        long found = driver.executableQuery("SHOW PROCEDURES YIELD name WHERE name IN $names RETURN count(*) AS found")
                .withParameters(Map.of("names", NAMES))
                .execute()
                .records()
                .get(0)
                .get("found")
                .asLong();
        return found == NAMES.size();
    }
}
