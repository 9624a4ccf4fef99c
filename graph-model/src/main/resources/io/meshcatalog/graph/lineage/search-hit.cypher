// One search hit for __node__, packed as CatalogSearch reads it; `score` and `product` (see hit-product) are in scope.
// `health` holds the write facts its health is judged from: a product's datasets', a dataset's own, a field's dataset's.
{
  kind: {{node-kind __node__}},
  id: __node__.id, name: coalesce(__node__.name, __node__.id),
  description: coalesce(__node__.description, __node__.purpose, ''),
  score: score, product: product.id, domain: coalesce(product.domain, __node__.domain, ''),
  status: coalesce(product.status, ''), tags: coalesce(product.tags, []) + coalesce(__node__.tags, []),
  owner: {{owning-team product}},
  classifications: CASE WHEN __node__:Field THEN [x IN [__node__.classification] WHERE x IS NOT NULL]
                        ELSE coalesce(__node__.classifications, []) END,
  health: CASE WHEN __node__:DataProduct THEN [(__node__)-[:PRODUCES]->(hitDataset:Dataset) | {{write-facts hitDataset}}]
               WHEN __node__:Dataset THEN [{{write-facts __node__}}]
               WHEN __node__:Field THEN [(__node__)<-[:HAS_FIELD]-(hitDataset:Dataset) | {{write-facts hitDataset}}]
               ELSE [] END
}
