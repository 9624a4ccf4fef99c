MATCH (f:Field {id: $id})
OPTIONAL MATCH (f)<-[:FEEDS]-(source:Field)
WITH f, source ORDER BY source.id
WITH f, collect(source.id) AS sources
RETURN f {.*, derivedFrom: sources} AS field
