// Products in their domain, owned by a team of their own when they name one; name, purpose, tags and
// keywords as the store writes them, so that full-text search finds them.
UNWIND $rows AS row
MATCH (d:Domain {id: row.domain})
CREATE (p:DataProduct {id: row.id, name: row.name, purpose: row.purpose, usage: '', limitations: '',
                       tags: row.tags, keywords: row.keywords, classifications: [], version: '1.0.0',
                       domain: row.domain, status: 'ACTIVE', placeholder: false})
CREATE (p)-[:IN_DOMAIN]->(d)
WITH p, row
WHERE row.team IS NOT NULL
MATCH (t:Team {name: row.team})
CREATE (p)-[:OWNED_BY]->(t)
