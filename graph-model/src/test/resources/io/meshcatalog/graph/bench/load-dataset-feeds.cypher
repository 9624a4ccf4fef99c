// Dataset-level lineage between datasets.
UNWIND $rows AS row
MATCH (s:Dataset {id: row.from})
MATCH (t:Dataset {id: row.to})
CREATE (s)-[:FEEDS]->(t)
