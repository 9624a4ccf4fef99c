// Deletes placeholders nothing points at any more: fields without lineage, then datasets without
// fields, lineage or producer, then consumers nothing feeds. What a product once declared and dropped is retired and
// stays.
OPTIONAL MATCH (f:Field {placeholder: true})
WHERE f.retiredAt IS NULL AND NOT (f)-[:FEEDS]-()
DETACH DELETE f
WITH count(*) AS ignored
OPTIONAL MATCH (d:Dataset {placeholder: true})
WHERE d.retiredAt IS NULL AND NOT (d)-[:FEEDS|INPUT_TO|HAS_FIELD]-() AND NOT (d)<-[:PRODUCES]-()
DETACH DELETE d
WITH count(*) AS ignored
OPTIONAL MATCH (c:Consumer)
WHERE NOT (c)<-[:FEEDS]-()
DETACH DELETE c
