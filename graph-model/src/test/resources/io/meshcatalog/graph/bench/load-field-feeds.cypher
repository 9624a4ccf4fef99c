// Field-level lineage.
UNWIND $rows AS row
MATCH (s:Field {id: row.from})
MATCH (t:Field {id: row.to})
CREATE (s)-[:FEEDS]->(t)
