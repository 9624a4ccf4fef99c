// Domains, each owned by its team.
UNWIND $rows AS row
MATCH (t:Team {name: row.team})
CREATE (d:Domain {id: row.id, name: row.id, description: ''})-[:OWNED_BY]->(t)
