package io.meshcatalog.graph.lineage;

import java.util.ArrayList;
import java.util.List;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * The check no other catalog makes: personal data leaving the mesh without a grant for what it is used for.
 * {@code governance-flows.cypher} finds the flows (bounded walk, bounded answer) as the viewer may see them; here
 * their paths are masked where they pass through what the viewer may not see.
 */
final class GovernanceCheck {

    /** At most this many flows in one answer. */
    static final int MAX_FINDINGS = 1_000;

    private final Driver driver;
    private final CypherLog cypher;

    GovernanceCheck(Driver driver, CypherLog cypher) {
        this.driver = driver;
        this.cypher = cypher;
    }

    GovernanceReport findings(ViewerParameters viewer) {
        List<Record> rows = cypher.read(driver, "governance-flows", viewer.with("limit", MAX_FINDINGS + 1))
                .records();
        List<Record> kept = rows.subList(0, Math.min(rows.size(), MAX_FINDINGS));
        List<List<NodeKey>> paths = kept.stream().map(GovernanceCheck::path).toList();
        HiddenNodes hidden = HiddenNodes.among(
                driver, cypher, viewer, paths.stream().flatMap(List::stream).toList());
        List<GovernanceFinding> findings = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            Record row = kept.get(i);
            String consumerTeam = row.get("consumerTeam").asString();
            String productTeam = row.get("productTeam").asString("");
            Value grant = row.get("grant");
            findings.add(new GovernanceFinding(
                    row.get("consumer").asString(),
                    row.get("consumerName").asString(),
                    row.get("destination").asString(),
                    row.get("purpose").isNull() ? null : row.get("purpose").asString(),
                    consumerTeam,
                    row.get("field").asString(),
                    row.get("product").asString(),
                    productTeam,
                    hidden.mask(paths.get(i)),
                    !grant.isNull(),
                    grant.isNull() ? null : grant.asString(),
                    teams(consumerTeam, productTeam)));
        }
        return new GovernanceReport(findings, rows.size() > MAX_FINDINGS);
    }

    /** The flow's path: the fields from the PII field on, the dataset the consumer reads, the consumer. */
    private static List<NodeKey> path(Record row) {
        List<NodeKey> path = new ArrayList<>();
        row.get("fields").asList(Value::asString).forEach(id -> path.add(new NodeKey(NodeKind.FIELD, id)));
        path.add(new NodeKey(NodeKind.DATASET, row.get("dataset").asString()));
        path.add(new NodeKey(NodeKind.CONSUMER, row.get("consumer").asString()));
        return path;
    }

    private static List<String> teams(String consumerTeam, String productTeam) {
        List<String> teams = new ArrayList<>();
        if (!consumerTeam.isEmpty()) {
            teams.add(consumerTeam);
        }
        if (!productTeam.isEmpty() && !productTeam.equals(consumerTeam)) {
            teams.add(productTeam);
        }
        return teams;
    }
}
