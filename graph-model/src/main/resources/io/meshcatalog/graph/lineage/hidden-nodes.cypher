// Which of the nodes an answer would list the viewer may not see, each with the team answerable for it: a product's
// owning team; a dataset's or a field's product's; a consumer's own team, else that of a product it reads. Walks go
// through every node; this is how their answers leave out what the viewer may not see, and still say whose it is.
CALL () {
  UNWIND $products AS id MATCH (n:DataProduct {id: id}) RETURN n
  UNION
  UNWIND $datasets AS id MATCH (n:Dataset {id: id}) RETURN n
  UNION
  UNWIND $fields AS id MATCH (n:Field {id: id}) RETURN n
  UNION
  UNWIND $consumers AS id MATCH (n:Consumer {id: id}) RETURN n
}
WITH n
WHERE NOT {{visible-node n}}
WITH n, CASE
  WHEN n:DataProduct THEN n
  WHEN n:Dataset THEN head([(n)<-[:PRODUCES]-(p:DataProduct) | p])
  WHEN n:Field THEN head([(n)<-[:HAS_FIELD]-(:Dataset)<-[:PRODUCES]-(p:DataProduct) | p])
  ELSE head([(n)<-[:FEEDS]-(:Dataset)<-[:PRODUCES]-(p:DataProduct) | p])
END AS governing
RETURN CASE WHEN n:DataProduct THEN 'PRODUCT' WHEN n:Dataset THEN 'DATASET' WHEN n:Field THEN 'FIELD'
            ELSE 'CONSUMER' END AS kind,
       n.id AS id,
       coalesce(head([(n:Consumer)-[:OWNED_BY]->(t:Team) | t.name]), {{owning-team governing}}) AS team
