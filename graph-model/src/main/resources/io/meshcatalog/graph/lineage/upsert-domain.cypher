// A domain, owned by its team (upserted just before).
MERGE (d:Domain {id: $domain.id})
SET d.name = $domain.name, d.description = $domain.description,
    d.supportChannels = $domain.supportChannels, d.supportUrls = $domain.supportUrls
WITH d
OPTIONAL MATCH (d)-[old:OWNED_BY]->(:Team)
DELETE old
WITH DISTINCT d
MATCH (t:Team {name: $domain.team})
MERGE (d)-[:OWNED_BY]->(t)
