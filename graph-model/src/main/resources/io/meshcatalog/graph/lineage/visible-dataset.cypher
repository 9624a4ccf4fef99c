// Whether the viewer may see the dataset __node__: when a product publishes it (or published it, and dropped it), when
// it may see that product; a dataset no product ever published (known only from OpenLineage, or named as an input
// before its product is loaded) is for authenticated viewers. One subquery of two branches, for the reason
// visible-product.cypher gives.
$everything
OR EXISTS {
  MATCH (__node__)<-[:PRODUCES|PRODUCED]-(visDatasetProduct:DataProduct)
  WHERE {{visible-product visDatasetProduct}} RETURN 1
  UNION
  MATCH (__node__) WHERE $authenticated AND NOT EXISTS { (__node__)<-[:PRODUCES|PRODUCED]-(:DataProduct) } RETURN 1
}
