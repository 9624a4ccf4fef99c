// A field the viewer may see, with the fields it is derived from as far as it may see them; nothing when it may not.
MATCH (f:Field {id: $id})
WHERE {{visible-field f}}
OPTIONAL MATCH (f)<-[:FEEDS]-(source:Field)
WHERE {{visible-field source}}
WITH f, source ORDER BY source.id
WITH f, collect(source.id) AS sources
RETURN f {.*, derivedFrom: sources} AS field
