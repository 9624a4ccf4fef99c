// Where a traversal from a dataset starts: the dataset and its fields; nothing when the viewer may not see it.
MATCH (d:Dataset {id: $id})
WHERE {{visible-dataset d}}
OPTIONAL MATCH (d)-[:HAS_FIELD]->(f:Field)
WITH d, collect(f) AS fields
UNWIND [d] + fields AS n
RETURN elementId(n) AS element, n.id AS id, CASE WHEN n:Field THEN 'FIELD' ELSE 'DATASET' END AS kind
