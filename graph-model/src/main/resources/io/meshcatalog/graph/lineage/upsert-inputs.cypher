// Input ports: product-level INPUT_TO and dataset-level FEEDS into every dataset of the product.
// An upstream dataset not loaded yet is created as a placeholder and filled in when its own
// product arrives.
MATCH (p:DataProduct {id: $productId})
UNWIND $inputs AS input
MERGE (u:Dataset {id: input.dataset})
  ON CREATE SET u.placeholder = true, u.name = input.datasetName, u.domain = input.domain
MERGE (u)-[port:INPUT_TO]->(p)
SET port.name = input.name, port.version = input.version
WITH p, u
MATCH (p)-[:PRODUCES]->(d:Dataset)
WHERE d <> u
MERGE (u)-[:FEEDS]->(d)
