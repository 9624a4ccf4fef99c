// Products in their domain, owned by a team of their own when they name one.
UNWIND $rows AS row
MATCH (d:Domain {id: row.domain})
CREATE (p:DataProduct {id: row.id, name: row.id, domain: row.domain, status: 'ACTIVE', placeholder: false})
CREATE (p)-[:IN_DOMAIN]->(d)
WITH p, row
WHERE row.team IS NOT NULL
MATCH (t:Team {name: row.team})
CREATE (p)-[:OWNED_BY]->(t)
