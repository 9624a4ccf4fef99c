// A product the viewer may see, with its datasets, the inputs it may see and its consumers; nothing when it may not.
MATCH (p:DataProduct {id: $id})
WHERE p.placeholder = false AND {{visible-product p}}
OPTIONAL MATCH (p)-[:PRODUCES]->(d:Dataset)
WITH p, d ORDER BY d.id
WITH p, collect(d.id) AS datasets
OPTIONAL MATCH (p)<-[:INPUT_TO]-(u:Dataset)
WHERE {{visible-dataset u}}
WITH p, datasets, u ORDER BY u.id
WITH p, datasets, collect(u.id) AS inputs
OPTIONAL MATCH (p)-[:PRODUCES]->(:Dataset)-[:FEEDS]->(c:Consumer)
WITH p, datasets, inputs, c ORDER BY c.id
RETURN p {.*} AS product, datasets, inputs, collect(DISTINCT c.id) AS consumers
