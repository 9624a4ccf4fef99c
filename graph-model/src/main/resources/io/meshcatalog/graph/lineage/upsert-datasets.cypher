// The datasets a product publishes and their fields.
MATCH (p:DataProduct {id: $productId})
UNWIND $datasets AS dataset
MERGE (d:Dataset {id: dataset.id})
SET d += dataset.properties, d.placeholder = false, d.retiredAt = null, d.retiredBy = null
MERGE (p)-[:PRODUCES]->(d)
WITH d, dataset
UNWIND dataset.fields AS field
MERGE (f:Field {id: field.id})
SET f += field.properties, f.placeholder = false, f.retiredAt = null, f.retiredBy = null
MERGE (d)-[:HAS_FIELD]->(f)
