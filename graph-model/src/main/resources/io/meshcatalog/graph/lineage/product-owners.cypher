// The effective owner of each product: its own team, or its domain's team when it names none.
// Grouped by team first, so that each team's members are read once however many products it owns.
UNWIND $productIds AS productId
MATCH (p:DataProduct {id: productId})
OPTIONAL MATCH (p)-[:OWNED_BY]->(own:Team)
OPTIONAL MATCH (p)-[:IN_DOMAIN]->(:Domain)-[:OWNED_BY]->(domainTeam:Team)
WITH coalesce(own, domainTeam) AS t, collect({owned: p.id, name: p.name, domain: p.domain, inherited: own IS NULL}) AS owned
WHERE t IS NOT NULL
CALL (t) {
  OPTIONAL MATCH (t)-[m:HAS_MEMBER]->(person:Person)
  WITH m, person ORDER BY person.username
  RETURN [x IN collect({username: person.username, name: person.name, role: m.role}) WHERE x.username IS NOT NULL]
    AS members
}
UNWIND owned AS product
RETURN product.owned AS owned, product.name AS name, product.domain AS domain, t.name AS team, coalesce(t.description, '') AS description,
       product.inherited AS inherited, members
