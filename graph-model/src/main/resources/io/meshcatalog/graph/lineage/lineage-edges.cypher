// The FEEDS relationships out of the datasets and fields of an answer (consumers feed nothing), at most $limit;
// the caller keeps those whose other end is in the answer too.
CALL {
  UNWIND $datasets AS id MATCH (n:Dataset {id: id}) RETURN n, 'DATASET' AS kind
  UNION ALL
  UNWIND $fields AS id MATCH (n:Field {id: id}) RETURN n, 'FIELD' AS kind
}
MATCH (n)-[:FEEDS]->(m)
RETURN kind, n.id AS id, CASE WHEN m:Consumer THEN 'CONSUMER' WHEN m:Field THEN 'FIELD' ELSE 'DATASET' END AS toKind,
       m.id AS to
LIMIT $limit
