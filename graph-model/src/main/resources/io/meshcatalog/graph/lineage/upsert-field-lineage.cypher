// Field-level lineage (ODCS transformSourceObjects): source field FEEDS derived field, and the
// dataset-level edge it implies.
UNWIND $edges AS edge
MERGE (sd:Dataset {id: edge.sourceDataset})
  ON CREATE SET sd.placeholder = true, sd.name = edge.sourceDatasetName, sd.domain = edge.sourceDomain
MERGE (s:Field {id: edge.source})
  ON CREATE SET s.placeholder = true, s.name = edge.sourceName, s.dataset = edge.sourceDataset,
    s.domain = edge.sourceDomain
MERGE (sd)-[:HAS_FIELD]->(s)
WITH edge, sd, s
MATCH (t:Field {id: edge.target})<-[:HAS_FIELD]-(td:Dataset)
MERGE (s)-[r:FEEDS]->(t)
SET r.transform = edge.transform
WITH sd, td
WHERE sd <> td
MERGE (sd)-[:FEEDS]->(td)
