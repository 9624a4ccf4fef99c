// The write facts of each dataset in $datasets and each product in $products the viewer may see: a dataset's own,
// a product's datasets'.
CALL () {
  UNWIND $datasets AS id
  MATCH (d:Dataset {id: id})
  WHERE {{visible-dataset d}}
  RETURN 'DATASET' AS kind, id, [{{write-facts d}}] AS facts
  UNION ALL
  UNWIND $products AS id
  MATCH (p:DataProduct {id: id})
  WHERE {{visible-product p}}
  RETURN 'PRODUCT' AS kind, id, [(p)-[:PRODUCES]->(d:Dataset) | {{write-facts d}}] AS facts
}
RETURN kind, id, facts
