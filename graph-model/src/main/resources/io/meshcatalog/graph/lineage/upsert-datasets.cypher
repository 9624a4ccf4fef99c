// The datasets a product publishes and their fields; a dataset a retired product published, or another product
// dropped, is this one's now. A retired product's keep their retirement.
MATCH (p:DataProduct {id: $productId})
WITH p, p.status = 'RETIRED' AS retired
UNWIND $datasets AS dataset
MERGE (d:Dataset {id: dataset.id})
SET d += dataset.properties, d.placeholder = false,
    d.retiredAt = CASE WHEN retired THEN d.retiredAt END, d.retiredBy = CASE WHEN retired THEN d.retiredBy END
MERGE (p)-[:PRODUCES]->(d)
WITH p, d, dataset, retired
CALL (p, d) {
  OPTIONAL MATCH (d)<-[before:PRODUCED|PRODUCES]-(other:DataProduct)
  WHERE other <> p AND (type(before) = 'PRODUCED' OR other.status = 'RETIRED')
  DELETE before
}
CALL (p, d) {
  OPTIONAL MATCH (d)<-[mine:PRODUCED]-(p)
  DELETE mine
}
WITH d, dataset, retired
UNWIND dataset.fields AS field
MERGE (f:Field {id: field.id})
SET f += field.properties, f.placeholder = false,
    f.retiredAt = CASE WHEN retired THEN f.retiredAt END, f.retiredBy = CASE WHEN retired THEN f.retiredBy END
MERGE (d)-[:HAS_FIELD]->(f)
