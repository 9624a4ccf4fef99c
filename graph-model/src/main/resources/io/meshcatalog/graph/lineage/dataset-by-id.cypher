// A dataset the viewer may see, with its fields; nothing when it may not.
MATCH (d:Dataset {id: $id})
WHERE {{visible-dataset d}}
OPTIONAL MATCH (d)<-[:PRODUCES]-(p:DataProduct)
OPTIONAL MATCH (d)-[:HAS_FIELD]->(f:Field)
// the fields they are derived from, as far as the viewer may see them
OPTIONAL MATCH (f)<-[:FEEDS]-(source:Field)
WHERE {{visible-field source}}
WITH d, p, f, source ORDER BY source.id
WITH d, p, f, collect(source.id) AS sources ORDER BY f.position, f.name
RETURN d {.*} AS dataset, p.id AS product,
       [x IN collect(CASE WHEN f IS NULL THEN null ELSE f {.*, derivedFrom: sources} END) WHERE x IS NOT NULL] AS fields
