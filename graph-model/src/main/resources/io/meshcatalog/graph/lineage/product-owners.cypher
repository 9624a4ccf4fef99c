// The effective owner of each product: its own team, or its domain's team when it names none.
UNWIND $productIds AS productId
MATCH (p:DataProduct {id: productId})
OPTIONAL MATCH (p)-[:OWNED_BY]->(own:Team)
OPTIONAL MATCH (p)-[:IN_DOMAIN]->(:Domain)-[:OWNED_BY]->(domainTeam:Team)
WITH p, coalesce(own, domainTeam) AS t, own IS NULL AS inherited
WHERE t IS NOT NULL
OPTIONAL MATCH (t)-[m:HAS_MEMBER]->(person:Person)
WITH p, t, inherited, m, person ORDER BY person.username
RETURN p.id AS owned, p.domain AS domain, t.name AS team, coalesce(t.description, '') AS description, inherited,
       [x IN collect({username: person.username, name: person.name, role: m.role}) WHERE x.username IS NOT NULL]
         AS members
