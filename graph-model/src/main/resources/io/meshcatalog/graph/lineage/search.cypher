// Full-text candidates with what the filters and facets need: the product each hit belongs to,
// its domain, status, tags, effective owner and classifications.
CALL db.index.fulltext.queryNodes('catalog_text', $query, {limit: $candidates}) YIELD node, score
WHERE coalesce(node.placeholder, false) = false
CALL (node) {
  OPTIONAL MATCH (node)<-[:HAS_FIELD]-(fieldDataset:Dataset)
  WITH node, coalesce(fieldDataset, CASE WHEN node:Dataset THEN node END) AS dataset
  OPTIONAL MATCH (dataset)<-[:PRODUCES]-(datasetProduct:DataProduct)
  OPTIONAL MATCH (node)<-[:FEEDS]-(:Dataset)<-[:PRODUCES]-(consumerProduct:DataProduct)
  RETURN coalesce(CASE WHEN node:DataProduct THEN node END, datasetProduct, consumerProduct) AS product
  LIMIT 1
}
OPTIONAL MATCH (product)-[:OWNED_BY]->(own:Team)
OPTIONAL MATCH (product)-[:IN_DOMAIN]->(:Domain)-[:OWNED_BY]->(domainTeam:Team)
RETURN CASE WHEN node:DataProduct THEN 'PRODUCT' WHEN node:Dataset THEN 'DATASET'
            WHEN node:Field THEN 'FIELD' ELSE 'CONSUMER' END AS kind,
       node.id AS id, coalesce(node.name, node.id) AS name,
       coalesce(node.description, node.purpose, '') AS description, score,
       product.id AS product, coalesce(product.domain, node.domain, '') AS domain,
       coalesce(product.status, '') AS status,
       coalesce(product.tags, []) + coalesce(node.tags, []) AS tags,
       coalesce(own.name, domainTeam.name) AS owner,
       CASE WHEN node:Field THEN [x IN [node.classification] WHERE x IS NOT NULL]
            ELSE coalesce(node.classifications, []) END AS classifications
ORDER BY score DESC, id
