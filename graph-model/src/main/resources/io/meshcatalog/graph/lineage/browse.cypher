// Search with no text: every product, dataset, field and consumer of the kinds asked ($kinds) that the viewer may see,
// by name, at most $candidates of them, packed like search.cypher's answer (score 0). `scanned` is how many were
// kept: at $candidates, there may be more.
CALL () {
  CALL () {
    MATCH (node:DataProduct) WHERE 'PRODUCT' IN $kinds RETURN node
    UNION ALL
    MATCH (node:Dataset) WHERE 'DATASET' IN $kinds RETURN node
    UNION ALL
    MATCH (node:Field) WHERE 'FIELD' IN $kinds RETURN node
    UNION ALL
    MATCH (node:Consumer) WHERE 'CONSUMER' IN $kinds RETURN node
  }
  WITH node WHERE coalesce(node.placeholder, false) = false AND {{visible-node node}}
  WITH node ORDER BY coalesce(node.name, node.id), node.id
  LIMIT $candidates
  WITH node, 0.0 AS score, {{hit-product node}} AS product
  RETURN collect({{search-hit node}}) AS hits
}
RETURN hits, size(hits) AS scanned
