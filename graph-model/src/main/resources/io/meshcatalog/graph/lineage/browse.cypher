// Search with no text: every product, by name, with the same columns as search.cypher.
MATCH (product:DataProduct)
WHERE product.placeholder = false
OPTIONAL MATCH (product)-[:OWNED_BY]->(own:Team)
OPTIONAL MATCH (product)-[:IN_DOMAIN]->(:Domain)-[:OWNED_BY]->(domainTeam:Team)
RETURN 'PRODUCT' AS kind, product.id AS id, product.name AS name, product.purpose AS description, 0.0 AS score,
       product.id AS product, product.domain AS domain, product.status AS status, product.tags AS tags,
       coalesce(own.name, domainTeam.name) AS owner, coalesce(product.classifications, []) AS classifications
ORDER BY name, id
LIMIT $candidates
