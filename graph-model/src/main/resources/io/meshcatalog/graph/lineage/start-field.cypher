MATCH (f:Field {id: $id})
RETURN elementId(f) AS element, f.id AS id, 'FIELD' AS kind
