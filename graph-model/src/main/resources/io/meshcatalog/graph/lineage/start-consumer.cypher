// Where a traversal from a consumer starts (upstream only: a consumer feeds nothing); nothing when the viewer may not
// see it.
MATCH (c:Consumer {id: $id})
WHERE {{visible-consumer c}}
RETURN elementId(c) AS element, c.id AS id, 'CONSUMER' AS kind
