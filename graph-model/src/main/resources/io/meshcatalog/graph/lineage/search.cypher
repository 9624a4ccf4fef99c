// Full-text candidates the viewer may see, best first, with what the filters and facets need: the product each hit
// belongs to, its domain, status, tags, effective owner and classifications. Packed in one row; `scanned` is how
// many candidates the index gave before visibility, so a capped total is known even when few are visible.
CALL db.index.fulltext.queryNodes('catalog_text', $query, {limit: $candidates}) YIELD node, score
WITH collect([node, score]) AS found
CALL (found) {
  UNWIND found AS candidate
  WITH candidate[0] AS node, candidate[1] AS score
  WHERE coalesce(node.placeholder, false) = false AND {{visible-node node}}
  WITH node, score, {{hit-product node}} AS product
  ORDER BY score DESC, node.id
  RETURN collect({{search-hit node}}) AS hits
}
RETURN hits, size(found) AS scanned
