// One search hit for __node__, packed as CatalogSearch reads it; `score` and `product` (see hit-product) are in scope.
{
  kind: CASE WHEN __node__:DataProduct THEN 'PRODUCT' WHEN __node__:Dataset THEN 'DATASET'
             WHEN __node__:Field THEN 'FIELD' ELSE 'CONSUMER' END,
  id: __node__.id, name: coalesce(__node__.name, __node__.id),
  description: coalesce(__node__.description, __node__.purpose, ''),
  score: score, product: product.id, domain: coalesce(product.domain, __node__.domain, ''),
  status: coalesce(product.status, ''), tags: coalesce(product.tags, []) + coalesce(__node__.tags, []),
  owner: {{owning-team product}},
  classifications: CASE WHEN __node__:Field THEN [x IN [__node__.classification] WHERE x IS NOT NULL]
                        ELSE coalesce(__node__.classifications, []) END
}
