// Where a traversal from a field starts; nothing when the viewer may not see it.
MATCH (f:Field {id: $id})
WHERE {{visible-field f}}
RETURN elementId(f) AS element, f.id AS id, 'FIELD' AS kind
