// Search with no text: every product the viewer may see, by name, packed like search.cypher's answer.
CALL () {
  MATCH (product:DataProduct)
  WHERE product.placeholder = false AND {{visible-product product}}
  WITH product ORDER BY product.name, product.id
  LIMIT $candidates
  RETURN collect({kind: 'PRODUCT', id: product.id, name: product.name, description: product.purpose, score: 0.0,
                  product: product.id, domain: product.domain, status: product.status, tags: product.tags,
                  owner: {{owning-team product}}, classifications: coalesce(product.classifications, [])}) AS hits
}
RETURN hits, size(hits) AS scanned
