// Where a traversal from a product starts: its datasets and their fields; nothing when the viewer may not see it.
MATCH (p:DataProduct {id: $id})-[:PRODUCES]->(d:Dataset)
WHERE {{visible-product p}}
OPTIONAL MATCH (d)-[:HAS_FIELD]->(f:Field)
WITH d, collect(f) AS fields
UNWIND [d] + fields AS n
RETURN elementId(n) AS element, n.id AS id, CASE WHEN n:Field THEN 'FIELD' ELSE 'DATASET' END AS kind
