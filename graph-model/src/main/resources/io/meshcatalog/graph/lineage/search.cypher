// Full-text candidates the viewer may see, best first, with what the filters and facets need: the product each hit
// belongs to, its domain, status, tags, effective owner and classifications. Packed in one row; `scanned` is how
// many candidates the index gave before visibility, so a capped total is known even when few are visible.
CALL db.index.fulltext.queryNodes('catalog_text', $query, {limit: $candidates}) YIELD node, score
WITH collect([node, score]) AS found
CALL (found) {
  UNWIND found AS candidate
  WITH candidate[0] AS node, candidate[1] AS score
  WHERE coalesce(node.placeholder, false) = false AND {{visible-node node}}
  CALL (node) {
    OPTIONAL MATCH (node)<-[:HAS_FIELD]-(fieldDataset:Dataset)
    WITH node, coalesce(fieldDataset, CASE WHEN node:Dataset THEN node END) AS dataset
    OPTIONAL MATCH (dataset)<-[:PRODUCES]-(datasetProduct:DataProduct)
    OPTIONAL MATCH (node)<-[:FEEDS]-(:Dataset)<-[:PRODUCES]-(consumerProduct:DataProduct)
    RETURN coalesce(CASE WHEN node:DataProduct THEN node END, datasetProduct, consumerProduct) AS product
    LIMIT 1
  }
  WITH node, score, product ORDER BY score DESC, node.id
  RETURN collect({
    kind: CASE WHEN node:DataProduct THEN 'PRODUCT' WHEN node:Dataset THEN 'DATASET'
               WHEN node:Field THEN 'FIELD' ELSE 'CONSUMER' END,
    id: node.id, name: coalesce(node.name, node.id), description: coalesce(node.description, node.purpose, ''),
    score: score, product: product.id, domain: coalesce(product.domain, node.domain, ''),
    status: coalesce(product.status, ''), tags: coalesce(product.tags, []) + coalesce(node.tags, []),
    owner: {{owning-team product}},
    classifications: CASE WHEN node:Field THEN [x IN [node.classification] WHERE x IS NOT NULL]
                          ELSE coalesce(node.classifications, []) END}) AS hits
}
RETURN hits, size(found) AS scanned
