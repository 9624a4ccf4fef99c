package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.embedded.Neo4jIntegrationTest;
import io.meshcatalog.graph.procedures.LineageProcedures;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * The walk inside Neo4j keeps the owners of the products it touches between walks: after every kind of change that
 * alters an owner, the next walk answers what the plain-Cypher walk, which keeps nothing, answers; a lineage write
 * keeps what was kept. On the Neo4j of the suite (the plugin jar's procedures and cache by default, the embedded
 * Neo4j's with {@code -Dit.neo4j=embedded}).
 */
@Neo4jIntegrationTest
class OwnerCacheIT extends ServerProceduresContract {

    private static final Pattern GENERATION = Pattern.compile("on: generation (\\d+), (\\d+) products");

    OwnerCacheIT(Driver driver) {
        super(driver);
    }

    @Test
    void everyChangeToAnOwnerIsInTheNextWalk() {
        List<String> changes = List.of(
                // a member renamed, given another role, joining, leaving
                "MATCH (p:Person {username: 'lee'}) SET p.name = 'Lee Renamed'",
                "MATCH (:Team {name: 'left-team'})-[m:HAS_MEMBER]->(:Person {username: 'lee'}) SET m.role = 'steward'",
                "MATCH (t:Team {name: 'beta-team'}) CREATE (t)-[:HAS_MEMBER {role: 'engineer'}]->"
                        + "(:Person {username: 'bea', name: 'Bea'})",
                "MATCH (:Team {name: 'beta-team'})-[m:HAS_MEMBER]->(:Person {username: 'bob'}) DELETE m",
                // a team described, its description removed, a team renamed
                "MATCH (t:Team {name: 'gamma-team'}) SET t.description = 'on call'",
                "MATCH (t:Team {name: 'gamma-team'}) REMOVE t.description",
                "MATCH (t:Team {name: 'left-team'}) SET t.name = 'left-squad'",
                // a product's owner moving, a product gaining an owner of its own, a domain's team changing
                "MATCH (p:DataProduct)-[o:OWNED_BY]->(:Team {name: 'left-squad'}) DELETE o WITH p "
                        + "MATCH (t:Team {name: 'gamma-team'}) CREATE (p)-[:OWNED_BY]->(t)",
                "MATCH (p:DataProduct) WHERE p.domain = 'alpha' AND NOT (p)-[:OWNED_BY]->() "
                        + "WITH p ORDER BY p.id LIMIT 1 MATCH (t:Team {name: 'gamma-team'}) CREATE (p)-[:OWNED_BY]->(t)",
                "MATCH (d:Domain)-[o:OWNED_BY]->(:Team {name: 'alpha-team'}) DELETE o WITH d "
                        + "MATCH (t:Team {name: 'beta-team'}) CREATE (d)-[:OWNED_BY]->(t)",
                // a product moving to another domain, a consumer to another team
                "MATCH (p:DataProduct)-[i:IN_DOMAIN]->() WHERE p.domain = 'alpha' AND NOT (p)-[:OWNED_BY]->() "
                        + "WITH p, i ORDER BY p.id LIMIT 1 DELETE i WITH p "
                        + "MATCH (d:Domain)-[:OWNED_BY]->(:Team {name: 'gamma-team'}) CREATE (p)-[:IN_DOMAIN]->(d)",
                "MATCH (c:Consumer)-[o:OWNED_BY]->(:Team {name: 'ops-team'}) DELETE o WITH c "
                        + "MATCH (t:Team {name: 'growth-team'}) CREATE (c)-[:OWNED_BY]->(t)",
                // an ownership that leads to something that is not a team; a team losing its label, then regaining it
                "MATCH (p:DataProduct) WHERE p.domain = 'gamma' WITH p ORDER BY p.id LIMIT 1 "
                        + "CREATE (p)-[:OWNED_BY]->(:Robot {name: 'r2'})",
                "MATCH (t:Team {name: 'beta-team'}) REMOVE t:Team",
                "MATCH (t {name: 'beta-team'}) SET t:Team",
                // a product renamed; a person, a team and a product deleted
                "MATCH (p:DataProduct) WHERE p.domain = 'gamma' SET p.name = p.name + ' (renamed)'",
                "MATCH (p:Person {username: 'gus'}) DETACH DELETE p",
                "MATCH (t:Team {name: 'growth-team'}) DETACH DELETE t",
                "MATCH (p:DataProduct) WHERE p.domain = 'beta' WITH p ORDER BY p.id LIMIT 1 DETACH DELETE p");
        assertThat(state()[1]).as("products kept before the first walk").isZero();
        bothWaysAgree(roots(), "before any change");
        for (String change : changes) {
            assertThat(driver.executableQuery(change)
                            .execute()
                            .summary()
                            .counters()
                            .containsUpdates())
                    .as("%s changes the graph", change)
                    .isTrue();
            assertThat(state()[1]).as("products kept after %s", change).isZero();
            bothWaysAgree(roots(), "after " + change);
        }
    }

    @Test
    void lineageWritesKeepTheOwnersAndOwnershipChangesDropThem() {
        List<NodeRef> roots = roots();
        bothWaysAgree(roots, "filling the cache");
        long[] filled = state();
        assertThat(filled[1]).as("products kept after walking every root").isPositive();

        driver.executableQuery("MATCH (d:Dataset) SET d.latestState = 'COMPLETE', d.description = 'read nightly'")
                .execute();
        driver.executableQuery("MATCH (a:Dataset {id: 'alpha.source'}), (b:Dataset {id: 'alpha.hub'}) "
                        + "MERGE (a)-[:FEEDS {job: 'owner-cache-it'}]->(b)")
                .execute();
        assertThat(state()).as("after lineage writes").containsExactly(filled);

        driver.executableQuery("MATCH (t:Team {name: 'beta-team'}) SET t.description = 'changed'")
                .execute();
        long[] after = state();
        assertThat(after[0]).as("generation after a team changed").isGreaterThan(filled[0]);
        assertThat(after[1]).as("products kept after a team changed").isZero();
        bothWaysAgree(roots, "after the team changed");
    }

    /** Impact names each reached product and the teams to tell with their members: what owners change. */
    private void bothWaysAgree(List<NodeRef> roots, String when) {
        for (NodeRef root : roots) {
            assertThat(inside.impact(Viewer.EVERYTHING, root, null))
                    .as("impact of %s %s", root, when)
                    .isEqualTo(cypher.impact(Viewer.EVERYTHING, root, null));
        }
    }

    /** The cache's generation and how many products it holds. */
    private long[] state() {
        String state = driver.executableQuery("CALL " + LineageProcedures.OWNER_CACHE + "() YIELD state RETURN state")
                .execute()
                .records()
                .get(0)
                .get("state")
                .asString();
        Matcher matcher = GENERATION.matcher(state);
        assertThat(matcher.matches()).as("the owner cache's state: %s", state).isTrue();
        return new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))};
    }
}
