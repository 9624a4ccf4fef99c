// Dataset-level lineage into consumers.
UNWIND $rows AS row
MATCH (s:Dataset {id: row.from})
MATCH (c:Consumer {id: row.to})
CREATE (s)-[:FEEDS]->(c)
