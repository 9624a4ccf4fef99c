// Column lineage (the columnLineage facet): source field FEEDS output field, marked with the job.
UNWIND $edges AS edge
MATCH (sd:Dataset {id: edge.sourceDataset}), (td:Dataset {id: edge.targetDataset})
MERGE (s:Field {id: edge.sourceDataset + '.' + edge.sourceField})
  ON CREATE SET s.placeholder = false, s.name = edge.sourceField, s.dataset = edge.sourceDataset,
    s.domain = coalesce(sd.domain, ''), s.logicalType = '', s.description = ''
MERGE (sd)-[:HAS_FIELD]->(s)
MERGE (t:Field {id: edge.targetDataset + '.' + edge.targetField})
  ON CREATE SET t.placeholder = false, t.name = edge.targetField, t.dataset = edge.targetDataset,
    t.domain = coalesce(td.domain, ''), t.logicalType = '', t.description = ''
MERGE (td)-[:HAS_FIELD]->(t)
MERGE (s)-[r:FEEDS {job: edge.job}]->(t)
SET r.transform = edge.transform
