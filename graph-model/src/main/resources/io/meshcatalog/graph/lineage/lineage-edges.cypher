// The FEEDS relationships out of the datasets and fields of an answer (consumers feed nothing) to an id of the answer
// ($ids), at most $limit; the caller keeps those whose other end is of the answer's kind too (a product and its dataset
// may share an id).
CALL {
  UNWIND $datasets AS id MATCH (n:Dataset {id: id}) RETURN n, 'DATASET' AS kind
  UNION ALL
  UNWIND $fields AS id MATCH (n:Field {id: id}) RETURN n, 'FIELD' AS kind
}
MATCH (n)-[:FEEDS]->(m)
WHERE m.id IN $ids
RETURN kind, n.id AS id, CASE WHEN m:Consumer THEN 'CONSUMER' WHEN m:Field THEN 'FIELD' ELSE 'DATASET' END AS toKind,
       m.id AS to
LIMIT $limit
