// Which of the nodes an answer would list the viewer may not see, each with the team answerable for it. Walks go
// through every node; this is how their answers leave out what the viewer may not see, and still say whose it is. A
// walk inside the server judges its own nodes (walk-procedure.cypher); this judges the rest, and every node of a walk
// by levels.
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
RETURN {{node-kind n}} AS kind, n.id AS id, {{answerable-team n}} AS team
