UNWIND $consumerIds AS consumerId
MATCH (c:Consumer {id: consumerId})-[:OWNED_BY]->(t:Team)
OPTIONAL MATCH (t)-[m:HAS_MEMBER]->(person:Person)
WITH c, t, m, person ORDER BY person.username
RETURN c.id AS owned, '' AS domain, t.name AS team, coalesce(t.description, '') AS description, false AS inherited,
       [x IN collect({username: person.username, name: person.name, role: m.role}) WHERE x.username IS NOT NULL]
         AS members
