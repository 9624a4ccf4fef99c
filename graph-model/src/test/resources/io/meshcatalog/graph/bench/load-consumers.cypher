// Consumers, each owned by a team.
UNWIND $rows AS row
MATCH (t:Team {name: row.team})
CREATE (c:Consumer {id: row.id, name: row.id, kind: 'DASHBOARD', external: false})-[:OWNED_BY]->(t)
