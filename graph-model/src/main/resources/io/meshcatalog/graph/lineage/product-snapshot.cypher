// What a product declares now, to compare with what it is about to declare.
MATCH (p:DataProduct {id: $productId})
WHERE p.placeholder = false
OPTIONAL MATCH (p)<-[:INPUT_TO]-(u:Dataset)
WITH p, collect(u.id) AS inputs
OPTIONAL MATCH (p)-[:PRODUCES]->(d:Dataset)-[:HAS_FIELD]->(f:Field)
WHERE f.placeholder = false
// products stored before visibility existed were internal
RETURN p.status AS status, coalesce(p.visibility, 'INTERNAL') AS visibility, coalesce(p.version, '') AS version, inputs,
       [x IN collect({dataset: d.id, field: f.name, type: f.logicalType,
                      classification: coalesce(f.classification, '')}) WHERE x.dataset IS NOT NULL] AS fields,
       coalesce(p.revision, 0) AS revision
