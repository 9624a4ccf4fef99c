// Where each product in $products, dataset in $datasets and field in $fields the viewer may see is in its life: its
// product's status, or RETIRED when the product dropped it, with when and by what. Datasets no product ever published
// (known from OpenLineage) have none.
CALL () {
  UNWIND $products AS id
  MATCH (p:DataProduct {id: id})
  WHERE p.placeholder = false AND {{visible-product p}}
  RETURN 'PRODUCT' AS kind, id, p.status AS status, p.retiredAt AS retiredAt, p.retiredBy AS retiredBy,
         p.sunset AS sunset
  UNION ALL
  UNWIND $datasets AS id
  MATCH (d:Dataset {id: id})
  WHERE {{visible-dataset d}}
  OPTIONAL MATCH (d)<-[:PRODUCES]-(p:DataProduct)
  RETURN 'DATASET' AS kind, id, CASE WHEN d.retiredAt IS NOT NULL THEN 'RETIRED' ELSE p.status END AS status,
         coalesce(d.retiredAt, p.retiredAt) AS retiredAt, coalesce(d.retiredBy, p.retiredBy) AS retiredBy,
         p.sunset AS sunset
  UNION ALL
  UNWIND $fields AS id
  MATCH (f:Field {id: id})
  WHERE {{visible-field f}}
  OPTIONAL MATCH (d:Dataset)-[:HAS_FIELD]->(f)
  OPTIONAL MATCH (d)<-[:PRODUCES]-(p:DataProduct)
  RETURN 'FIELD' AS kind, id,
         CASE WHEN f.retiredAt IS NOT NULL OR d.retiredAt IS NOT NULL THEN 'RETIRED' ELSE p.status END AS status,
         coalesce(f.retiredAt, d.retiredAt, p.retiredAt) AS retiredAt,
         coalesce(f.retiredBy, d.retiredBy, p.retiredBy) AS retiredBy, p.sunset AS sunset
}
RETURN kind, id, status, retiredAt, retiredBy, sunset
