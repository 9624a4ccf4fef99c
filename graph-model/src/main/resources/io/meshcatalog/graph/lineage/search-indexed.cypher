// A search (without words: a listing by id) answered by the database's search index (meshcatalog.search): the
// viewer's grants in force (the products they open), then the page of hits, packed as search.cypher packs them, with
// the exact total and, unless $valuesPerFacet is 0, each facet's most frequent values, counted over every match.
// `ready` false: the index cannot answer now, and the caller searches the full-text index instead.
CALL () {
  OPTIONAL MATCH (grant:AccessRequest)-[:FOR_PRODUCT]->(granted:DataProduct)
  WHERE $authenticated AND {{holds-grant grant}}
  RETURN collect(DISTINCT granted.id) AS grants
}
CALL meshcatalog.search($query, $filters,
                        {everything: $everything, authenticated: $authenticated, teams: $teams, grants: grants},
                        $now, $offset, $limit, $valuesPerFacet)
YIELD ready, nodes, scores, total, facets
CALL (nodes, scores) {
  UNWIND range(0, size(nodes) - 1) AS i
  WITH i, nodes[i] AS node, scores[i] AS score
  // as they are now: a write committed since the index answered may have hidden one, or taken it out of the catalog
  WHERE (node:DataProduct OR node:Dataset OR node:Field OR node:Consumer) AND coalesce(node.placeholder, false) = false
    AND {{visible-node node}}
  WITH i, node, score, {{hit-product node}} AS product
  ORDER BY i
  RETURN collect({{search-hit node}}) AS hits
}
RETURN ready, hits, total, facets
