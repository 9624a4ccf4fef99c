package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.procedures.LineageProcedures;
import io.meshcatalog.graph.procedures.search.SearchProcedures;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the store walks lineage and searches with Mesh Catalog's own procedures ({@link LineageProcedures} and
 * {@link SearchProcedures}: the embedded Neo4j has them, a server has them with the plugin jar) or in plain Cypher
 * (any server): walks level by level, searches over Neo4j's full-text index. Asked of the server once.
 */
final class ServerProcedures {

    private static final Logger log = LoggerFactory.getLogger(ServerProcedures.class);
    private static final List<String> NAMES = List.of(LineageProcedures.WALK, SearchProcedures.SEARCH);

    private final Driver driver;
    private final LineageStore.Procedures wanted;
    private volatile Set<String> present;

    ServerProcedures(Driver driver, LineageStore.Procedures wanted) {
        this.driver = driver;
        this.wanted = wanted;
    }

    /** Whether walks run inside Neo4j. */
    boolean available() {
        return present().contains(LineageProcedures.WALK);
    }

    /** Whether searches may ask the database's search index. */
    boolean search() {
        return present().contains(SearchProcedures.SEARCH);
    }

    String describe() {
        return describe(present());
    }

    private Set<String> present() {
        Set<String> known = present;
        if (known == null) {
            known = wanted == LineageStore.Procedures.USE_WHEN_PRESENT ? ask() : Set.of();
            present = known;
            log.info("Lineage walks {}", describe(known));
        }
        return known;
    }

    private static String describe(Set<String> procedures) {
        String walks = procedures.contains(LineageProcedures.WALK)
                ? "run inside Neo4j (procedure " + LineageProcedures.WALK + ")"
                : "run in Cypher, one round trip per level";
        return walks + "; searches "
                + (procedures.contains(SearchProcedures.SEARCH)
                        ? "ask the search index inside Neo4j (procedure " + SearchProcedures.SEARCH
                                + ") when it is ready"
                        : "ask Neo4j's full-text index");
    }

    private Set<String> ask() {
        return new HashSet<>(driver
                .executableQuery("SHOW PROCEDURES YIELD name WHERE name IN $names RETURN name")
                .withParameters(Map.of("names", NAMES))
                .execute()
                .records()
                .stream()
                .map(row -> row.get("name").asString())
                .toList());
    }
}
