// Search with no text: every product, dataset, field and consumer of the kinds asked ($kinds) that the viewer may see,
// by id (so by domain), at most $candidates of them, packed like search.cypher's answer (score 0). `scanned` is how
// many were kept: at $candidates, there may be more. Each kind is read in the order of its id's index and stops at
// $candidates, so a blank search costs the same on a catalog of a million datasets as on a small one; each kind has
// its own visibility rule, so the statement stays small to plan. A $domain narrows each kind's scan, so a domain late
// in the order is not crowded out by the 1,000 before it (consumers, whose domain is their readers', are narrowed
// after, with the other filters).
CALL () {
  CALL () {
    MATCH (node:DataProduct)
    WHERE 'PRODUCT' IN $kinds AND node.id IS NOT NULL AND coalesce(node.placeholder, false) = false
      AND ($domain IS NULL OR node.domain = $domain)
      AND {{visible-product node}}
    RETURN node, 0 AS rank ORDER BY node.id LIMIT $candidates
    UNION ALL
    MATCH (node:Dataset)
    WHERE 'DATASET' IN $kinds AND node.id IS NOT NULL AND coalesce(node.placeholder, false) = false
      AND ($domain IS NULL OR node.domain = $domain)
      AND {{visible-dataset node}}
    RETURN node, 1 AS rank ORDER BY node.id LIMIT $candidates
    UNION ALL
    MATCH (node:Field)
    WHERE 'FIELD' IN $kinds AND node.id IS NOT NULL AND coalesce(node.placeholder, false) = false
      AND ($domain IS NULL OR node.domain = $domain)
      AND {{visible-field node}}
    RETURN node, 2 AS rank ORDER BY node.id LIMIT $candidates
    UNION ALL
    MATCH (node:Consumer)
    WHERE 'CONSUMER' IN $kinds AND node.id IS NOT NULL AND coalesce(node.placeholder, false) = false
      AND {{visible-consumer node}}
    RETURN node, 3 AS rank ORDER BY node.id LIMIT $candidates
  }
  WITH node ORDER BY node.id, rank
  LIMIT $candidates
  WITH node, 0.0 AS score, {{hit-product node}} AS product
  RETURN collect({{search-hit node}}) AS hits
}
RETURN hits, size(hits) AS scanned
