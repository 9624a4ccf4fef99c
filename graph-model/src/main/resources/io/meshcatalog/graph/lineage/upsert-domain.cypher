// A domain, owned by its team (upserted just before), with the descriptor it was read from when one is given
// ($descriptorYaml null keeps the one stored), so the catalog can rebuild its vocabulary after a restart.
MERGE (d:Domain {id: $domain.id})
SET d.name = $domain.name, d.description = $domain.description,
    d.supportChannels = $domain.supportChannels, d.supportUrls = $domain.supportUrls,
    d.descriptorYaml = coalesce($descriptorYaml, d.descriptorYaml)
WITH d
OPTIONAL MATCH (d)-[old:OWNED_BY]->(:Team)
DELETE old
WITH DISTINCT d
MATCH (t:Team {name: $domain.team})
MERGE (d)-[:OWNED_BY]->(t)
